import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './sources.css';

const FOCUSABLE = [
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[href]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * What Tab can reach in `box`: not disabled, not hidden (a hidden file input is in the DOM but not in the tab
 * order).
 */
export function tabbable(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[hidden]') && el.getAttribute('type') !== 'hidden' && el.tabIndex >= 0,
  );
}

/**
 * A modal dialog in a portal (outside the app bar, whose styles it must not inherit). Esc and × close it;
 * Tab stays inside; focus goes to the first field on open and back where it was on close. `hidden` keeps
 * it mounted, so what lives in it (the org browser's list as it was left) survives closing.
 */
export function Dialog({
  title,
  open = true,
  onClose,
  children,
  className,
}: {
  title: string;
  open?: boolean;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const items = box.current ? tabbable(box.current) : [];
    const first = items.find((el) => /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) ?? items[0];
    first?.focus();
    // Esc also closes when focus has fallen out of the dialog (a button disabled while busy drops it to <body>).
    const onWindowKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !box.current?.contains(document.activeElement)) close.current();
    };
    window.addEventListener('keydown', onWindowKey);
    return () => {
      window.removeEventListener('keydown', onWindowKey);
      before?.focus();
    };
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab' && box.current) {
      const items = tabbable(box.current);
      const [first, last] = [items[0], items[items.length - 1]];
      const inside = items.includes(document.activeElement as HTMLElement);
      if (e.shiftKey && (document.activeElement === first || !inside)) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
        e.preventDefault();
        first?.focus();
      }
    }
  };
  return createPortal(
    <div className="src-backdrop" hidden={!open}>
      <div
        ref={box}
        className={`src-dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="src-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="src-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** A source's message and what to do about it. */
export function ErrorNote({ error }: { error: { message: string; hint: string } | undefined }) {
  if (!error) return null;
  return (
    <div className="src-error" role="alert">
      <strong>{error.message}</strong>
      {error.hint && <div className="src-hint">{error.hint}</div>}
    </div>
  );
}

/** Any thrown value as a message and hint; sources/ errors are already redacted. */
export function describeError(e: unknown): { message: string; hint: string; kind?: string } {
  if (typeof e === 'object' && e !== null && 'hint' in e && 'message' in e && 'kind' in e) {
    const s = e as { message: string; hint: string; kind: string };
    return { message: s.message, hint: s.hint, kind: s.kind };
  }
  return { message: 'Something went wrong.', hint: 'Try again.' };
}
