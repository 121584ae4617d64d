import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ensureReader, loadReader } from './model/parse/onDemand';
import { SAMPLES } from './samples/index';
import { createAppStore } from './state/store';
import { App } from './views/App';
import { browserLayout } from './views/browserLayout';
import {
  EmbedAppPart,
  FlowCanvasPart,
  LoadDialogsPart,
  preloadComparison,
  SidePanelPart,
  SideTabPart,
} from './views/lazyParts';
import { isEmbed, isLinkHash } from './views/links';
import { StoreContext } from './views/storeContext';
import './views/app.css';

// The canvas and the side panel load while the first flow is read and laid out; a comparison's view
// loads with the differ, so neither suspends (and waits on React's reveal throttle) when it appears.
FlowCanvasPart.warm();
SidePanelPart.warm();
if (isEmbed(location.search)) EmbedAppPart.warm();
// Once the first screen is up, fetch what a click will need (the side panel's other tabs, and with them the
// element and resource panels; the load bar's dialogs).
setTimeout(() => {
  SideTabPart.warm();
  LoadDialogsPart.warm();
}, 1500);
const store = createAppStore({
  layout: browserLayout,
  diff: () => Promise.all([import('./model/diff/index'), preloadComparison()]).then(([m]) => m.diffFlows),
});
// The last safety net: an error or rejection nothing else caught (an event handler, a timer) is said in the
// banner, what is open stays, and it still reaches the console. Errors without an Error object (a
// ResizeObserver loop notice, a cross-origin "Script error.") are not the user's business.
const reportUncaught = (e: unknown) =>
  store.getState().reportError({
    message: `Internal error: ${e instanceof Error ? e.message : String(e)}`,
    hint: 'What was open stays on screen. If it keeps happening, please report it (with the flow that caused it).',
    source: { kind: 'paste', name: 'pasted text' },
    stage: 'page',
  });
window.addEventListener('error', (e) => e.error instanceof Error && reportUncaught(e.error));
window.addEventListener('unhandledrejection', (e) => reportUncaught(e.reason));
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);

// A link (#/view?…, #/diff?…) opens what it carries; a link pasted into the address bar later does too.
window.addEventListener('hashchange', () => {
  if (isLinkHash(location.hash)) void store.getState().openLink(location.hash);
});
const first = SAMPLES[0];
if (isLinkHash(location.hash)) void store.getState().openLink(location.hash);
// Otherwise open on something real: the first bundled sample, unless the user already loaded a flow.
// The samples are XML: its reader loads beside the sample, not after it.
else if (first) {
  void loadReader('xml');
  void first.load().then(async (text) => {
    await ensureReader(text);
    if (!store.getState().flow) store.getState().load(text, { kind: 'sample', name: first.fileName });
  });
}
