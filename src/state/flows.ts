// Deep imports, not src/index.ts: that re-exports the differ, which stays out of the first screen.
import { elementKind } from '../model/elements';
import type { FlowGraph } from '../model/graph';
import { openPaths, type OpenPath, unionOpenPaths } from '../model/ends';
import { afterReader, ensureReaders } from '../model/parse/onDemand';
import { flowPropertyName } from '../describe/properties';
import type { FlowDiff } from '../model/diff/types';
import { changesSlice } from './changes';
import { aboutComparison, aboutScreen, internalError, layoutError, messageOf, type Screen, screenOf } from './screen';
import type { DiffService, LayoutData } from './store';
import { highlightOf, NO_HIGHLIGHT } from './highlight';
import { type LayoutChoice, requestFor, usableChoice } from './layoutChoice';
import { isFlow, open, withPositions } from './opening';
import { NO_RUNTIME } from './runtime';
import type { AppState, Comparison, GetState, LoadedFlow, SetState, StoreDeps } from './types';

/** The differ, loaded on first use: a page opened on one flow does not pay for it. */
const loadDiffer: DiffService = () => import('../model/diff/index').then((m) => m.diffFlows);
const loadReverse = () => import('../model/diff/reverse');
/** What a comparison needs besides the differ — its change list, its one set of positions — loaded with it. */
const partsOf = () =>
  Promise.all([import('../model/diff/changes'), import('../model/diff/positions'), import('../model/diff/noise')]);
type ComparingParts = Awaited<ReturnType<typeof partsOf>>;
let parts: ComparingParts | undefined;
const loadParts = async (): Promise<ComparingParts> => {
  parts ??= await partsOf();
  return parts;
};

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
  const words = { typeName: (t: string) => elementKind(t).builderName, propertyName: flowPropertyName };
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
    const ticket = ++layoutTicket;
    const s = get();
    const request = requestFor(s.layoutChoice, (s.comparison ?? s.flow)?.positions);
    set({ layout: { status: 'running' } });
    const laying = unfiltered();
    const current = () => ticket === layoutTicket && unfiltered() === laying;
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
          // Once positions are known, the change list follows the picture top to bottom.
          // The change being looked at stays the same change ("3 of 11" before and after the re-sort).
          // (A comparison on screen means its parts were loaded.)
          const changes = comparison && parts?.[0].changeList(comparison.diff, layout.nodes, words);
          const at = get().changeIndex;
          const key = at === undefined ? undefined : comparison?.changes[at]?.key;
          const sorted = changes
            ? {
                comparison: { ...comparison, changes },
                ...(key === undefined ? {} : { changeIndex: changes.findIndex((c) => c.key === key) }),
              }
            : {};
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
  let comparing = 0;
  /** Diffs the pair (or reads `reversed`, the diff of the pair the other way round) and shows it. */
  const showComparison = async (
    before: LoadedFlow,
    after: LoadedFlow,
    layout: LayoutChoice | undefined,
    reversed?: FlowDiff,
  ) => {
    const ticket = ++comparing;
    const about = aboutComparison(before, after);
    let comparison: Comparison;
    try {
      const [compute, [{ changeList }, { unionPositions }, { filterNoise }]] = await Promise.all([
        reversed
          ? loadReverse().then((m) => () => m.reverseDiff(reversed))
          : differ().then((diffFlows) => () => diffFlows(before.doc, after.doc)),
        loadParts(),
      ]);
      // A newer compare or load since this one started wins.
      if (ticket !== comparing) return false;
      const raw = compute();
      const { diff, hidden } = filterNoise(raw, get().noise);
      // One set of positions: the after version's, the before version's for removed elements.
      const positions = unionPositions(raw.graph, before.doc, after.doc);
      const changes = changeList(diff, undefined, words);
      comparison = { before, after, diff, changes, filtering: { raw, hidden }, ...withPositions(positions) };
    } catch (e) {
      // The differ failed to load or threw: what is on screen stays, the banner says why.
      if (ticket === comparing) set({ error: internalError('diff', e, about) });
      return false;
    }
    show({ comparison, layoutChoice: usableChoice(layout, comparison.positions) });
    layOut(comparison.diff.graph);
    return true;
  };
  return {
    ...changesSlice(set, get, deps),
    highlight: NO_HIGHLIGHT,
    layout: { status: 'idle' },
    diffMode: 'overlay',
    layoutChoice: 'auto',
    load: (text, source, recordIndex, layout) => {
      // Text before its format's reader (model/parse/onDemand.ts) opens once it is here, unless another opened since.
      const at = comparing;
      if (afterReader(text, () => at === comparing && get().load(text, source, recordIndex, layout))) return true;
      // A Flow REST answer (interviews, a flow list…) is shown, not refused; one like interviews is read so first.
      const again = () => at === comparing && get().load(text, source);
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
      comparing++;
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
      comparing++;
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
    compare: async (beforeInput, afterInput, layout) => {
      await ensureReaders(beforeInput.text, afterInput.text);
      const before = open(beforeInput);
      if (!isFlow(before)) {
        set({ error: { ...before, side: 'before' } });
        return false;
      }
      const after = open(afterInput);
      if (!isFlow(after)) {
        set({ error: { ...after, side: 'after' } });
        return false;
      }
      return showComparison(before, after, layout);
    },
    compareWith: async (afterInput) => {
      const before = get().flow;
      if (!before) return false;
      await ensureReaders(afterInput.text);
      const after = open(afterInput);
      if (!isFlow(after)) {
        set({ error: { ...after, side: 'after' } });
        return false;
      }
      return showComparison(before, after, undefined);
    },
    swapSides: () => {
      const c = get().comparison;
      // The same diff read the other way round: no second diff.
      return c
        ? showComparison(c.after, c.before, get().layoutChoice, c.filtering?.raw ?? c.diff)
        : Promise.resolve(false);
    },
    closeComparison: () => {
      const c = get().comparison;
      if (!c) return;
      const flow = get().flow ?? c.after;
      comparing++;
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
    stepChange: (delta) => {
      const c = get().comparison;
      if (!c || c.changes.length === 0) return;
      const n = c.changes.length;
      const i = get().changeIndex;
      get().goToChange(i === undefined ? (delta === 1 ? 0 : n - 1) : (i + delta + n) % n);
    },
    goToChange: (index) => {
      const item = get().comparison?.changes[index];
      if (!item) return;
      const graph = shownGraph();
      const highlight = item.nodeId ? highlightOf(graph, item.nodeId) : NO_HIGHLIGHT;
      // A connector change highlights just its edges (and their ends), not every connector of the source.
      const edges = item.edgeIds && graph ? graph.edges.filter((e) => item.edgeIds?.includes(e.id)) : undefined;
      const focused = edges
        ? { nodes: new Set(edges.flatMap((e) => [e.source, e.target])), edges: new Set(edges.map((e) => e.id)) }
        : highlight;
      set({ changeIndex: index, selection: item.nodeId, selectedByStep: true, highlight: focused });
    },
  };
}
