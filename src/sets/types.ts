/**
 * The set worker's client (issue 13): the page hands it files, it reads, unzips, parses and indexes them off
 * the main thread and keeps the parsed flows; the page asks it to search and for one flow's text.
 */
import type { SetSkip } from '../model/set';
import type { SearchResult, SetSummary } from '../model/setTypes';

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
