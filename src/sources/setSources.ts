/**
 * Where a set's files come from besides the user's disk (issue 13): a repository at a ref, listed through its
 * host's API. Types only; the code is gitTree.ts.
 */
import type { SetSkip } from '../model/set';

/** A repository tree URL, read: `https://github.com/OWNER/REPO/tree/REF/PATH`, `https://HOST/GROUP/PROJECT/-/tree/REF/PATH`. */
export interface RepoTree {
  host: 'github' | 'gitlab';
  /** `https://github.com`, or the GitLab host's origin (gitlab.com or self-hosted). */
  origin: string;
  /** `OWNER/REPO`, or GitLab's full project path `GROUP/SUB/PROJECT`. */
  project: string;
  ref: string;
  /** The folder inside the repository ('' for the root). */
  path: string;
  /** The tree URL as typed, without query or fragment: what a `#/set?src=` link carries. */
  url: string;
}

export interface RepoFiles {
  tree: RepoTree;
  /** The flow files under the path, with their paths inside the repository. */
  files: { path: string; text: string }[];
  /** Every other file under the path, not fetched, with the reason ("not a flow file"). */
  skipped: SetSkip[];
}

export interface FetchRepoOptions {
  /** For a private repository; sent only in a header, never in a URL. */
  token?: string;
  signal?: AbortSignal;
  /** Called as the tree is listed (`listing`, total unknown: 0) and as flow files arrive. */
  onProgress?: (phase: 'listing' | 'fetching', done: number, total: number) => void;
}

/** Lists the tree and fetches its flow files; rejects with a SourceError (redacted, with a hint). */
export type FetchRepoSet = (url: string, options?: FetchRepoOptions) => Promise<RepoFiles>;
