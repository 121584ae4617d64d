/**
 * Reading a flow set's files from where it comes from (a folder, a zip, a repository, the org) and saying
 * what happens in words: the set actions (setActions.ts) hand these to the set worker's client.
 */
import type { SetSkip } from '../model/set';
import type { SetInputFile, SetOpenOptions, SetProgress } from '../sets/types';
import { redact } from '../sources/redact';
import type { FetchRepoSet, RepoTree } from '../sources/setSources';
import { messageOf } from './screen';
import type { FlowSetState, GetState, SetOpenInput, SetSourceInfo } from './types';

type Progress = NonNullable<FlowSetState['progress']>;
type SetError = NonNullable<FlowSetState['error']>;

/** What a set's files are and where they came from, ready for the client's `open`. */
export interface SetFiles {
  source: SetSourceInfo;
  files: readonly SetInputFile[];
  options: Pick<SetOpenOptions, 'skipped'>;
  /** A repository's tree: where each flow's own page (its blob URL) is. */
  tree?: RepoTree;
}

const WORDS: Record<SetProgress['phase'], string> = {
  read: 'Reading files',
  unzip: 'Unzipping',
  parse: 'Reading flows',
  index: 'Indexing flows',
};
export const workerProgress = (p: SetProgress): Progress => ({ phase: WORDS[p.phase], done: p.done, total: p.total });

/** A repository tree URL's short name before the tree is read: what follows the host. */
const urlName = (url: string) => url.replace(/^[a-z]+:\/\/[^/]+\/?/i, '').replace(/\/-?\/?tree\//, ' @ ') || url;
const treeName = (t: RepoTree) => `${t.project}${t.path ? `/${t.path}` : ''} @ ${t.ref}`;
const orgName = (get: GetState) => {
  const org = get().org;
  return org.status === 'connected' ? org.instanceUrl.replace(/^https:\/\//, '') : 'the org';
};

/** The source of a set before its files are read (what the loading state names). */
export function sourceOf(input: SetOpenInput, get: GetState): SetSourceInfo {
  switch (input.kind) {
    case 'folder':
      return { kind: 'folder', name: input.name };
    case 'zip':
      return { kind: 'zip', name: input.file.name };
    case 'repo':
      return { kind: 'repo', name: urlName(input.url.trim()), url: input.url.trim() };
    case 'org':
      return { kind: 'org', name: orgName(get), which: input.which };
  }
}

export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
}

/** Gathers a set's files: a folder's and a zip's are here already, a repository's and an org's are fetched. */
export async function gather(
  input: SetOpenInput,
  get: GetState,
  fetchRepo: FetchRepoSet,
  progress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<SetFiles> {
  const source = sourceOf(input, get);
  switch (input.kind) {
    case 'folder':
      return { source, files: input.files.map((f) => ({ path: f.path, blob: f.file })), options: {} };
    case 'zip':
      return { source, files: [{ path: input.file.name, blob: input.file }], options: {} };
    case 'repo': {
      progress({ phase: 'Listing the repository…', done: 0, total: 0 });
      const read = await fetchRepo(input.url.trim(), {
        ...(input.token ? { token: input.token } : {}),
        signal,
        onProgress: (phase, done, total) =>
          progress(
            phase === 'listing'
              ? { phase: 'Listing the repository…', done: 0, total: 0 }
              : { phase: 'Fetching flow files', done, total },
          ),
      });
      return {
        source: { kind: 'repo', name: treeName(read.tree), url: read.tree.url },
        files: read.files,
        options: { skipped: read.skipped },
        tree: read.tree,
      };
    }
    case 'org': {
      if (get().org.status !== 'connected') throw new NotConnectedError('Connect to an org first.');
      const read = await get().orgSetFiles(
        input.which,
        (phase, done, total) =>
          progress(
            phase === 'listing'
              ? { phase: "Listing the org's flows", done, total }
              : { phase: 'Fetching flow versions', done, total },
          ),
        signal,
      );
      return { source, files: read.files, options: { skipped: read.skipped as SetSkip[] } };
    }
  }
}

const RATE_LIMIT = /rate.?limit/i;

/** Why a set could not be read, said for people; no token in it (`token`, the one given, is masked anyway). */
export function setError(e: unknown, input: SetOpenInput): SetError {
  const token = input.kind === 'repo' ? input.token : undefined;
  const clean = (text: string) => redact(text, token ? [token] : []);
  if (e instanceof NotConnectedError)
    return {
      message: 'Connect to an org first.',
      hint: 'Open the org dialog and connect; then its flows open as a set.',
    };
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    kind?: string;
    status?: number;
    hint?: unknown;
    message?: unknown;
  };
  const message = clean(typeof err.message === 'string' ? err.message : messageOf(e));
  const hint = typeof err.hint === 'string' && err.hint !== '' ? clean(err.hint) : '';
  if (input.kind === 'repo' && !token && asksForToken(err, message))
    return {
      message,
      hint: hint || 'If the repository is private, give a token that can read it: it is sent only to its host.',
      needsToken: true,
    };
  return { message, hint: hint || 'Try again; if it keeps failing, please report it.' };
}

/** A host's answer for a private repository: 404 or 401, or a 403 that is not its rate limit. */
function asksForToken(err: { kind?: string; status?: number }, message: string): boolean {
  if (err.kind === 'not-found' || err.kind === 'unauthorized' || err.status === 404 || err.status === 401) return true;
  return (err.kind === 'forbidden' || err.status === 403) && !RATE_LIMIT.test(message);
}

/** A flow's own page in its repository (GitHub's or GitLab's blob URL), so its single-flow link still works. */
export function blobUrl(tree: RepoTree, file: string): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  const ref = tree.ref.split('/').map(encodeURIComponent).join('/');
  return tree.host === 'gitlab'
    ? `${tree.origin}/${tree.project}/-/blob/${ref}/${path}`
    : `${tree.origin}/${tree.project}/blob/${ref}/${path}`;
}

/** Whether a set's open was cancelled (its signal aborted), not failed. */
export const isAbort = (e: unknown, signal: AbortSignal) =>
  signal.aborted || (e instanceof Error && e.name === 'AbortError');
