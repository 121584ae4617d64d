import type { SetSkip } from '../model/set';
import { checkToken, fileContext } from './gitHost';
import { makeIo, pool } from './gitIo';
import { flowFolders, type PullUrl } from './gitPullCommon';
import { readGitHubPull } from './gitPullHub';
import { readGitLabPull } from './gitPullLab';
import type { RepoReaderOptions } from './gitTree';
import { isLoopback, MAX_BYTES, short } from './http';
import type { FetchPullSets, PullSets } from './pullSources';
import { asSourceError, SourceError } from './redact';

/**
 * A pull request (GitHub) or merge request (GitLab) as two sets of flows (issue 14): the request's two commits
 * and changed files from the host's API (gitPullHub.ts, gitPullLab.ts), then only the changed flow files, at base
 * and at head, six at a time. An oversized or binary file is skipped with the reason. A token goes only in a
 * header; cancelling stops it all.
 */

const AT_ONCE = 6;
const EXAMPLES = 'https://github.com/OWNER/REPO/pull/123 or https://gitlab.com/GROUP/PROJECT/-/merge_requests/45';

const bad = (message: string, hint: string, token: string) => new SourceError('invalid-input', message, hint, [token]);

/**
 * Reads a pull or merge request URL: `https://github.com/OWNER/REPO/pull/N[/files|/commits|…]`,
 * `https://HOST/GROUP/…/PROJECT/-/merge_requests/N[/diffs|…]` (gitlab.com or self-hosted by the same path); http
 * only for this machine. Throws a SourceError naming what was expected for anything else.
 */
export function parsePullUrl(url: string, token = ''): PullUrl {
  const typed = url.trim();
  const hint = `Copy the pull request’s address from the host, for example ${EXAMPLES}.`;
  if (typed === '') throw bad('Enter the address of a pull request or merge request.', hint, token);
  let u: URL;
  try {
    u = new URL(typed);
  } catch {
    throw bad(`“${short(typed, 80)}” is not a URL.`, hint, token);
  }
  if (u.username || u.password)
    throw bad('The URL must not contain a user name or password.', 'Put the token in the Token field instead.', token);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u)))
    throw bad(`Pull requests are read over https:// only (got ${u.protocol}).`, 'Use the https:// address.', token);
  let parts: string[];
  try {
    parts = u.pathname
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
  } catch {
    throw bad('The address has a broken %-escape.', hint, token);
  }
  const shown = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  const number = (s: string | undefined) => (s !== undefined && /^[1-9]\d{0,9}$/.test(s) ? Number(s) : undefined);
  if (u.hostname === 'github.com') {
    const [owner, repo, kind, n] = parts;
    const num = number(n);
    if (owner && repo && kind === 'pull' && num !== undefined)
      return { host: 'github', origin: u.origin, project: `${owner}/${repo}`, number: num, url: shown };
    throw bad(
      `${short(shown, 120)} is not a pull request: GitHub’s are at github.com/OWNER/REPO/pull/NUMBER.`,
      kind === 'tree' ? 'To read a folder at a branch, open it as a set (…/tree/BRANCH/PATH).' : hint,
      token,
    );
  }
  const dash = parts.indexOf('-');
  const num = number(parts[dash + 2]);
  if (dash >= 2 && parts[dash + 1] === 'merge_requests' && num !== undefined)
    return { host: 'gitlab', origin: u.origin, project: parts.slice(0, dash).join('/'), number: num, url: shown };
  if (dash >= 2)
    throw bad(
      `${short(shown, 120)} is not a merge request: GitLab’s are at HOST/GROUP/PROJECT/-/merge_requests/NUMBER.`,
      hint,
      token,
    );
  throw bad(
    `${short(shown, 120)} is not a GitHub pull request or a GitLab merge request.`,
    `Flowscope reads pull requests on github.com and merge requests on gitlab.com or a GitLab server: ${EXAMPLES}.`,
    token,
  );
}

/** A `FetchPullSets` over the given fetch (tests pass one that reaches the mock host). */
export function createPullReader(deps: RepoReaderOptions = {}): FetchPullSets {
  return async (url, options = {}) => {
    const token = (options.token ?? '').trim();
    const secrets = [token];
    checkToken(token);
    const pull = parsePullUrl(url, token);
    const outer = options.signal;
    const aborted = () => new SourceError('aborted', 'The request was cancelled.', '', secrets);
    if (outer?.aborted) throw aborted();
    const controller = new AbortController();
    const cancel = () => controller.abort();
    outer?.addEventListener('abort', cancel, { once: true });
    const progress = options.onProgress ?? (() => undefined);
    const max = deps.maxBytes ?? MAX_BYTES;
    let listed = 0;
    const io = makeIo(fileContext(deps, secrets, controller.signal), token, max, (n) => {
      listed += n;
      progress('listing', listed, 0);
    });
    try {
      progress('listing', 0, 0);
      const listing = pull.host === 'github' ? await readGitHubPull(pull, io) : await readGitLabPull(pull, io);
      const { changed } = listing;
      const baseWanted = changed.flatMap((f) =>
        f.status === 'added' ? [] : [f.status === 'renamed' ? (f.previous ?? f.path) : f.path],
      );
      const headWanted = changed.filter((f) => f.status !== 'removed').map((f) => f.path);
      const jobs = [
        ...baseWanted.map((path) => ({ side: 'base' as const, path })),
        ...headWanted.map((path) => ({ side: 'head' as const, path })),
      ];
      const sides: Record<'base' | 'head', PullSets['base']> = {
        base: { files: [], skipped: [] },
        head: { files: [], skipped: listing.notes },
      };
      progress('fetching', 0, jobs.length);
      const counting = listing
        .unchanged(
          flowFolders(changed.flatMap((f) => (f.previous ? [f.path, f.previous] : [f.path]))),
          new Set(headWanted),
        )
        .catch(() => undefined); // a count the view can do without: its failure does not stop the read
      const [texts, unchanged] = await Promise.all([
        pool(
          jobs,
          AT_ONCE,
          (job) => readFlow(() => io.text(listing.file(job.side, job.path)), job.path, max),
          (done) => progress('fetching', done, jobs.length),
        ),
        counting,
      ]);
      jobs.forEach((job, i) => {
        const got = texts[i];
        if (got === undefined) return;
        if ('skip' in got) sides[job.side].skipped.push(got.skip);
        else sides[job.side].files.push({ path: job.path, text: got.text });
      });
      return { pull: listing.info, base: sides.base, head: sides.head, changed, unchanged };
    } catch (e) {
      controller.abort();
      if (outer?.aborted) throw aborted();
      throw asSourceError(e, secrets);
    } finally {
      outer?.removeEventListener('abort', cancel);
    }
  };
}

/** One file's text, or why it is skipped (over the cap, binary). Every other failure stops the read. */
async function readFlow(
  read: () => Promise<string>,
  path: string,
  max: number,
): Promise<{ text: string } | { skip: SetSkip }> {
  try {
    const text = await read();
    return text.includes('\u0000') ? { skip: { file: path, reason: 'a binary file' } } : { text };
  } catch (e) {
    if (e instanceof SourceError && e.kind === 'too-large')
      return { skip: { file: path, reason: `too large (over ${max.toLocaleString('en')} bytes)` } };
    throw e;
  }
}

/** Reads the pull or merge request through the browser's fetch. */
export const fetchPullSets: FetchPullSets = (url, options) => createPullReader()(url, options);
