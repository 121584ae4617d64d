/** The store's flow set shapes (issue 13): where a set came from, what opens one, what is on screen. */
import type { SetSummary } from '../model/setTypes';
import type { SetClient } from '../sets/types';
import type { FetchRepoSet, RepoFiles } from '../sources/setSources';

/**
 * Where a set came from: a folder, a zip or files chosen on this computer (no link can carry them), a
 * repository, an org.
 */
export type SetSourceInfo =
  | { kind: 'folder' | 'zip'; name: string }
  /** A repository's `url` is the tree URL a `#/set?src=` link carries. */
  | { kind: 'repo'; name: string; url: string }
  | { kind: 'org'; name: string; which: 'active' | 'latest' };

/** What "Open set…" (or a drop, or a `#/set` link) opens. A folder's files come with their paths inside it. */
export type SetOpenInput =
  | { kind: 'folder'; name: string; files: readonly { path: string; file: File }[] }
  | { kind: 'zip'; file: File }
  /**
   * `token` is for that one read and nowhere else (never state, a link or storage). `open`: what a `#/set`
   * link opens once the set is read (its flow, the breadcrumb before it, the element to select); kept when
   * the repository asks for a token, so `openSet` of the same `url` with one goes on to it. With `open`, the
   * repository's set already on screen is not read again: its flow (or, without one, its list) is shown.
   */
  | { kind: 'repo'; url: string; token?: string; open?: SetLinkTarget }
  | { kind: 'org'; which: 'active' | 'latest' };

/** A `#/set` link's flow: opened with `via` as the breadcrumb before it, `select` selected. */
export interface SetLinkTarget {
  flow?: string;
  via?: readonly string[];
  select?: string;
}

/** What the org's flows as a set are made of (`orgSetFiles`): each version's record text, and what was skipped. */
export type OrgSetFiles = Pick<RepoFiles, 'files' | 'skipped'>;

/** A flow set on screen (issue 13): its list, or one of its flows with the breadcrumb of how it was reached. */
export interface FlowSetState {
  source: SetSourceInfo;
  status: 'loading' | 'ready' | 'error';
  /** While loading: what is happening in words ("Fetching flow files"), and how far. */
  progress?: { phase: string; done: number; total: number };
  summary?: SetSummary;
  /**
   * Why it failed (status `error`); `needsToken` when a repository answered as a private one does (404, 401,
   * 403 not from the rate limit) and no token was given: the page asks for one and calls
   * `openSet({kind: 'repo', url: source.url, token})` (a `#/set` link's flow and selection follow, see `open`).
   */
  error?: { message: string; hint: string; needsToken?: boolean };
  /**
   * Flows opened from the set (API names), the first opened to the one on screen (the breadcrumb); empty on
   * the list. The flow on screen (`AppState.flow`) is the last one's when `listing` is false.
   */
  path: string[];
  /** The set's list is on screen (not a flow). */
  listing: boolean;
}

/** The set code, loaded when a set is first opened: the worker's client and the repository reader. */
export type SetService = () => Promise<{ createClient: () => SetClient; fetchRepo: FetchRepoSet }>;
