import { createStore } from 'zustand/vanilla';
// Not from model/index: that re-exports the differ, which must stay out of the first screen (loaded on first compare).
import { elementKind } from '../model/elements';
import { buildGraph, type FlowGraph } from '../model/graph';
import { parseFlow } from '../model/parse/index';
import type { FlowDoc, FlowOrigin, ParseError, RecordChoice } from '../model/types';
import type { FlowDiff } from '../model/diff/types';

/** The differ, loaded on first use: a page opened on one flow does not pay for it. */
export type DiffService = () => Promise<(before: FlowDoc, after: FlowDoc) => FlowDiff>;
const loadDiffer: DiffService = () => import('../model/diff/index').then((m) => m.diffFlows);
import { changeList, type ChangeItem } from './changes';

import type { LayoutGeometry } from '../layout/types';

/** A laid-out graph as the canvas draws it: node boxes, edge routes and label boxes (from src/layout). */
export type LayoutData = LayoutGeometry;

/** Lays out a graph (in the browser: in a Web Worker); injected so tests can use a fake. */
export type LayoutService = (graph: FlowGraph, onProgress: (message: string) => void) => Promise<LayoutData>;

export type LayoutState =
  | { status: 'idle' }
  | { status: 'running'; progress?: string }
  | { status: 'done'; layout: LayoutData; ms: number }
  | { status: 'error'; message: string };

/** The selected element, its connectors and their other ends: drawn highlighted, the rest dimmed. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}
const NO_HIGHLIGHT: Highlight = { nodes: new Set(), edges: new Set() };

/** Where a text came from, for messages ("which file, what is wrong, what to do"). */
export interface InputSource {
  kind: 'paste' | 'file' | 'sample' | 'url' | 'org' | 'link';
  /** File name, sample name or URL; "pasted text" for paste. */
  name: string;
}

export interface LoadedFlow {
  source: InputSource;
  text: string;
  doc: FlowDoc;
  origin: FlowOrigin;
  graph: FlowGraph;
  notices: string[];
  records?: RecordChoice[];
  recordIndex: number;
}

export interface LoadError extends ParseError {
  source: InputSource;
  /** Which side of a comparison could not be opened. */
  side?: 'before' | 'after';
}

/** A text and where it came from: one side of a comparison. */
export interface FlowInput {
  text: string;
  source: InputSource;
  recordIndex?: number;
}

/** Two versions compared: both parsed flows, their diff (with the union graph laid out once) and the change list. */
export interface Comparison {
  before: LoadedFlow;
  after: LoadedFlow;
  diff: FlowDiff;
  changes: ChangeItem[];
}

/** Every diff mode draws the same positions. */
export type DiffMode = 'overlay' | 'before' | 'after' | 'side' | 'changes';

export interface AppState {
  flow?: LoadedFlow;
  /** When set, the page shows the comparison instead of the single flow (which stays for "Close"). */
  comparison?: Comparison;
  diffMode: DiffMode;
  /** Position in `comparison.changes` of the change last stepped to (n / p). */
  changeIndex?: number;
  /** Whether the selection came from stepping through changes (n / p, the change list) rather than a click or search. */
  selectedByStep?: boolean;
  /** The last load's error; what was loaded before stays on screen beside it. */
  error?: LoadError;
  selection?: string;
  highlight: Highlight;
  layout: LayoutState;
  /** Parses and builds the graph; on bad input keeps the current flow and records the error. Returns whether it loaded. */
  load: (text: string, source: InputSource, recordIndex?: number) => boolean;
  /** Re-opens another version of a multi-record input. */
  chooseRecord: (index: number) => void;
  dismissError: () => void;
  select: (id: string | undefined) => void;
  /**
   * Parses both sides and diffs them; on bad input keeps what is on screen, records which side failed and
   * resolves false. Resolves true once the comparison is on screen (the differ loads on first use).
   */
  compare: (before: FlowInput, after: FlowInput) => Promise<boolean>;
  /** Compares the open flow (before) with another version (after). */
  compareWith: (after: FlowInput) => Promise<boolean>;
  swapSides: () => void;
  closeComparison: () => void;
  setDiffMode: (mode: DiffMode) => void;
  /** Moves to the next (+1) or previous (-1) change, selecting its element; wraps around. */
  stepChange: (delta: 1 | -1) => void;
  goToChange: (index: number) => void;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(deps: { layout?: LayoutService; diff?: DiffService } = {}) {
  const differ = deps.diff ?? loadDiffer;
  const typeName = (t: string) => elementKind(t).builderName;
  return createStore<AppState>()((set, get) => {
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
              ? { comparison: { ...comparison, changes: changeList(comparison.diff, layout.nodes, typeName) } }
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
    const showComparison = async (before: LoadedFlow, after: LoadedFlow) => {
      const ticket = ++comparing;
      const diffFlows = await differ();
      // A newer compare or load since this one started wins.
      if (ticket !== comparing) return false;
      const diff = diffFlows(before.doc, after.doc);
      const comparison: Comparison = { before, after, diff, changes: changeList(diff, undefined, typeName) };
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
        if (c) void showComparison(c.after, c.before);
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
  });
}

/** Named selectors: components subscribe to the narrow slice they draw. */
export const selectFlow = (s: AppState) => s.flow;
export const selectError = (s: AppState) => s.error;
export const selectSelection = (s: AppState) => s.selection;

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
export const selectLayout = (s: AppState) => s.layout;
export const selectComparison = (s: AppState) => s.comparison;
