import { useEffect, useRef, useState } from 'react';
import { COMMENT_LIMIT } from '../../share/link';
import { useApp, useAppStore } from '../storeContext';
import { download, screenSvg, svgToPng } from './exportImage';

type Result =
  | { kind: 'link'; text: string; what: string; length: number; warning?: string; copied: boolean }
  | { kind: 'error'; message: string; hint?: string }
  | { kind: 'done'; message: string };

/**
 * Copy a link to what is on screen (length shown, warned above a GitHub comment's limit), copy an embed
 * snippet, export SVG / PNG.
 */
export function ShareMenu({ onClose }: { onClose: (refocus: boolean) => void }) {
  const store = useAppStore();
  const [result, setResult] = useState<Result | undefined>();
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  // A set read from this computer or an org has no address a link could carry; a repository's has.
  const setFrom = useApp((s) => s.set?.source.kind);
  const changesLocal = useApp((s) => s.changeSet?.source.kind === 'local');
  const items = () => [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    // Esc from anywhere closes and gives focus back to Share; a click outside just closes.
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose(true);
    const onDown = (e: MouseEvent) => {
      const t = e.target as HTMLElement;
      if (box.current && !box.current.contains(t) && !t.closest?.('.share-toggle')) onClose(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);
  // The menu's keys (WAI-ARIA menu button): arrows, Home and End move between the items.
  const onMenuKey = (e: React.KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? (at + 1) % all.length
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? (at - 1 + all.length) % all.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? all.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setCurrent(next);
    all[next]?.focus();
  };
  const item = (index: number, label: string, action: () => void) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={index === current ? 0 : -1}
      aria-disabled={busy || undefined}
      onClick={() => !busy && action()}
      onFocus={() => setCurrent(index)}
    >
      {label}
    </button>
  );
  const site = `${location.origin}${location.pathname}`;
  const run = (f: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await f();
    } catch (e) {
      setResult({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  };
  const copyLink = run(async () => {
    const link = await store.getState().linkForScreen(site);
    if (!link.ok) return setResult({ kind: 'error', message: link.message, hint: link.hint });
    setResult({
      kind: 'link',
      what: 'The link',
      text: link.url,
      length: link.length,
      warning: link.warning,
      copied: await copy(link.url),
    });
  });
  const embed = run(async () => {
    const link = await store.getState().linkForScreen(site);
    if (!link.ok) return setResult({ kind: 'error', message: link.message, hint: link.hint });
    const src = embedUrl(link.url);
    const attribute = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const snippet =
      `<iframe src="${attribute}" width="100%" height="600" ` +
      'style="border:1px solid #d8dde6;border-radius:6px" title="Flow diagram" loading="lazy"></iframe>';
    setResult({
      kind: 'link',
      what: 'The embed code',
      text: snippet,
      length: snippet.length,
      warning: link.warning,
      copied: await copy(snippet),
    });
  });
  const exportAs = (format: 'svg' | 'png') =>
    run(async () => {
      const pic = await screenSvg(store.getState());
      if (!pic)
        return setResult({
          kind: 'error',
          message: 'The picture is not ready yet.',
          hint: 'Wait for the layout to finish, then export.',
        });
      const blob =
        format === 'svg'
          ? new Blob([pic.svg], { type: 'image/svg+xml' })
          : await svgToPng(pic.svg, pic.width, pic.height);
      download(blob, `${pic.name}.${format}`);
      const kb = Math.max(1, Math.round(blob.size / 1024)).toLocaleString('en-US');
      setResult({ kind: 'done', message: `Saved ${pic.name}.${format} (${kb} KB).` });
    });
  return (
    <div className="share-menu" ref={box}>
      <div className="share-actions" role="menu" id="share-menu" aria-label="Share and export" onKeyDown={onMenuKey}>
        {item(0, 'Copy link', copyLink)}
        {item(1, 'Copy embed code', embed)}
        {item(2, 'Export SVG', exportAs('svg'))}
        {item(3, 'Export PNG', exportAs('png'))}
      </div>
      {changesLocal && (
        <p className="share-note">
          This change set was opened from folders on this computer; a link cannot carry it. Copy link shares the
          comparison on screen.
        </p>
      )}
      {setFrom !== undefined && setFrom !== 'repo' && !changesLocal && (
        <p className="share-note">
          This set was {setFrom === 'org' ? 'read from an org' : 'opened from files on this computer'}; a link cannot
          carry the set. Copy link shares the flow on screen.
        </p>
      )}
      {result?.kind === 'link' && (
        <div className="share-result">
          <p role="status">{linkStatus(result)}</p>
          {result.warning && (
            <p className="share-warning" role="alert">
              {result.warning}
            </p>
          )}
          <textarea
            readOnly
            aria-label={result.what}
            value={result.text}
            rows={3}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      {result?.kind === 'error' && (
        <p className="share-warning" role="alert">
          {result.message} {result.hint}
        </p>
      )}
      {result?.kind === 'done' && <p role="status">{result.message}</p>}
    </div>
  );
}

/** "Copied to the clipboard · 1,234 characters (fits in a GitHub comment)". */
function linkStatus(link: { copied: boolean; length: number }): string {
  const how = link.copied ? 'Copied to the clipboard' : 'Select and copy';
  const fits = link.length <= COMMENT_LIMIT ? ' (fits in a GitHub comment)' : '';
  return `${how} · ${link.length.toLocaleString('en-US')} characters${fits}`;
}

/** The same link with `embed=1` in its query (before the hash, so the payload is untouched). */
export function embedUrl(url: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const rest = hash < 0 ? '' : url.slice(hash);
  return `${base}${base.includes('?') ? '&' : '?'}embed=1${rest}`;
}
