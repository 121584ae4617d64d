import { selectComparison } from '../state/store';
import { CanvasSlot } from './CanvasSlot';
import { ErrorBanner, ScreenBoundary } from './components/ErrorBanner';
import { LayoutPicker } from './components/LayoutPicker';
import { useApp } from './storeContext';

/** For an <iframe> in docs: the canvas fitted, read-only (nothing loads by drop or paste), a link to the full app. */
export function EmbedApp() {
  const comparing = useApp(selectComparison) !== undefined;
  const full = new URL(location.href);
  full.searchParams.delete('embed');
  return (
    <div className="app embed-app">
      <ErrorBanner />
      <main className="viewer-canvas">
        <a className="embed-open" href={full.toString()} target="_blank" rel="noopener noreferrer">
          Open in Flowscope ↗
        </a>
        <LayoutPicker />
        <ScreenBoundary>
          <CanvasSlot comparing={comparing} />
        </ScreenBoundary>
      </main>
    </div>
  );
}
