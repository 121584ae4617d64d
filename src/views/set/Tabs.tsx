import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A WAI-ARIA tab list: the tabs, and the current one's panel. Left / Right (and Home / End) move between
 * the tabs and show them; only the current tab is in the Tab order.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  current,
  onChange,
  children,
  className,
}: {
  label: string;
  tabs: readonly (readonly [T, string])[];
  current: T;
  onChange: (tab: T) => void;
  /** The current tab's panel. */
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const at = tabs.findIndex(([t]) => t === current);
  const onKeyDown = (e: KeyboardEvent) => {
    const n = tabs.length;
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % n
        : e.key === 'ArrowLeft'
          ? (at - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    const tab = tabs[next];
    if (!tab) return;
    e.preventDefault();
    onChange(tab[0]);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div className={className}>
      <div className="set-tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map(([t, text]) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`${id}-tab-${t}`}
            aria-selected={t === current}
            aria-controls={`${id}-panel`}
            tabIndex={t === current ? 0 : -1}
            onClick={() => onChange(t)}
          >
            {text}
          </button>
        ))}
      </div>
      <div className="set-tabpanel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current}`}>
        {children}
      </div>
    </div>
  );
}
