import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { CanvasSlot } from './CanvasSlot';
import { ErrorBanner, ScreenBoundary } from './components/ErrorBanner';
import { LayoutPicker } from './components/LayoutPicker';
import { LoadBar } from './components/LoadBar';
import { Search } from './components/Search';
import { ThemeToggle } from './components/ThemeToggle';
import { selectComparison } from '../state/store';
import {
  ComparePanelPart,
  DiffBarPart,
  DiffSidePart,
  EmbedAppPart,
  SetBarPart,
  ChangeBarPart,
  ChangeScreenPart,
  SetScreenPart,
  ShareMenuPart,
  SidePanelPart,
} from './lazyParts';
import { isEmbed } from './links';
import { useApp, useAppStore } from './storeContext';

// The panels (and the describe code behind them) load beside the canvas, not before the page shell.
const SidePanel = SidePanelPart;
// Comparing is a second screen: its code loads when a comparison opens.
const DiffBarSlot = DiffBarPart;
const DiffSide = DiffSidePart;
// Dialogs start loading when the pointer reaches their button, so they open at once on the click.
const ComparePanel = ComparePanelPart;
const ShareMenu = ShareMenuPart;

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.isContentEditable);

/** The page: the embed (canvas only) when the URL says `?embed=1`, else the full viewer. */
export function App() {
  // The outer safety net: a part outside the canvas and panels (the toolbar, a dialog) that throws still
  // leaves the message and Close, not a blank page.
  return (
    <ScreenBoundary>
      {isEmbed(location.search) ? (
        // The embed's few lines come beside the canvas's code (main.tsx warms them): nothing is drawn before that.
        <Suspense fallback={null}>
          <EmbedAppPart />
        </Suspense>
      ) : (
        <Viewer />
      )}
    </ScreenBoundary>
  );
}

/** The viewer: load controls and search on top, the canvas, the side panel. Drop and paste work anywhere. */
function Viewer() {
  const store = useAppStore();
  const [dragging, setDragging] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const shareButton = useRef<HTMLButtonElement>(null);
  const closeShare = useCallback((refocus: boolean) => {
    setSharing(false);
    if (refocus) shareButton.current?.focus();
  }, []);
  const comparing = useApp(selectComparison) !== undefined;
  const [choosing, setChoosing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const hasSomething = useApp((s) => s.flow !== undefined || s.comparison !== undefined || !!s.changeSet);
  // A flow set: its screen (list, or reading it, or why it failed) instead of the canvas; its bar over a flow of it.
  // A change set (issue 14), when one is open, likewise, over the flow set.
  const changes = useApp((s) => s.changeSet !== undefined);
  const setShown = useApp((s) => {
    const c = s.changeSet ?? s.set;
    return c ? (c.status === 'ready' && !c.listing ? 'bar' : 'screen') : '';
  });

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      store.getState().load(text, { kind: 'paste', name: 'pasted text' });
    };
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        search.current?.focus();
      } else if (e.key === 'Escape') store.getState().select(undefined);
    };
    const onDragOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      // The entries are taken now: the drop's item list is emptied once this handler returns.
      const entries = [...(e.dataTransfer?.items ?? [])].flatMap((i) => i.webkitGetAsEntry?.() ?? []);
      const files = [...(e.dataTransfer?.files ?? [])];
      const file = files[0];
      if (entries.some((x) => x.isDirectory) || files.length > 1)
        void import('./set/dropFolder').then((m) => m.openDropped(store.getState(), entries, files));
      else if (file && /\.zip$/i.test(file.name)) void store.getState().openSet({ kind: 'zip', file });
      else if (file) void store.getState().loadFile(file);
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [store]);

  return (
    <div className="app viewer">
      <header className="app-bar">
        <span className="brand">Flowscope</span>
        <LoadBar />
        <button
          type="button"
          onPointerEnter={ComparePanelPart.warm}
          onFocus={ComparePanelPart.warm}
          onClick={() => setChoosing(true)}
          title="Compare two versions of a flow"
        >
          Compare…
        </button>
        <span className="spacer" />
        <Search ref={search} />
        <span className="share-wrap">
          <button
            ref={shareButton}
            type="button"
            className="share-toggle"
            aria-haspopup="menu"
            aria-controls={sharing ? 'share-menu' : undefined}
            aria-expanded={sharing}
            disabled={!hasSomething}
            onPointerEnter={ShareMenuPart.warm}
            onFocus={ShareMenuPart.warm}
            onClick={() => setSharing(!sharing)}
            title="Copy a link, embed code, or export SVG / PNG"
          >
            Share ▾
          </button>
          {sharing && (
            <Suspense fallback={null}>
              <ShareMenu onClose={closeShare} />
            </Suspense>
          )}
        </span>
        <ThemeToggle />
      </header>
      {comparing && setShown !== 'screen' && (
        // The comparison's own toolbar, under the page's: versions, mode, stepping, swap, close.
        <div className="diff-toolbar">
          <ScreenBoundary>
            <Suspense fallback={null}>
              <DiffBarSlot />
            </Suspense>
          </ScreenBoundary>
        </div>
      )}
      {setShown === 'bar' && <Suspense fallback={null}>{changes ? <ChangeBarPart /> : <SetBarPart />}</Suspense>}
      <ErrorBanner />
      {/* Drawing the canvas or a panel threw: the message and Close (back to what was open), not a blank page. */}
      <ScreenBoundary>
        {setShown === 'screen' ? (
          <main className="viewer-set">
            <Suspense fallback={<div className="layout-status">Loading the set…</div>}>
              {changes ? <ChangeScreenPart /> : <SetScreenPart />}
            </Suspense>
          </main>
        ) : (
          <div className="viewer-body">
            <main className="viewer-canvas">
              <LayoutPicker />
              <CanvasSlot comparing={comparing} />
            </main>
            <aside className="viewer-side" aria-label="Details">
              <Suspense fallback={null}>{comparing ? <DiffSide /> : <SidePanel />}</Suspense>
            </aside>
          </div>
        )}
      </ScreenBoundary>
      {choosing && (
        <Suspense fallback={null}>
          <ComparePanel onClose={() => setChoosing(false)} />
        </Suspense>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <span>Drop a flow file to open it, or a folder or .zip to open it as a set</span>
        </div>
      )}
    </div>
  );
}
