/** What the page and the set worker say to each other (issue 13). Every request has an id its answers carry. */
import type { SetSkip } from '../../model/set';
import type { SearchResult, SetSummary } from '../../model/setTypes';
import type { SetInputFile, SetProgress } from '../types';

export type SetRequest =
  /**
   * A set's files; `more`: further `open` messages of this id bring the rest (a big set comes in parts, and the
   * worker reads the first while the rest arrive); `total`, on the first part, how many files all parts hold.
   */
  | {
      type: 'open';
      id: number;
      files: readonly SetInputFile[];
      skipped?: readonly SetSkip[];
      more?: boolean;
      total?: number;
    }
  | { type: 'search'; id: number; query: string; limit?: number }
  | { type: 'flow'; id: number; name: string }
  /** Stops the open of that id (its answer is an `aborted` error). */
  | { type: 'cancel'; id: number };

export type SetResponse =
  | { type: 'progress'; id: number; progress: SetProgress }
  | { type: 'opened'; id: number; summary: SetSummary }
  | { type: 'searched'; id: number; result: SearchResult }
  | { type: 'flow'; id: number; flow: { name: string; file: string; text: string } | undefined }
  /** `open`: a SetOpenError (message and hint); `aborted`: cancelled; `failed`: anything else. */
  | { type: 'error'; id: number; kind: 'open' | 'aborted' | 'failed'; message: string; hint?: string };
