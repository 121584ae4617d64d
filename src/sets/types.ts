/**
 * The set worker's client (issue 13): the page hands it files, it reads, unzips, parses and indexes them off
 * the main thread and keeps the parsed flows; the page asks it to search and for one flow's text.
 */
import type { SetSkip } from '../model/set';
import type { SearchResult, SetSummary } from '../model/setTypes';
import type { FlowChange, FlowCounts } from '../model/changeSet';

/** A file of a set: its text, or a Blob (a File from a folder or a drop) read in the worker; a `*.zip` is unzipped. */
export type SetInputFile = { path: string; text: string } | { path: string; blob: Blob };

export interface SetProgress {
  phase: 'read' | 'unzip' | 'parse' | 'index';
  done: number;
  total: number;
}

export interface SetOpenOptions {
  onProgress?: (p: SetProgress) => void;
  signal?: AbortSignal;
  /** Files skipped before the worker saw them (a repository's non-flow files), listed with its own. */
  skipped?: readonly SetSkip[];
}

/** A zip refused (too big, a zip bomb, not a zip) or a set that cannot be read: `open` rejects with it. */
export class SetOpenError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'SetOpenError';
  }
}

export interface SetClient {
  /** Reads a set (replacing the one before). Rejects with SetOpenError, or an AbortError when cancelled. */
  open(files: readonly SetInputFile[], options?: SetOpenOptions): Promise<SetSummary>;
  /** Searches the open set; an empty query finds nothing. A newer search supersedes an older one (it rejects). */
  search(query: string, limit?: number): Promise<SearchResult>;
  /** One flow's text as read, by API name; undefined when the set has no such flow. */
  flow(name: string): Promise<{ name: string; file: string; text: string } | undefined>;
  dispose(): void;
}

/** A change set's row (issue 14): a flow resolved, or `pending` while its diff is still being computed. */
export type ChangeRow = Omit<FlowChange, 'status'> & { status: FlowChange['status'] | 'pending' };

/** A file of either side that was not compared (not a flow, does not parse, a second flow of a name). */
export interface ChangeSkip {
  side: 'base' | 'head';
  file: string;
  reason: string;
}

export interface ChangeSetResult {
  /** Every flow, ordered by size of change (largest first, then by name), unchanged last. */
  rows: FlowChange[];
  counts: FlowCounts;
  skipped: ChangeSkip[];
}

export interface ChangeCompareOptions {
  /** Reading either side (`side` says which). */
  onProgress?: (p: SetProgress & { side: 'base' | 'head' }) => void;
  /**
   * Rows as they become known: first every flow (added and removed ones resolved, the others `pending`), then
   * the flows in both sets in slices as their diffs finish; `done` of `total` flows are resolved.
   */
  onRows?: (rows: readonly ChangeRow[], done: number, total: number) => void;
  signal?: AbortSignal;
  baseSkipped?: readonly SetSkip[];
  headSkipped?: readonly SetSkip[];
  /** Renames the host saw (a pull request's renamed files), by API name: each stays removed + added, with a note. */
  renamed?: readonly { from: string; to: string }[];
}

/** Both versions of a change set's flow as read (one missing for an added or removed flow). */
export interface ChangeFlowTexts {
  name: string;
  before?: { file: string; text: string };
  after?: { file: string; text: string };
}

/** Compares two sets in the set worker (issue 14). */
export interface ChangeClient {
  /** Reads both sides and compares them (replacing the change set before). Rejects as `SetClient.open` does. */
  compare(
    base: readonly SetInputFile[],
    head: readonly SetInputFile[],
    options?: ChangeCompareOptions,
  ): Promise<ChangeSetResult>;
  /** One flow of the compared set, both texts; undefined for a name neither side has. */
  changeFlow(name: string): Promise<ChangeFlowTexts | undefined>;
  dispose(): void;
}
