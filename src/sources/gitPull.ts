/** A pull or merge request through its host's API (issue 14). Placeholder until the reader lands. */
import { SourceError } from './redact';
import type { FetchPullSets } from './pullSources';

export const fetchPullSets: FetchPullSets = (url) =>
  Promise.reject(new SourceError('invalid-input', `Pull requests cannot be opened yet (${url.slice(0, 80)}).`, '', []));
