import { preloadable } from './preloadable';

/** The parts of the page that load after the shell, each loaded once and shared by every place that draws it. */
export const FlowCanvasPart = preloadable(() => import('./canvas/FlowCanvas').then((m) => m.FlowCanvas));
export const SidePanelPart = preloadable(() => import('./components/SidePanel').then((m) => m.SidePanel));
// The side panel's tabs but Flow: not needed to draw the first screen.
// Once it is here, the panels its tabs draw (the element's, the resources': all the describe code) start loading.
const sideTab = () =>
  import('./components/SideTab').then((m) => {
    m.warmPanels();
    return m;
  });
export const SideTabPart = preloadable(() => sideTab().then((m) => m.SideTab));
export const RecordPickerPart = preloadable(() => sideTab().then((m) => m.RecordPicker));
// The page embedded in docs (`?embed=1`): its frame around the canvas, fetched at once on such a page (main.tsx).
export const EmbedAppPart = preloadable(() => import('./EmbedApp').then((m) => m.EmbedApp));
export const DiffBarPart = preloadable(() => import('./diff/DiffView').then((m) => m.DiffBarSlot));
export const DiffCanvasPart = preloadable(() => import('./diff/DiffView').then((m) => m.DiffCanvasArea));
export const DiffSidePart = preloadable(() => import('./diff/DiffView').then((m) => m.DiffSide));

export const ComparePanelPart = preloadable(() => import('./diff/ComparePanel').then((m) => m.ComparePanel));
// A flow set's screens (issue 13), one chunk: none of their code is in the first screen.
const setViews = () => import('./setViews');
export const SetScreenPart = preloadable(() => setViews().then((m) => m.SetScreen));
export const SetBarPart = preloadable(() => setViews().then((m) => m.SetBar));
export const CalledByPart = preloadable(() => setViews().then((m) => m.CalledBy));
// A change set's screens (issue 14), one chunk.
const changeViews = () => import('./changeViews');
export const ChangeScreenPart = preloadable(() => changeViews().then((m) => m.ChangeScreen));
export const ChangeBarPart = preloadable(() => changeViews().then((m) => m.ChangeBar));
// Interviews and the other Flow REST payloads' views (issue 16), one chunk.
const runtimeViews = () => import('./runtime/index');
export const RuntimePanelPart = preloadable(() => runtimeViews().then((m) => m.RuntimePanel));
export const InterviewsDialogPart = preloadable(() => runtimeViews().then((m) => m.InterviewsDialog));
export const RestViewPart = preloadable(() => runtimeViews().then((m) => m.RestViewDialog));
// The load bar's dialogs (a module of lazy parts itself): fetched a moment after the first screen (main.tsx).
export const LoadDialogsPart = preloadable(() => import('./components/LoadDialogs').then((m) => m.LoadDialogs));
export const ShareMenuPart = preloadable(() => import('./share/ShareMenu').then((m) => m.ShareMenu));

/** The comparison's code, fetched as soon as a comparison is on its way. */
export const preloadComparison = () =>
  Promise.all([DiffBarPart.preload(), DiffCanvasPart.preload(), DiffSidePart.preload(), FlowCanvasPart.preload()]);
