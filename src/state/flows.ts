// Deep imports, not src/index.ts: that re-exports the differ, which stays out of the first screen.
import { elementKind } from '../model/elements';
import { buildGraph, type FlowGraph } from '../model/graph';
import { parseFlow } from '../model/parse/index';
import { flowPropertyName } from '../describe/properties';
import { changeList } from '../model/diff/changes';
import type { FlowDiff } from '../model/diff/types';
import type { DiffService } from './store';
import type {
  AppState,
  Comparison,
  FlowInput,
  GetState,
  Highlight,
  LoadedFlow,
  LoadError,
  SetState,
  StoreDeps,
} from './types';

/** The differ, loaded on first use: a page opened on one flow does not pay for it. */
const loadDiffer: DiffService = () => import('../model/diff/index').then((m) => m.diffFlows);
const loadReverse = () => import('../model/diff/reverse');

const NO_HIGHLIGHT: Highlight = { nodes: new Set(), edges: new Set() };

type FlowSlice = Pick<
  AppState,
  | 'highlight'
  | 'layout'
  | 'diffMode'
  | 'load'
  | 'chooseRecord'
  | 'dismissError'
  | 'reportError'
  | 'select'
  | 'compare'
  | 'compareWith'
  | 'swapSides'
  | 'closeComparison'
  | 'setDiffMode'
  | 'stepChange'
  | 'goToChange'
>;

/** What is on screen: one flow or a comparison, its layout, the selection and the change being looked at. */
export function flowSlice(set: SetState, get: GetState, deps: StoreDeps): FlowSlice {
  const differ = deps.diff ?? loadDiffer;
  const words = { typeName: (t: string) => elementKind(t).builderName, propertyName: flowPropertyName };
  const shownGraph = () => get().comparison?.diff.graph ?? get().flow?.graph;
  /** Lays out what is on screen; a result for a graph no longer shown is dropped. */
  const layOut = (graph: FlowGraph) => {
    if (!deps.layout) return;
    const started = performance.now();
    set({ layout: { status: 'running' } });
    const current = () => shownGraph() === graph;
    deps
      .layout(graph, (progress) => current() && set({ layout: { status: 'running', progress } }))
      .then(
        (layout) => {
          if (!current()) return;
          const comparison = get().comparison;
          // Once positions are known, the change list follows the picture top to bottom.
          const sorted = comparison
            ? { comparison: { ...comparison, changes: changeList(comparison.diff, layout.nodes, words) } }
            : {};
          set({ ...sorted, layout: { status: 'done', layout, ms: performance.now() - started } });
        },
        (e: unknown) =>
          current() && set({ layout: { status: 'error', message: e instanceof Error ? e.message : String(e) } }),
      );
  };
  const parse = (input: FlowInput): LoadedFlow | LoadError => {
    const { text, source, recordIndex } = input;
    const parsed = parseFlow(text, { fileName: source.kind === 'paste' ? undefined : source.name, recordIndex });
    if (!parsed.ok) return { ...parsed.error, source };
    return {
      source,
      text,
      doc: parsed.doc,
      origin: parsed.origin,
      graph: buildGraph(parsed.doc),
      notices: parsed.notices,
      records: parsed.records,
      recordIndex: recordIndex ?? 0,
    };
  };
  const isFlow = (x: LoadedFlow | LoadError): x is LoadedFlow => 'doc' in x;
  let comparing = 0;
  /** Diffs the pair (or reads `reversed`, the diff of the pair the other way round) and shows it. */
  const showComparison = async (before: LoadedFlow, after: LoadedFlow, reversed?: FlowDiff) => {
    const ticket = ++comparing;
    const compute = reversed
      ? await loadReverse().then((m) => () => m.reverseDiff(reversed))
      : await differ().then((diffFlows) => () => diffFlows(before.doc, after.doc));
    // A newer compare or load since this one started wins.
    if (ticket !== comparing) return false;
    const diff = compute();
    const comparison: Comparison = { before, after, diff, changes: changeList(diff, undefined, words) };
    set({ comparison, error: undefined, selection: undefined, highlight: NO_HIGHLIGHT, changeIndex: undefined });
    layOut(diff.graph);
    return true;
  };
  return {
    highlight: NO_HIGHLIGHT,
    layout: { status: 'idle' },
    diffMode: 'overlay',
    load: (text, source, recordIndex) => {
      const flow = parse({ text, source, recordIndex });
      if (!isFlow(flow)) {
        set({ error: flow });
        return false;
      }
      comparing++;
      set({
        flow,
        comparison: undefined,
        error: undefined,
        selection: undefined,
        highlight: NO_HIGHLIGHT,
        changeIndex: undefined,
      });
      layOut(flow.graph);
      return true;
    },
    chooseRecord: (index) => {
      const flow = get().flow;
      if (flow) get().load(flow.text, flow.source, index);
    },
    dismissError: () => set({ error: undefined }),
    reportError: (error) => set({ error }),
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
    compare: async (beforeInput, afterInput) => {
      const before = parse(beforeInput);
      if (!isFlow(before)) {
        set({ error: { ...before, side: 'before' } });
        return false;
      }
      const after = parse(afterInput);
      if (!isFlow(after)) {
        set({ error: { ...after, side: 'after' } });
        return false;
      }
      return showComparison(before, after);
    },
    compareWith: async (afterInput) => {
      const before = get().flow;
      if (!before) return false;
      const after = parse(afterInput);
      if (!isFlow(after)) {
        set({ error: { ...after, side: 'after' } });
        return false;
      }
      return showComparison(before, after);
    },
    swapSides: () => {
      const c = get().comparison;
      // The same diff read the other way round: no second diff.
      return c ? showComparison(c.after, c.before, c.diff) : Promise.resolve(false);
    },
    closeComparison: () => {
      const c = get().comparison;
      if (!c) return;
      const flow = get().flow ?? c.after;
      set({ comparison: undefined, flow, selection: undefined, highlight: NO_HIGHLIGHT, changeIndex: undefined });
      layOut(flow.graph);
    },
    setDiffMode: (diffMode) => set({ diffMode }),
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

function highlightOf(graph: FlowGraph | undefined, id: string): Highlight {
  const nodes = new Set([id]);
  const edges = new Set<string>();
  for (const e of graph?.edges ?? []) {
    if (e.source === id || e.target === id) {
      edges.add(e.id);
      nodes.add(e.source);
      nodes.add(e.target);
    }
  }
  return { nodes, edges };
}
