import type { StoreApi } from 'zustand/vanilla';
import type { FlowGraph } from '../model/graph';
import type { FlowDoc, FlowOrigin, ParseError, RecordChoice } from '../model/types';
import type { FlowDiff } from '../model/diff/types';
import type { ChangeItem } from './changes';
import type { DiffService, LayoutService, LayoutState } from './store';

/** The selected element, its connectors and their other ends: drawn highlighted, the rest dimmed. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

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

/** What the store is given: a layout and a differ (fakes in tests). */
export interface StoreDeps {
  /** Lays out what is on screen; without it nothing is laid out (tests that do not draw). */
  layout?: LayoutService;
  diff?: DiffService;
}

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];

export interface AppState {
  flow?: LoadedFlow;
  /** When set, the page shows the comparison instead of the single flow (which stays for "Close"). */
  comparison?: Comparison;
  diffMode: DiffMode;
  /** Position in `comparison.changes` of the change last stepped to (n / p). */
  changeIndex?: number;
  /** Whether the selection came from stepping through changes (n / p, the change list), not a click or search. */
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
