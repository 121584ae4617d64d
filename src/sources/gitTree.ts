/** A repository at a ref, through its host's API (issue 13). Placeholder until the reader lands. */
import { SourceError } from './redact';
import type { FetchRepoSet, RepoTree } from './setSources';

/** Reads a tree URL; throws a SourceError for anything else. */
export function parseTreeUrl(url: string): RepoTree {
  throw new SourceError('invalid-input', `Repositories cannot be opened yet (${url.slice(0, 80)}).`, '', []);
}

export const fetchRepoSet: FetchRepoSet = (url) => Promise.reject(parseTreeUrl(url));
