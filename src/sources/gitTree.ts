import { isFlowFileName, type SetSkip } from '../model/set';
import { listGitHub } from './gitHub';
import { type Listing, makeIo, pool } from './gitIo';
import { listGitLab } from './gitLab';
import { checkToken, fileContext } from './gitHost';
import { type Fetch, isLoopback, MAX_BYTES, short } from './http';
import { asSourceError, SourceError } from './redact';
import type { FetchRepoSet, RepoTree } from './setSources';

/**
 * A repository at a ref as a flow set (issue 13): the tree URL read, the tree listed through the host's API
 * (gitHub.ts, gitLab.ts), the flow files under the path fetched six at a time, every other file listed as
 * skipped and not fetched. A token goes only in a header (never a URL, an error or a log); cancelling stops it all.
 */

/** More flow files than this in one folder is not a project's flows folder: the user should pick a smaller one. */
export const MAX_SET_FILES = 10_000;
const AT_ONCE = 6;

const bad = (message: string, hint: string, secrets: readonly string[] = []) =>
  new SourceError('invalid-input', message, hint, secrets);

/**
 * Reads a tree URL: `https://github.com/OWNER/REPO[/tree/REF[/PATH]]`, `https://HOST/GROUP/…/PROJECT[/-/tree/REF[/PATH]]`
 * (GitLab, nested groups, self-hosted; `…/-/tree` alone, or a bare project on a host named gitlab.*, is the
 * default branch; elsewhere a host without `/-/` is not taken for GitLab). `ref` is '' for
 * the default branch. A ref may contain slashes, which a URL cannot show: `ref` is the first segment after
 * `tree/` and `path` the rest, until `fetchRepoSet` asks the host (its answer carries the tree as resolved).
 * Throws a SourceError for anything else; http only for this machine.
 */
export function parseTreeUrl(url: string, token = ''): RepoTree {
  const typed = url.trim();
  const hint = 'For example https://github.com/OWNER/REPO/tree/main/force-app/main/default/flows.';
  if (typed === '') throw bad('Enter the address of a repository folder.', hint);
  let u: URL;
  try {
    u = new URL(typed);
  } catch {
    throw bad(`“${short(typed, 80)}” is not a URL.`, hint, [token]);
  }
  if (u.username || u.password)
    throw bad('The URL must not contain a user name or password.', 'Put the token in the Token field instead.', [
      token,
    ]);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u)))
    throw bad(`Repositories are read over https:// only (got ${u.protocol}).`, 'Use the https:// address.', [token]);
  let parts: string[];
  try {
    parts = u.pathname
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
  } catch {
    throw bad('The address has a broken %-escape.', hint, [token]);
  }
  const shown = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  const notTree = (what: string) =>
    bad(
      `${short(shown, 120)} is ${what}, not a repository folder.`,
      `Open the folder on the host and copy its address (…/tree/BRANCH/PATH). ${hint}`,
      [token],
    );
  const tree = (host: RepoTree['host'], project: string[], rest: string[]): RepoTree => ({
    host,
    origin: u.origin,
    project: project.join('/'),
    ref: rest[0] ?? '',
    path: rest.slice(1).join('/'),
    url: shown,
  });
  if (u.hostname === 'github.com') {
    const [owner, repo, kind] = parts;
    if (!owner || !repo) throw notTree('not a repository');
    const project = [owner, repo.replace(/\.git$/, '')];
    if (parts.length === 2) return tree('github', project, []);
    if (kind === 'tree' && parts.length >= 4) return tree('github', project, parts.slice(3));
    throw notTree(kind === 'blob' || kind === 'raw' ? 'a single file (open it with Open URL)' : 'a GitHub page');
  }
  const dash = parts.indexOf('-');
  if (dash >= 2 || (dash < 0 && parts.length >= 2 && /(^|\.)gitlab\./.test(u.hostname))) {
    const project = dash < 0 ? parts : parts.slice(0, dash);
    if (dash < 0)
      return tree(
        'gitlab',
        project.map((p) => p.replace(/\.git$/, '')),
        [],
      );
    if (parts[dash + 1] === 'tree') return tree('gitlab', project, parts.slice(dash + 2));
    throw notTree(parts[dash + 1] === 'blob' || parts[dash + 1] === 'raw' ? 'a single file' : 'a GitLab page');
  }
  throw bad(
    `${short(shown, 120)} is not a GitHub or GitLab repository folder.`,
    'Use a folder’s address on github.com (…/tree/BRANCH/PATH) or on a GitLab server (…/-/tree/BRANCH/PATH).',
    [token],
  );
}

export interface RepoReaderOptions {
  fetch?: Fetch;
  /** This page's origin, for the CORS explanation; defaults to `location.origin`. */
  pageOrigin?: string;
  /** The cap on one file (and one API answer); the parser's 50 MB by default. */
  maxBytes?: number;
}

/**
 * Why one listed file is skipped rather than the set failed: it is gone (404: deleted or moved since the listing)
 * or the host failed on it (5xx). Anything else — a rate limit, a refused token, a cancel, a network or CORS
 * failure — would fail every file alike, so it fails the set with its own message (undefined here).
 */
function lostFile(e: unknown): string | undefined {
  if (!(e instanceof SourceError) || e.status === undefined) return undefined;
  if (e.kind === 'not-found') return 'not found when fetched (deleted or moved since the folder was listed?)';
  if (e.kind === 'http' && e.status >= 500)
    return `could not be fetched (the host answered ${e.status}; opening the set again may work)`;
  return undefined;
}

/** A `FetchRepoSet` over the given fetch (tests pass one that reaches the mock host). */
export function createRepoReader(deps: RepoReaderOptions = {}): FetchRepoSet {
  return async (url, options = {}) => {
    const token = (options.token ?? '').trim();
    const secrets = [token];
    checkToken(token);
    const tree = parseTreeUrl(url, token);
    const outer = options.signal;
    if (outer?.aborted) throw new SourceError('aborted', 'The request was cancelled.', '', secrets);
    // One controller for every request: the user's cancel, or the first failure, stops the rest.
    const controller = new AbortController();
    const cancel = () => controller.abort();
    outer?.addEventListener('abort', cancel, { once: true });
    const progress = options.onProgress ?? (() => undefined);
    let listed = 0;
    const ctx = fileContext(deps, secrets, controller.signal);
    const io = makeIo(ctx, token, deps.maxBytes ?? MAX_BYTES, (n) => {
      listed += n;
      progress('listing', listed, 0);
    });
    try {
      progress('listing', 0, 0);
      const listing: Listing = tree.host === 'github' ? await listGitHub(tree, io) : await listGitLab(tree, io);
      const flows = listing.blobs.filter(isFlowFileName);
      const skipped: SetSkip[] = listing.blobs
        .filter((p) => !isFlowFileName(p))
        .map((file) => ({ file, reason: 'not a flow file' }));
      if (flows.length > MAX_SET_FILES)
        throw new SourceError(
          'too-large',
          `${short(listing.tree.url, 120)} holds ${flows.length.toLocaleString('en')} flow files; ` +
            `Flowscope opens sets of up to ${MAX_SET_FILES.toLocaleString('en')}.`,
          'Open a smaller folder, such as force-app/main/default/flows of one package.',
          secrets,
        );
      progress('fetching', 0, flows.length);
      const texts = await pool(
        flows,
        AT_ONCE,
        (p) =>
          io.text(listing.file(p)).catch((e: unknown) => {
            const reason = lostFile(e);
            if (reason === undefined || controller.signal.aborted) throw e;
            skipped.push({ file: p, reason });
            return undefined;
          }),
        (done) => progress('fetching', done, flows.length),
      );
      const files = flows.flatMap((path, i) => {
        const text = texts[i];
        return text === undefined ? [] : [{ path, text }];
      });
      return { tree: listing.tree, files, skipped };
    } catch (e) {
      controller.abort();
      if (outer?.aborted) throw new SourceError('aborted', 'The request was cancelled.', '', secrets);
      throw asSourceError(e, secrets);
    } finally {
      outer?.removeEventListener('abort', cancel);
    }
  };
}

/** Lists the tree and fetches its flow files through the browser's fetch. */
export const fetchRepoSet: FetchRepoSet = (url, options) => createRepoReader()(url, options);
