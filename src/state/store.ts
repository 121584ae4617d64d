import { createStore } from 'zustand/vanilla';
import { buildGraph, parseFlow, type FlowDoc, type FlowGraph, type FlowOrigin, type ParseError, type RecordChoice } from '../model/index';

/** A laid-out graph as the canvas draws it: node boxes, edge routes and label boxes (from src/layout). */
export interface LayoutData {
  width: number;
  height: number;
  nodes: Record<string, { x: number; y: number; width: number; height: number }>;
  edges: Record<string, { points: { x: number; y: number }[]; label?: { x: number; y: number; width: number; height: number }; jump?: { stub: { x: number; y: number }[] } }>;
}

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
  kind: 'paste' | 'file' | 'sample' | 'url';
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
}

export interface AppState {
  flow?: LoadedFlow;
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
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(deps: { layout?: LayoutService } = {}) {
  return createStore<AppState>()((set, get) => ({
    highlight: NO_HIGHLIGHT,
    layout: { status: 'idle' },
    load: (text, source, recordIndex) => {
      const parsed = parseFlow(text, { fileName: source.kind === 'paste' ? undefined : source.name, recordIndex });
      if (!parsed.ok) {
        set({ error: { ...parsed.error, source } });
        return false;
      }
      const flow: LoadedFlow = { source, text, doc: parsed.doc, origin: parsed.origin, graph: buildGraph(parsed.doc), notices: parsed.notices, records: parsed.records, recordIndex: recordIndex ?? 0 };
      set({ flow, error: undefined, selection: undefined, highlight: NO_HIGHLIGHT });
      if (deps.layout) {
        const layoutFor = flow.graph;
        const started = performance.now();
        set({ layout: { status: 'running' } });
        const current = () => get().flow?.graph === layoutFor;
        deps
          .layout(layoutFor, (progress) => current() && set({ layout: { status: 'running', progress } }))
          .then(
            (layout) => current() && set({ layout: { status: 'done', layout, ms: performance.now() - started } }),
            (e: unknown) => current() && set({ layout: { status: 'error', message: e instanceof Error ? e.message : String(e) } }),
          );
      }
      return true;
    },
    chooseRecord: (index) => {
      const flow = get().flow;
      if (flow) get().load(flow.text, flow.source, index);
    },
    dismissError: () => set({ error: undefined }),
    select: (id) => set({ selection: id, highlight: id === undefined ? NO_HIGHLIGHT : highlightOf(get().flow?.graph, id) }),
  }));
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
