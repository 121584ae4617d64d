import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SourceError } from '../../src/sources/redact';

/**
 * A mock git host on 127.0.0.1 at a random port, answering like GitHub's REST API, raw.githubusercontent.com and
 * GitLab's API v4, for the repository reader's tests (Node and e2e):
 * - GitHub's API under `/gh-api/…` (stands for https://api.github.com/): `repos/O/R`, `git/trees/SHA|REF[?recursive=1]`,
 *   `git/matching-refs/heads|tags/PREFIX`, `contents/PATH?ref=` (Accept `application/vnd.github.raw`);
 * - GitHub's raw files under `/gh-raw/O/R/REF|SHA/PATH` (stands for https://raw.githubusercontent.com/);
 * - GitLab at the root, self-hosted style (`/api/v4/projects/ENCODED|ID/…`: the project, `repository/tree` paged by
 *   `Link` and `x-next-page`, `repository/branches|tags?search=^X`, `repository/files/ENC/raw?ref=`).
 * - Pull requests (`MockRepo.pulls`), their files computed from the two branches (git's exact renames too):
 *   GitHub `pulls/N` and `pulls/N/files` (100 a page at most, 3,000 files at most, `Link`), GitLab
 *   `merge_requests/N` and `merge_requests/N/diffs` (paged like the tree). A pull's head commit resolves in the
 *   base repository too (refs/pull/N/head), as on both hosts, so a deleted fork's files can still be read. A pull
 *   may name its merge base (`mergeBase`, when the base branch moved on): GitHub's `compare/BASE...HEAD` says it.
 * Private repositories need the token (404 without, as the hosts answer; 401 with a wrong one). CORS for any
 * origin. Every request is logged with its headers.
 */

export interface MockBranch {
  files: Record<string, string>;
}

export interface MockRepo {
  host: 'github' | 'gitlab';
  /** `owner/repo` (GitHub) or the full path `group/sub/project` (GitLab). */
  project: string;
  private?: boolean;
  /** Branch name → its files; the first branch is the default unless `defaultBranch` says otherwise. */
  branches: Record<string, MockBranch>;
  defaultBranch?: string;
  /** Lightweight tags: tag name → the branch it points at. */
  tags?: Record<string, string>;
  /** Pull (merge) requests by number. */
  pulls?: Record<number, MockPull>;
  /** The repository was deleted: the API no longer knows it, but pulls from it still name its commits. */
  deleted?: boolean;
}

export interface MockPull {
  /** The target branch, in this repository. */
  base: string;
  /** The source branch: in this repository, or in `headProject` (a fork). */
  head: string;
  title?: string;
  state?: 'open' | 'closed' | 'merged';
  /** A fork of the same host (a MockRepo, perhaps `deleted`). */
  headProject?: string;
  /** Renames git finds beyond identical content: new path → old path. */
  renames?: Record<string, string>;
  /**
   * Where the head branched off: a branch (or tag) of this repository holding the base as it was then, when `base`
   * has moved on since. The pull's files are listed against it (git's three-dot diff, as both hosts do), GitHub's
   * compare answers it as `merge_base_commit`, GitLab's `diff_refs.base_sha` is it. Default: `base` itself.
   */
  mergeBase?: string;
}

/** A pull request's file changes, as git computes them between its two branches (sorted by path). */
export interface MockChange {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  previous?: string;
}

export function pullChanges(
  base: Record<string, string>,
  head: Record<string, string>,
  renames: Record<string, string> = {},
): MockChange[] {
  const has = (o: Record<string, string>, k: string) => Object.hasOwn(o, k);
  const removed = new Set(Object.keys(base).filter((p) => !has(head, p)));
  const out: MockChange[] = [];
  for (const path of Object.keys(head)) {
    if (has(base, path)) {
      if (base[path] !== head[path]) out.push({ path, status: 'modified' });
      continue;
    }
    const named = renames[path];
    const previous =
      named !== undefined && removed.has(named) ? named : [...removed].find((r) => base[r] === head[path]);
    if (previous !== undefined) {
      removed.delete(previous);
      out.push({ path, status: 'renamed', previous });
    } else out.push({ path, status: 'added' });
  }
  for (const path of removed) out.push({ path, status: 'removed' });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type MockGitMode =
  /** Normal answers. */
  | 'ok'
  /** GitHub API: 403 with x-ratelimit-remaining 0 and x-ratelimit-reset (`resetAt`). Raw files still answer. */
  | 'rate-limit-github'
  /** Both APIs: 429 with Retry-After (`retryAfter` seconds; GitLab also RateLimit-Reset). */
  | 'rate-limit-429'
  /** GitHub API: 403 with Retry-After, a secondary rate limit. */
  | 'secondary-limit'
  /** GitHub API: 403 without Retry-After whose message names a secondary rate limit. */
  | 'secondary-limit-bare'
  /** GitHub: every recursive tree answer is cut in half and says `truncated: true`. */
  | 'truncated';

export interface MockGitHostOptions {
  repos: MockRepo[];
  mode?: MockGitMode;
  token?: string;
  /** GitLab's page size cap (default 20), so paging is exercised. */
  pageSize?: number;
}

export interface MockGitRequest {
  method: string;
  /** The full URL as the mock received it. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export interface MockGitHost {
  /** `http://127.0.0.1:PORT`; GitLab projects are at `${url}/GROUP/PROJECT/-/tree/REF/PATH`. */
  url: string;
  /** The token private repositories take (as a Bearer, or GitLab's PRIVATE-TOKEN); may be changed at run time. */
  token: string;
  repos: MockRepo[];
  requests: MockGitRequest[];
  mode: MockGitMode;
  pageSize: number;
  /** GitLab's paging: `Link` and `x-next-page` headers (default), or only `x-next-page`. */
  gitLabLink: boolean;
  /** GitLab has `merge_requests/N/diffs` (15.7 and later, default); else only the older `merge_requests/N/changes`. */
  gitLabDiffs: boolean;
  /** Delay every file answer (raw, contents, GitLab raw) by this many ms (to cancel mid-way). */
  fileDelayMs: number;
  /**
   * Files that fail when fetched, by their path in the repository: the status answered (a 404 for one deleted
   * since the listing, a 5xx), or 0 to drop the connection (a network failure). The listing still shows them.
   */
  failFiles: Map<string, number>;
  /** GitHub's `compare/BASE...HEAD` answers this status instead (a 404 for a deleted fork's head); 0: normal. */
  compareStatus: number;
  /**
   * When the last file answer (raw, contents, GitLab raw) and the last answer of any kind were sent, in epoch ms
   * with a fraction (`performance.timeOrigin + performance.now()`, comparable with a page's on this machine); 0: none.
   */
  lastFileAt: number;
  lastAnswerAt: number;
  /** When GitHub's rate limit resets (epoch seconds) in 'rate-limit-github'. */
  resetAt: number;
  retryAfter: number;
  close: () => Promise<void>;
}

interface Dir {
  sha: string;
  children: Map<string, { type: 'blob' | 'tree'; sha: string }>;
}

/** A pull's sides: the base branch's tip, the merge base (the tip unless `mergeBase` names another), the head. */
type PullSides = { from: MockRepo; base: Built; mergeBase: Built; head: Built };

interface Built {
  repo: MockRepo;
  ref: string;
  commit: string;
  files: Record<string, string>;
  dirs: Map<string, Dir>;
}

const epochNow = () => performance.timeOrigin + performance.now();
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

function build(repo: MockRepo, ref: string, files: Record<string, string>): Built {
  const dirs = new Map<string, Dir>();
  const dir = (path: string): Dir => {
    let d = dirs.get(path);
    if (!d) {
      d = { sha: sha1(`tree ${repo.project} ${ref} ${path}`), children: new Map() };
      dirs.set(path, d);
      if (path !== '') {
        const cut = path.lastIndexOf('/');
        dir(cut < 0 ? '' : path.slice(0, cut)).children.set(path.slice(cut + 1), { type: 'tree', sha: d.sha });
      }
    }
    return d;
  };
  dir('');
  for (const [path, text] of Object.entries(files)) {
    const cut = path.lastIndexOf('/');
    dir(cut < 0 ? '' : path.slice(0, cut)).children.set(path.slice(cut + 1), {
      type: 'blob',
      sha: sha1(`blob ${text}`),
    });
  }
  return { repo, ref, commit: sha1(`commit ${repo.project} ${ref}`), files, dirs };
}

/** Every entry below a folder (recursive) or in it, with paths relative to it. */
function entries(b: Built, path: string, recursive: boolean) {
  const out: { path: string; type: 'blob' | 'tree'; sha: string }[] = [];
  const walk = (p: string, rel: string) => {
    for (const [name, c] of [...(b.dirs.get(p)?.children ?? [])].sort(([x], [y]) => x.localeCompare(y))) {
      const relPath = rel === '' ? name : `${rel}/${name}`;
      out.push({ path: relPath, type: c.type, sha: c.sha });
      if (recursive && c.type === 'tree') walk(p === '' ? name : `${p}/${name}`, relPath);
    }
  };
  walk(path, '');
  return out;
}

export async function startMockGitHost(options: MockGitHostOptions): Promise<MockGitHost> {
  const token = options.token ?? 'github_pat_MockGitToken0123456789abcdefNeverLeak';
  const mock: MockGitHost = {
    url: '',
    token,
    repos: options.repos,
    requests: [],
    mode: options.mode ?? 'ok',
    pageSize: options.pageSize ?? 20,
    gitLabLink: true,
    gitLabDiffs: true,
    fileDelayMs: 0,
    failFiles: new Map(),
    compareStatus: 0,
    lastFileAt: 0,
    lastAnswerAt: 0,
    resetAt: 0,
    retryAfter: 42,
    close: async () => undefined,
  };
  const refsOf = (repo: MockRepo) => {
    const all = new Map<string, Built>();
    for (const [name, b] of Object.entries(repo.branches)) all.set(`heads/${name}`, build(repo, name, b.files));
    for (const [tag, branch] of Object.entries(repo.tags ?? {})) {
      const files = repo.branches[branch]?.files ?? {};
      all.set(`tags/${tag}`, build(repo, tag, files));
    }
    return all;
  };
  const anyRepo = (host: MockRepo['host'], project: string) =>
    mock.repos.find((r) => r.host === host && r.project.toLowerCase() === project.toLowerCase());
  const repoOf = (host: MockRepo['host'], project: string) => {
    const r = anyRepo(host, project);
    return r?.deleted ? undefined : r;
  };
  /** GitLab's numeric project ids: 4242 for the first repository, then one more for each. */
  const idOf = (repo: MockRepo) => 4242 + mock.repos.indexOf(repo);
  /** A pull's two sides, built (undefined when a branch is missing). */
  const sidesOf = (repo: MockRepo, pull: MockPull) => {
    const from = pull.headProject === undefined ? repo : anyRepo(repo.host, pull.headProject);
    const base = repo.branches[pull.base];
    const head = from?.branches[pull.head];
    if (!from || !base || !head) return undefined;
    const baseBuilt = build(repo, pull.base, base.files);
    const refs = refsOf(repo);
    const named = pull.mergeBase;
    // Branches and tags only (a pull's head is no merge base): resolve() would come back here.
    const mergeBase = named === undefined ? baseBuilt : (refs.get(`heads/${named}`) ?? refs.get(`tags/${named}`));
    if (!mergeBase) return undefined;
    return { from, base: baseBuilt, mergeBase, head: build(from, pull.head, head.files) };
  };
  /** A ref name (branch, then tag) or a commit sha (a pull's head commit too) → the built tree. */
  const resolve = (repo: MockRepo, name: string): Built | undefined => {
    const refs = refsOf(repo);
    const found =
      refs.get(`heads/${name}`) ?? refs.get(`tags/${name}`) ?? [...refs.values()].find((b) => b.commit === name);
    if (found) return found;
    for (const pull of Object.values(repo.pulls ?? {})) {
      const head = sidesOf(repo, pull)?.head;
      if (head?.commit === name) return head;
    }
    return undefined;
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      json(res, 500, { message: String(e) });
    }
  });

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
    mock.lastAnswerAt = epochNow();
  }
  function plain(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
    mock.lastAnswerAt = epochNow();
  }
  function file(res: ServerResponse, text: string, path: string) {
    const fail = mock.failFiles.get(path);
    if (fail === 0) return void res.socket?.destroy();
    const answer = () => {
      if (fail === undefined) plain(res, 200, text);
      else json(res, fail, { message: `Failed ${fail}` });
      mock.lastFileAt = epochNow();
    };
    if (mock.fileDelayMs > 0) setTimeout(answer, mock.fileDelayMs);
    else answer();
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', mock.url);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = String(v);
    mock.requests.push({ method: req.method ?? '', url: url.href, headers });
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader(
      'Access-Control-Expose-Headers',
      'Link, x-next-page, x-page, x-per-page, x-total, x-total-pages, Retry-After, x-ratelimit-limit, ' +
        'x-ratelimit-remaining, x-ratelimit-reset, x-ratelimit-used, RateLimit-Reset, RateLimit-Remaining',
    );
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, PRIVATE-TOKEN, X-GitHub-Api-Version, Accept, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { message: 'Method not allowed' });
    const p = url.pathname;
    if (p.startsWith('/gh-api/')) return gitHubApi(req, res, url, p.slice('/gh-api'.length));
    if (p.startsWith('/gh-raw/')) return gitHubRaw(req, res, p.slice('/gh-raw/'.length));
    if (p.startsWith('/api/v4/')) return gitLabApi(req, res, url, p.slice('/api/v4'.length));
    return plain(res, 404, 'Not Found');
  }

  /** The token check both hosts make: undefined when the repository may be read. */
  function refused(req: IncomingMessage, repo: MockRepo | undefined): 'missing' | 'bad' | undefined {
    const auth = req.headers.authorization;
    const priv = req.headers['private-token'];
    const sent = auth !== undefined || priv !== undefined;
    const good = auth === `Bearer ${mock.token}` || priv === mock.token;
    if (sent && !good) return 'bad';
    if (!repo || (repo.private && !good)) return 'missing';
    return undefined;
  }

  function gitHubApi(req: IncomingMessage, res: ServerResponse, url: URL, path: string) {
    const notFound = () =>
      json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    if (mock.mode === 'rate-limit-github') {
      mock.resetAt = Math.floor(Date.now() / 1000) + 30 * 60;
      return json(
        res,
        403,
        { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest' },
        {
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '60',
          'x-ratelimit-reset': String(mock.resetAt),
        },
      );
    }
    if (mock.mode === 'rate-limit-429')
      return json(res, 429, { message: 'Too many requests' }, { 'Retry-After': String(mock.retryAfter) });
    if (mock.mode === 'secondary-limit')
      return json(
        res,
        403,
        { message: 'You have exceeded a secondary rate limit.' },
        { 'Retry-After': String(mock.retryAfter), 'x-ratelimit-remaining': '4000' },
      );
    if (mock.mode === 'secondary-limit-bare')
      return json(res, 403, {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      });
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) return notFound();
    const repo = repoOf('github', `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`);
    const refusal = refused(req, repo);
    if (refusal === 'bad') return json(res, 401, { message: 'Bad credentials', status: '401' });
    if (refusal || !repo) return notFound();
    const rest = m[3] ?? '';
    const limits = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' };
    if (rest === '')
      return json(
        res,
        200,
        { full_name: repo.project, private: Boolean(repo.private), default_branch: defaultOf(repo) },
        limits,
      );
    const trees = /^\/git\/trees\/([^/]+)$/.exec(rest);
    if (trees) {
      const name = decodeURIComponent(trees[1]!);
      const recursive = url.searchParams.has('recursive');
      const built = resolve(repo, name);
      const found = built
        ? { b: built, dir: '' }
        : [...refsOf(repo).values()].flatMap((b) =>
            [...b.dirs].filter(([, d]) => d.sha === name).map(([dir]) => ({ b, dir })),
          )[0];
      if (!found || name.includes('/')) return notFound();
      let list = entries(found.b, found.dir, recursive);
      const truncated = recursive && mock.mode === 'truncated';
      if (truncated) list = list.slice(0, Math.ceil(list.length / 2));
      const sha = found.b.dirs.get(found.dir)!.sha;
      return json(
        res,
        200,
        {
          sha,
          url: `https://api.github.com/repos/${repo.project}/git/trees/${sha}`,
          tree: list.map((e) => ({ ...e, mode: e.type === 'tree' ? '040000' : '100644' })),
          truncated,
        },
        limits,
      );
    }
    const matching = /^\/git\/matching-refs\/(heads|tags)\/(.*)$/.exec(rest);
    if (matching) {
      const prefix = `${matching[1]}/${decodeURIComponent(matching[2]!)}`;
      const refs = [...refsOf(repo)].filter(([name]) => name.startsWith(prefix));
      return json(
        res,
        200,
        refs.map(([name, b]) => ({ ref: `refs/${name}`, object: { sha: b.commit, type: 'commit' } })),
        limits,
      );
    }
    const contents = /^\/contents\/(.+)$/.exec(rest);
    if (contents) {
      if (req.headers.accept !== 'application/vnd.github.raw')
        return json(res, 415, { message: 'Expected the raw media type' });
      const b = resolve(repo, url.searchParams.get('ref') ?? defaultOf(repo));
      const at = decodeURIComponent(contents[1]!);
      const text = b?.files[at];
      return text === undefined ? notFound() : file(res, text, at);
    }
    const compare = /^\/compare\/(.+)\.\.\.(.+)$/.exec(rest);
    if (compare) {
      if (mock.compareStatus !== 0) return json(res, mock.compareStatus, { message: 'Not Found' });
      const [from, to] = [
        resolve(repo, decodeURIComponent(compare[1]!)),
        resolve(repo, decodeURIComponent(compare[2]!)),
      ];
      if (!from || !to) return notFound();
      // The merge base of a pull's two commits is its `mergeBase`; of any other two, the base (head is ahead).
      const sides = Object.values(repo.pulls ?? {})
        .map((p) => sidesOf(repo, p))
        .find((x) => x?.base.commit === from.commit && x.head.commit === to.commit);
      const mergeBase = sides?.mergeBase ?? from;
      const commit = (b: Built) => ({ sha: b.commit, commit: { message: `${b.ref}` } });
      return json(
        res,
        200,
        {
          status: mergeBase === from ? 'ahead' : 'diverged',
          ahead_by: 1,
          behind_by: mergeBase === from ? 0 : 1,
          base_commit: commit(from),
          merge_base_commit: commit(mergeBase),
          files: pullChanges(mergeBase.files, to.files).map((c) => ({ filename: c.path, status: c.status })),
        },
        limits,
      );
    }
    const pulls = /^\/pulls\/(\d+)(\/files)?$/.exec(rest);
    const pull = pulls ? repo.pulls?.[Number(pulls[1])] : undefined;
    const sides = pull ? sidesOf(repo, pull) : undefined;
    if (pulls && pull && sides) {
      const changes = pullChanges(sides.mergeBase.files, sides.head.files, pull.renames);
      if (!pulls[2]) return json(res, 200, gitHubPull(repo, Number(pulls[1]), pull, sides, changes.length), limits);
      // GitHub: at most 100 a page, and at most 3,000 files in all.
      const listed = changes.slice(0, 3000);
      const per = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
      const { page, headers: paging } = pageOf(url, listed.length, per, 'https://api.github.com/repos');
      const files = listed.slice((page - 1) * per, page * per).map((c) => ({
        sha: sha1(`blob ${sides.head.files[c.path] ?? ''}`),
        filename: c.path,
        status: c.status,
        additions: 1,
        deletions: 1,
        changes: 2,
        ...(c.previous === undefined ? {} : { previous_filename: c.previous }),
      }));
      return json(res, 200, files, { ...limits, ...paging });
    }
    return notFound();
  }

  function gitHubPull(repo: MockRepo, n: number, pull: MockPull, sides: PullSides, changed: number) {
    const side = (b: Built, r: MockRepo) => ({
      ref: b.ref,
      sha: b.commit,
      label: `${r.project.split('/')[0]}:${b.ref}`,
      repo: r.deleted ? null : { full_name: r.project, private: Boolean(r.private) },
    });
    return {
      number: n,
      html_url: `https://github.com/${repo.project}/pull/${n}`,
      title: pull.title ?? `Pull ${n}`,
      state: pull.state === 'merged' ? 'closed' : (pull.state ?? 'open'),
      merged: pull.state === 'merged',
      merged_at: pull.state === 'merged' ? '2026-01-01T00:00:00Z' : null,
      changed_files: changed,
      base: side(sides.base, repo),
      head: side(sides.head, sides.from),
    };
  }

  /** The page asked for, and the paging headers (`Link` on `linkBase` + the API path, GitLab's `x-…` ones). */
  function pageOf(url: URL, total: number, per: number, linkBase?: string) {
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const pages = Math.max(1, Math.ceil(total / per));
    const link = (n: number, rel: string) => {
      const u = new URL(url.href);
      u.searchParams.set('page', String(n));
      const href = linkBase ? `${linkBase}${u.pathname.replace(/^\/gh-api\/repos/, '')}${u.search}` : u.href;
      return `<${href}>; rel="${rel}"`;
    };
    const links = [...(page < pages ? [link(page + 1, 'next')] : []), link(1, 'first'), link(pages, 'last')];
    const headers: Record<string, string> = linkBase
      ? { Link: links.join(', ') }
      : {
          'x-page': String(page),
          'x-per-page': String(per),
          'x-total': String(total),
          'x-total-pages': String(pages),
          'x-next-page': page < pages ? String(page + 1) : '',
          ...(mock.gitLabLink ? { Link: links.join(', ') } : {}),
        };
    return { page, headers };
  }

  function gitHubRaw(req: IncomingMessage, res: ServerResponse, path: string) {
    const [owner = '', name = '', ref = '', ...rest] = path.split('/').map(decodeURIComponent);
    const repo = repoOf('github', `${owner}/${name}`);
    // raw.githubusercontent.com answers a private file without a valid token with a plain 404.
    if (refused(req, repo) || !repo) return plain(res, 404, '404: Not Found');
    const text = resolve(repo, ref)?.files[rest.join('/')];
    return text === undefined ? plain(res, 404, '404: Not Found') : file(res, text, rest.join('/'));
  }

  function gitLabApi(req: IncomingMessage, res: ServerResponse, url: URL, path: string) {
    if (mock.mode === 'rate-limit-429')
      return plain(res, 429, 'Retry later', {
        'Retry-After': String(mock.retryAfter),
        'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + mock.retryAfter),
      });
    const m = /^\/projects\/([^/]+)(\/.*)?$/.exec(path);
    const key = m ? decodeURIComponent(m[1]!) : '';
    const byId = /^\d+$/.test(key) ? mock.repos.find((r) => r.host === 'gitlab' && idOf(r) === Number(key)) : undefined;
    const found = byId ?? (m ? anyRepo('gitlab', key) : undefined);
    const repo = found?.deleted ? undefined : found;
    const refusal = refused(req, repo);
    if (refusal === 'bad') return json(res, 401, { message: '401 Unauthorized' });
    if (refusal || !repo) return json(res, 404, { message: '404 Project Not Found' });
    const rest = m?.[2] ?? '';
    if (rest === '')
      return json(res, 200, {
        id: idOf(repo),
        path_with_namespace: repo.project,
        default_branch: defaultOf(repo),
        visibility: repo.private ? 'private' : 'public',
      });
    if (rest === '/repository/tree') return gitLabTree(res, url, repo);
    const search = /^\/repository\/(branches|tags)$/.exec(rest);
    if (search) {
      const q = url.searchParams.get('search') ?? '';
      const names = search[1] === 'branches' ? Object.keys(repo.branches) : Object.keys(repo.tags ?? {});
      const hit = (n: string) => (q.startsWith('^') ? n.startsWith(q.slice(1)) : n.includes(q));
      return json(
        res,
        200,
        names.filter(hit).map((name) => ({ name, commit: { id: resolve(repo, name)?.commit } })),
      );
    }
    const raw = /^\/repository\/files\/([^/]+)\/raw$/.exec(rest);
    if (raw) {
      const b = resolve(repo, url.searchParams.get('ref') ?? '');
      const at = decodeURIComponent(raw[1]!);
      const text = b?.files[at];
      return text === undefined ? json(res, 404, { message: '404 File Not Found' }) : file(res, text, at);
    }
    const mr = /^\/merge_requests\/(\d+)(\/diffs|\/changes)?$/.exec(rest);
    const pull = mr ? repo.pulls?.[Number(mr[1])] : undefined;
    const sides = pull ? sidesOf(repo, pull) : undefined;
    if (mr && pull && sides) {
      const changes = pullChanges(sides.mergeBase.files, sides.head.files, pull.renames);
      const entries = (list: MockChange[]) =>
        list.map((c) => ({
          old_path: c.previous ?? c.path,
          new_path: c.path,
          a_mode: c.status === 'added' ? '0' : '100644',
          b_mode: c.status === 'removed' ? '0' : '100644',
          diff: '',
          new_file: c.status === 'added',
          renamed_file: c.status === 'renamed',
          deleted_file: c.status === 'removed',
          generated_file: false,
        }));
      const about = gitLabMergeRequest(repo, Number(mr[1]), pull, sides);
      if (!mr[2]) return json(res, 200, about);
      if (mr[2] === '/changes')
        return json(res, 200, {
          ...about,
          changes: entries(changes),
          overflow: false,
          changes_count: `${changes.length}`,
        });
      if (!mock.gitLabDiffs) return json(res, 404, { error: '404 Not Found' });
      const per = Math.min(Number(url.searchParams.get('per_page') ?? 20) || 20, mock.pageSize);
      const { page, headers: paging } = pageOf(url, changes.length, per);
      const diffs = entries(changes.slice((page - 1) * per, page * per));
      return json(res, 200, diffs, paging);
    }
    if (mr) return json(res, 404, { message: '404 Not found' });
    return json(res, 404, { error: '404 Not Found' });
  }

  function gitLabMergeRequest(repo: MockRepo, n: number, pull: MockPull, sides: PullSides) {
    return {
      id: 90_000 + n,
      iid: n,
      project_id: idOf(repo),
      title: pull.title ?? `Merge request ${n}`,
      state: pull.state === 'open' || pull.state === undefined ? 'opened' : pull.state,
      source_branch: pull.head,
      target_branch: pull.base,
      source_project_id: idOf(sides.from),
      target_project_id: idOf(repo),
      sha: sides.head.commit,
      web_url: `${mock.url}/${repo.project}/-/merge_requests/${n}`,
      // GitLab: base_sha is the merge base, start_sha the target branch's tip.
      diff_refs: { base_sha: sides.mergeBase.commit, head_sha: sides.head.commit, start_sha: sides.base.commit },
    };
  }

  function gitLabTree(res: ServerResponse, url: URL, repo: MockRepo) {
    const q = url.searchParams;
    const b = resolve(repo, q.get('ref') ?? defaultOf(repo));
    const dir = (q.get('path') ?? '').replace(/^\/+|\/+$/g, '');
    if (!b?.dirs.has(dir)) return json(res, 404, { message: '404 Tree Not Found' });
    const all = entries(b, dir, q.get('recursive') === 'true').map((e) => {
      const full = dir === '' ? e.path : `${dir}/${e.path}`;
      return { id: e.sha, name: full.split('/').pop(), type: e.type, path: full, mode: '100644' };
    });
    const per = Math.min(Number(q.get('per_page') ?? 20) || 20, mock.pageSize);
    const { page, headers: paging } = pageOf(url, all.length, per);
    return json(res, 200, all.slice((page - 1) * per, page * per), paging);
  }

  Object.assign(mock, await listen(server));
  return mock;
}

/** Starts a test server on 127.0.0.1 at a free port: its address, and how to stop it (open connections too). */
export async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The SourceError a promise rejects with (fails the test if it resolves or rejects with something else). */
export async function failure(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof SourceError))
    throw new Error(`Expected a SourceError, got ${e === undefined ? 'success' : String(e)}`);
  return e;
}

/** The requests the mock receives from now on. */
export function requestsSince(mock: { requests: MockGitRequest[] }): () => MockGitRequest[] {
  const start = mock.requests.length;
  return () => mock.requests.slice(start);
}

const defaultOf = (repo: MockRepo) => repo.defaultBranch ?? Object.keys(repo.branches)[0] ?? 'main';

/** A fetch that sends api.github.com and raw.githubusercontent.com to the mock, for Node tests. */
export function gitHubFetch(
  mock: Pick<MockGitHost, 'url'>,
  base: typeof fetch = fetch,
): (input: string, init?: RequestInit) => Promise<Response> {
  return (input, init) => base(toMock(input, mock.url), init);
}

/** The mock's address for a GitHub URL (other URLs are unchanged). */
export function toMock(input: string, mockUrl: string): string {
  return input
    .replace(/^https:\/\/raw\.githubusercontent\.com\//, `${mockUrl}/gh-raw/`)
    .replace(/^https:\/\/api\.github\.com\//, `${mockUrl}/gh-api/`);
}
