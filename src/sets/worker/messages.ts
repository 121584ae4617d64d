/** What the page and the set worker say to each other (issue 13). Every request has an id its answers carry. */
import type { SetSkip } from '../../model/set';
import type { SearchResult, SetSummary } from '../../model/setTypes';
import type { ChangeFlowTexts, ChangeRow, ChangeSetResult, SetInputFile, SetProgress } from '../types';

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
  /** Stops the open (or compare) of that id (its answer is an `aborted` error). */
  | { type: 'cancel'; id: number }
  /** Two sets compared (issue 14): answered with `progress`, `changeRows` as flows resolve, then `compared`. */
  | {
      type: 'compare';
      id: number;
      base: readonly SetInputFile[];
      head: readonly SetInputFile[];
      baseSkipped?: readonly SetSkip[];
      headSkipped?: readonly SetSkip[];
      renamed?: readonly { from: string; to: string }[];
    }
  /** Both texts of one flow of the compared set. */
  | { type: 'changeFlow'; id: number; name: string };

export type SetResponse =
  | { type: 'progress'; id: number; progress: SetProgress }
  | { type: 'opened'; id: number; summary: SetSummary }
  | { type: 'searched'; id: number; result: SearchResult }
  | { type: 'flow'; id: number; flow: { name: string; file: string; text: string } | undefined }
  | { type: 'changeProgress'; id: number; progress: SetProgress & { side: 'base' | 'head' } }
  | { type: 'changeRows'; id: number; rows: readonly ChangeRow[]; done: number; total: number }
  | { type: 'compared'; id: number; result: ChangeSetResult }
  | { type: 'changeFlow'; id: number; flow: ChangeFlowTexts | undefined }
  /** `open`: a SetOpenError (message and hint); `aborted`: cancelled; `failed`: anything else. */
  | { type: 'error'; id: number; kind: 'open' | 'aborted' | 'failed'; message: string; hint?: string };
