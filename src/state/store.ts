import { createStore } from 'zustand/vanilla';
import { buildGraph, parseFlow, type FlowDoc, type FlowGraph, type FlowOrigin, type ParseError, type RecordChoice } from '../model/index';

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
  /** Parses and builds the graph; on bad input keeps the current flow and records the error. Returns whether it loaded. */
  load: (text: string, source: InputSource, recordIndex?: number) => boolean;
  /** Re-opens another version of a multi-record input. */
  chooseRecord: (index: number) => void;
  dismissError: () => void;
  select: (id: string | undefined) => void;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore() {
  return createStore<AppState>()((set, get) => ({
    load: (text, source, recordIndex) => {
      const parsed = parseFlow(text, { fileName: source.kind === 'paste' ? undefined : source.name, recordIndex });
      if (!parsed.ok) {
        set({ error: { ...parsed.error, source } });
        return false;
      }
      const flow: LoadedFlow = { source, text, doc: parsed.doc, origin: parsed.origin, graph: buildGraph(parsed.doc), notices: parsed.notices, records: parsed.records, recordIndex: recordIndex ?? 0 };
      set({ flow, error: undefined, selection: undefined });
      return true;
    },
    chooseRecord: (index) => {
      const flow = get().flow;
      if (flow) get().load(flow.text, flow.source, index);
    },
    dismissError: () => set({ error: undefined }),
    select: (id) => set({ selection: id }),
  }));
}

/** Named selectors: components subscribe to the narrow slice they draw. */
export const selectFlow = (s: AppState) => s.flow;
export const selectError = (s: AppState) => s.error;
export const selectSelection = (s: AppState) => s.selection;
