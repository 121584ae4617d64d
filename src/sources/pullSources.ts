/**
 * A pull request (GitHub) or merge request (GitLab) read as two sets of flows (issue 14): its base and head
 * commits, the flow files it changes, fetched at both. Types only; the code is gitPull.ts.
 */
import type { SetSkip } from '../model/set';
import type { FetchRepoOptions } from './setSources';

/** One side of a pull request. */
export interface PullSide {
  /** The branch name (`main`, `feature/x`). */
  ref: string;
  /**
   * The commit the flows are read at. For the base side, the merge base (where the head branched off, what the
   * host diffs against), not the base branch's tip: GitHub's compare API says it, GitLab's `diff_refs.base_sha` is it.
   */
  sha: string;
  /**
   * The base branch's tip when it has moved on past the merge base (GitHub; absent when they are the same, for the
   * head side, or when the merge base is unknown and `sha` is the tip — then the listing says so in a note).
   */
  tip?: string;
  /** `OWNER/REPO` or `GROUP/SUB/PROJECT` of that side (a fork's head lives in another repository). */
  project: string;
  /** The tree URL of the repository at that commit (`https://github.com/O/R/tree/SHA`), for `#/changes?base=&head=`. */
  tree: string;
}

export interface PullInfo {
  host: 'github' | 'gitlab';
  /** The pull or merge request's URL as typed, without query or fragment. */
  url: string;
  number: number;
  title: string;
  /** open, closed, merged… as the host says. */
  state?: string;
  base: PullSide;
  head: PullSide;
}

/** A flow file the pull request changes, as the host lists it. */
export interface PullFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  /** A renamed file's path before. */
  previous?: string;
}

export interface PullSets {
  pull: PullInfo;
  /** The changed flow files as they are at the base commit (removed, modified, renamed ones). */
  base: { files: { path: string; text: string }[]; skipped: SetSkip[] };
  /** The changed flow files as they are at the head commit (added, modified, renamed ones). */
  head: { files: { path: string; text: string }[]; skipped: SetSkip[] };
  /** Every flow file the pull request changes. */
  changed: PullFile[];
  /** Flow files at the head commit the pull request does not change: counted, not fetched (undefined if unknown). */
  unchanged?: number;
}

/**
 * Reads a pull or merge request URL and fetches its changed flow files at both commits; rejects with a
 * SourceError (redacted, with a hint; `not-found` without a token hints that a private repository needs one).
 */
export type FetchPullSets = (url: string, options?: FetchRepoOptions) => Promise<PullSets>;
