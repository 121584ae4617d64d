/** The store's change-set shapes (issue 14): what opens one, where it came from, what is on screen. */
import type { FlowCounts } from '../model/changeSet';
import type { ChangeClient, ChangeRow, ChangeSkip } from '../sets/types';
import type { DiffMode } from '../share/types';
import type { FetchPullSets } from '../sources/pullSources';
import type { FetchRepoSet } from '../sources/setSources';
import type { SetOpenInput } from './setTypes';

export type { ChangeRow, ChangeSkip } from '../sets/types';

/** What a `#/changes` link (or n / p) opens once the change set is read. */
export interface ChangeLinkTarget {
  flow?: string;
  select?: string;
  mode?: DiffMode;
}

/**
 * What Compare… (Sets) or a `#/changes` link opens: a pull or merge request, two tree URLs of repositories,
 * or two folders or zips of this computer. `token` is for that one read only (never state, a link or storage).
 */
export type ChangeOpenInput =
  | { kind: 'pull'; url: string; token?: string; open?: ChangeLinkTarget }
  | { kind: 'refs'; base: string; head: string; token?: string; open?: ChangeLinkTarget }
  | {
      kind: 'local';
      base: Extract<SetOpenInput, { kind: 'folder' | 'zip' }>;
      head: Extract<SetOpenInput, { kind: 'folder' | 'zip' }>;
    };

/** Where a change set came from: `url` a PR's, `base` / `head` tree URLs; a local one has no link. */
export type ChangeSourceInfo =
  | { kind: 'pull'; name: string; url: string }
  | { kind: 'refs'; name: string; base: string; head: string }
  | { kind: 'local'; name: string };

export interface ChangeSetState {
  source: ChangeSourceInfo;
  status: 'loading' | 'ready' | 'error';
  /** While reading: what happens in words, and how far. */
  progress?: { phase: string; done: number; total: number };
  /**
   * Every flow but the unchanged ones: while loading as they are known (`pending` until diffed), once ready
   * ordered by size of change, largest first.
   */
  rows: ChangeRow[];
  /** Flows per status (unchanged ones counted, not listed); a PR's unchanged flows are its untouched files. */
  counts: FlowCounts;
  skipped: ChangeSkip[];
  /** `needsToken`: the repository answered as a private one does and no token was given. */
  error?: { message: string; hint: string; needsToken?: boolean };
  /** The change set's flow whose comparison is on screen (when not `listing`). */
  flow?: string;
  listing: boolean;
}

/** The change-set code, loaded with the first change set: the worker's client and the two readers. */
export type ChangeService = () => Promise<{
  createClient: () => ChangeClient;
  fetchRepo: FetchRepoSet;
  fetchPull: FetchPullSets;
}>;

export interface ChangeActionsState {
  changeSet?: ChangeSetState;
  /** Reads and compares two sets (replacing a change set before); resolves whether it opened. */
  openChanges: (input: ChangeOpenInput) => Promise<boolean>;
  /** Stops a change set that is loading (what was there before comes back). */
  cancelChanges: () => void;
  closeChanges: () => void;
  /** The change set's list instead of the flow's comparison. */
  showChangeList: () => void;
  /**
   * Opens one flow's comparison (an added flow against an empty one, a removed one likewise), its mode and
   * selection; `at` steps to its first or last change (n / p across flows).
   */
  openChangedFlow: (name: string, options?: ChangeLinkTarget & { at?: 'first' | 'last' }) => Promise<boolean>;
}
