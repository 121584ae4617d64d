// Deep imports, not src/index.ts: that re-exports the differ, which stays out of the first screen.
import type { FlowGraph } from '../model/graph';
import { openPaths, type OpenPath, unionOpenPaths } from '../model/ends';
import { afterReader } from '../model/parse/onDemand';
import type { ComparingCode } from './comparing';
import { lazyCode } from './lazyCode';
import { aboutComparison, aboutScreen, internalError, layoutError, messageOf, type Screen, screenOf } from './screen';
import type { DiffService, LayoutData } from './store';
import { highlightOf, NO_HIGHLIGHT } from './highlight';
import { requestFor, usableChoice } from './layoutChoice';
import { isFlow, open } from './opening';
import { NO_RUNTIME } from './runtime';
import type { AppState, GetState, LoadedFlow, LoadError, SetState, StoreDeps } from './types';

/** The differ, loaded on first use: a page opened on one flow does not pay for it. */
const loadDiffer: DiffService = () => import('../model/diff/index').then((m) => m.diffFlows);

type FlowSlice = Pick<
  AppState,
  | 'highlight'
  | 'layout'
  | 'diffMode'
  | 'load'
  | 'chooseRecord'
  | 'dismissError'
  | 'reportError'
  | 'restorePrevious'
  | 'select'
  | 'compare'
  | 'compareWith'
  | 'swapSides'
  | 'closeComparison'
  | 'setDiffMode'
  | 'setLayoutChoice'
  | 'layoutChoice'
  | 'stepChange'
  | 'goToChange'
  | 'showChanges'
  | 'expandFold'
>;

/** What is on screen: one flow or a comparison, its layout, the selection and the change being looked at. */
export function flowSlice(set: SetState, get: GetState, deps: StoreDeps): FlowSlice {
  const differ = deps.diff ?? loadDiffer;
  const shownGraph = () => get().comparison?.diff.graph ?? get().flow?.graph;
  /** What a layout is for: a comparison filtered again (noise filters) is the same graph, its unfiltered one. */
  const unfiltered = () => get().comparison?.filtering?.raw.graph ?? shownGraph();
  /** The last screen that was laid out, kept when something new replaced it: a failure of the new one restores it. */
  let previous: Screen | undefined;
  // A new screen starts without the last one's error, selection and interviews (NO_RUNTIME: they were on it).
  const fresh = { ...NO_RUNTIME, error: undefined, selection: undefined, highlight: NO_HIGHLIGHT };
  /** Shows something new; what was on screen, if it was laid out, is kept as `previous`. */
  const show = (next: Partial<AppState>) => {
    if (get().layout.status === 'done') previous = screenOf(get());
    set({ ...next, ...fresh, changeIndex: undefined });
    // Shown while a set is open (a sample, a file, a comparison): the set's list, or why it failed, no longer
    // hides it; the set's bar stays, the way back (state/setShown.ts: whether the flow is the set's).
    const s = get().set;
    if (s?.status === 'error') get().closeSet();
    else if (s?.listing && s.status === 'ready') set({ set: { ...s, listing: false } });
  };
  /** What is on screen failed after it was shown: the previous screen comes back (if any) and the banner says why. */
  const failShown = (error: (restored: boolean) => AppState['error'], message: string) => {
    const back = previous;
    previous = undefined;
    if (back) set({ ...back, error: error(true) });
    else set({ layout: { status: 'error', message }, error: error(false) });
  };
  /** The paths that end in what is on screen: a flow's, or either version's in a comparison. */
  const endsOf = (s: AppState): OpenPath[] => {
    const c = s.comparison;
    if (c) return unionOpenPaths(c.before.doc, c.after.doc, c.diff.graph);
    return s.flow ? openPaths(s.flow.doc) : [];
  };
  /** Bumped by every load and compare: one that started before the newest does not show. */
  const ticket = { n: 0 };
  /** The comparison's code (comparing.ts), loaded with the first comparison: here whenever one is on screen. */
  // The differ loads beside the comparison's code, not after it.
  const { real: comparingCode, now: code } = lazyCode(() =>
    Promise.all([import('./comparing'), differ()]).then(([m, diffFlows]) =>
      m.comparingCode(set, get, deps, { show, layOut, shownGraph, ticket, diffFlows }),
    ),
  );
  let layoutTicket = 0;
  /**
   * Lays out what is on screen as its Layout choice says; a result (or failure) for a graph no longer shown,
   * or overtaken by a newer request (another choice), is dropped. Auto-Layout closes the paths that end with
   * an End (the picture only; model/ends.ts).
   */
  const layOut = (graph: FlowGraph) => {
    const service = deps.layout;
    if (!service) return;
    const started = performance.now();
    const laid = ++layoutTicket;
    const s = get();
    const request = requestFor(s.layoutChoice, (s.comparison ?? s.flow)?.positions);
    set({ layout: { status: 'running' } });
    const laying = unfiltered();
    const current = () => laid === layoutTicket && unfiltered() === laying;
    const about = () => aboutScreen(get().flow, get().comparison);
    let running: Promise<LayoutData>;
    try {
      const onProgress = (progress: string) => current() && set({ layout: { status: 'running', progress } });
      const ends = endsOf(s);
      running = service(ends.length > 0 ? { ...graph, openPaths: ends } : graph, onProgress, request);
    } catch (e) {
      running = Promise.reject(e);
    }
    running.then(
      (layout) => {
        if (!current()) return;
        const comparison = get().comparison;
        try {
          // (A comparison on screen means its code is here.)
          const sorted = (comparison && code()?.sorted(comparison, layout)) || {};
          set({ ...sorted, layout: { status: 'done', layout, ms: performance.now() - started } });
        } catch (e) {
          const a = about();
          failShown(() => internalError('diff', e, a), messageOf(e));
        }
      },
      (e: unknown) => {
        if (!current()) return;
        const a = about();
        failShown((restored) => layoutError(e, a, restored), messageOf(e));
      },
    );
  };
  /**
   * A comparison's action, run once its code and the differ are here; their failing to load is said in the
   * banner (what is on screen stays), named after the pair.
   */
  const comparing = (about: () => Pick<LoadError, 'source' | 'subject'>, act: (c: ComparingCode) => Promise<boolean>) =>
    comparingCode().then(act, (e: unknown) => {
      set({ error: internalError('diff', e, about()) });
      return false;
    });
  return {
    // Only with a comparison on screen, so with its code here.
    showChanges: async () => code()?.showChanges(),
    expandFold: async (foldId) => code()?.expandFold(foldId),
    stepChange: (delta) => code()?.stepChange(delta),
    goToChange: (index) => code()?.goToChange(index),
    highlight: NO_HIGHLIGHT,
    layout: { status: 'idle' },
    diffMode: 'overlay',
    layoutChoice: 'auto',
    load: (text, source, recordIndex, layout) => {
      // Text before its format's reader (model/parse/onDemand.ts) opens once it is here, unless another opened since.
      const at = ticket.n;
      if (afterReader(text, () => at === ticket.n && get().load(text, source, recordIndex, layout))) return true;
      // A Flow REST answer (interviews, a flow list…) is shown, not refused; one like interviews is read so first.
      const again = () => at === ticket.n && get().load(text, source);
      const early = get().openPayload(text, source, again, true);
      if (early === true) return true;
      const flow = open({ text, source, recordIndex });
      if (!isFlow(flow)) {
        // Only JSON of another shape: a syntax error, or a graph step that threw (a bug), says so.
        const payload = early || (!flow.stage && !flow.line && get().openPayload(text, source, again, false));
        if (payload === true) return true;
        set({ error: payload === false ? flow : payload });
        return false;
      }
      ticket.n++;
      show({ flow, comparison: undefined, layoutChoice: usableChoice(layout, flow.positions) });
      layOut(flow.graph);
      return true;
    },
    chooseRecord: (index) => {
      const flow = get().flow;
      if (flow) get().load(flow.text, flow.source, index, get().layoutChoice);
    },
    dismissError: () => set({ error: undefined }),
    reportError: (error) => set({ error }),
    restorePrevious: () => {
      ticket.n++;
      const back = previous;
      previous = undefined;
      if (back) set(back);
      else
        set({
          flow: undefined,
          comparison: undefined,
          layout: { status: 'idle' },
          selection: undefined,
          highlight: NO_HIGHLIGHT,
          changeIndex: undefined,
        });
    },
    select: (id) => {
      // In a comparison, selecting a changed element (click, search, link) moves "n of N" to it too.
      const at =
        id === undefined
          ? -1
          : (get().comparison?.changes.findIndex((c) => c.nodeId === id && c.group === 'elements') ?? -1);
      set({
        selection: id,
        selectedByStep: false,
        highlight: id === undefined ? NO_HIGHLIGHT : highlightOf(shownGraph(), id),
        ...(at >= 0 ? { changeIndex: at } : {}),
      });
    },
    // A load or compare asked for while the code loads wins over this one (`asked`).
    compare: (before, after, layout) => {
      const asked = ticket.n;
      return comparing(
        () => aboutComparison(before, after),
        (c) => c.compare(asked, before, after, layout),
      );
    },
    compareWith: (after) => {
      const before = get().flow;
      if (!before) return Promise.resolve(false);
      const asked = ticket.n;
      return comparing(
        () => aboutComparison(before, after),
        (c) => c.compareWith(asked, after),
      );
    },
    // With a comparison on screen, so with its code here.
    swapSides: () => code()?.swapSides() ?? Promise.resolve(false),
    closeComparison: () => {
      const c = get().comparison;
      if (!c) return;
      const flow = get().flow ?? c.after;
      ticket.n++;
      show({ comparison: undefined, flow, layoutChoice: usableChoice(get().layoutChoice, flow.positions) });
      layOut(flow.graph);
    },
    setDiffMode: (diffMode) => set({ diffMode }),
    setLayoutChoice: (choice) => {
      const s = get();
      const shown = s.comparison ?? s.flow;
      if (!shown || choice === s.layoutChoice || usableChoice(choice, shown.positions) !== choice) return;
      // A re-layout that fails brings back this same screen, drawn as it was.
      if (s.layout.status === 'done') previous = screenOf(s);
      set({ layoutChoice: choice });
      layOut(s.comparison?.diff.graph ?? (s.flow as LoadedFlow).graph);
    },
  };
}
