import { type HostRequest, tokenHeaders } from './gitHost';
import { isMissing, type Listing, longestRef, noFolder, objects, type RepoIo, text } from './gitIo';
import { SourceError } from './redact';
import type { RepoTree } from './setSources';

/**
 * A GitLab project tree (gitlab.com or self-hosted, nested groups) through API v4: the default branch
 * (`GET /projects/ID`), the tree (`/repository/tree?recursive=true`, page after page by the `Link` header or
 * `x-next-page`), for a ref with slashes the branches and tags that start with the URL's first segment, and each
 * file from `/repository/files/PATH/raw?ref=REF`.
 */

/** A runaway pager stops here: 2,000 pages of 100 are 200,000 entries. */
const MAX_PAGES = 2000;

export async function listGitLab(tree: RepoTree, io: RepoIo): Promise<Listing> {
  const api = gitLabApi(tree);
  const headers = tokenHeaders('gitlab', io.token);
  const get = (url: string) => io.json(url, headers, 'gitlab', tree.url);

  let segments = [tree.ref, ...tree.path.split('/')].filter((s) => s !== '');
  if (tree.ref === '') {
    const branch = text((await get(api)).body, 'default_branch');
    if (!branch) throw new SourceError('invalid-json', `GitLab did not say ${tree.project}’s default branch.`, '', []);
    segments = [branch];
  }

  const list = async (ref: string, path: string): Promise<string[]> => {
    const query = new URLSearchParams({ ref, recursive: 'true', per_page: '100' });
    if (path !== '') query.set('path', path);
    const first = `${api}/repository/tree?${query}`;
    const blobs: string[] = [];
    let url: string | undefined = first;
    for (let page = 0; url !== undefined; page++) {
      if (page >= MAX_PAGES) throw tooManyPages(tree, io.token);
      const { body, headers: answer } = await get(url);
      const entries = objects(body);
      for (const e of entries) {
        const p = text(e, 'path');
        if (p && text(e, 'type') === 'blob') blobs.push(p);
      }
      io.listed(entries.length);
      url = nextPage(answer, first, io.token);
    }
    return blobs;
  };

  // The common case first: the first segment is the whole ref.
  let ref = segments[0] ?? '';
  let rest = segments.slice(1);
  let blobs: string[];
  try {
    blobs = await list(ref, rest.join('/'));
  } catch (first) {
    if (!isMissing(first) || segments.length < 2) throw first;
    const length = await findRef(segments, api, get).catch((e: unknown) => {
      throw isMissing(e) ? first : e;
    });
    // The first segment alone is a ref: the folder is what is missing.
    if (length === 1) throw noFolder(tree, ref, rest.join('/'), [io.token]);
    if (length === 0) throw first;
    ref = segments.slice(0, length).join('/');
    rest = segments.slice(length);
    blobs = await list(ref, rest.join('/'));
  }

  const path = rest.join('/');
  return {
    tree: { ...tree, ref, path },
    blobs,
    file: (p) => gitLabFile(tree, ref, p, io.token),
  };
}

/** Where one file at a ref (or commit) is fetched: `/repository/files/PATH/raw?ref=`. */
export function gitLabFile(
  tree: Pick<RepoTree, 'origin' | 'project'>,
  ref: string,
  p: string,
  token: string,
): HostRequest {
  return {
    url: `${gitLabApi(tree)}/repository/files/${encodeURIComponent(p)}/raw?ref=${encodeURIComponent(ref)}`,
    headers: tokenHeaders('gitlab', token),
    name: `${tree.origin}/${tree.project}/-/blob/${ref}/${p}`,
    host: 'gitlab',
  };
}

/** The project's API address (`/api/v4/projects/GROUP%2FPROJECT`). */
export const gitLabApi = (tree: Pick<RepoTree, 'origin' | 'project'>) =>
  `${tree.origin}/api/v4/projects/${encodeURIComponent(tree.project)}`;

/** The next page: the `Link` header's rel="next" (keyset or offset), else `x-next-page`; only on the same path. */
/**
 * The next page's URL from GitLab's `Link` (keyset or offset) or `x-next-page` header; only on the same API path
 * (a next page elsewhere is refused: the token would follow it). `what` names the list in the refusal.
 */
export function nextPage(headers: Headers, first: string, token: string, what = 'the tree'): string | undefined {
  const link = headers.get('link') ?? '';
  const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1];
  const page = headers.get('x-next-page');
  const url = next ?? (page ? withPage(first, page) : undefined);
  if (url === undefined) return undefined;
  const a = new URL(url, first);
  const b = new URL(first);
  if (a.origin !== b.origin || a.pathname !== b.pathname)
    throw new SourceError(
      'foreign-host',
      `The host pointed the next page of ${what} at another address (${a.host}${a.pathname.slice(0, 60)}); ` +
        'Flowscope follows pages only on the same API path.',
      'If the host is a proxy, use the server’s own address.',
      [token],
    );
  return a.href;
}

const withPage = (first: string, page: string) => {
  const u = new URL(first);
  u.searchParams.set('page', page);
  return u.href;
};

/** The longest run of the segments that is a branch (else a tag); 0 when none is. */
async function findRef(
  segments: readonly string[],
  api: string,
  get: (url: string) => Promise<{ body: unknown }>,
): Promise<number> {
  for (const kind of ['branches', 'tags']) {
    const search = encodeURIComponent(`^${segments[0] ?? ''}`);
    const { body } = await get(`${api}/repository/${kind}?search=${search}&per_page=100`);
    const names = new Set(objects(body).map((b) => text(b, 'name') ?? ''));
    const length = longestRef(segments, names);
    if (length > 0) return length;
  }
  return 0;
}

const tooManyPages = (tree: RepoTree, token: string) =>
  new SourceError(
    'too-large',
    `The tree of ${tree.project} under “${tree.path}” has more than ${MAX_PAGES * 100} entries.`,
    'Open a smaller folder (…/-/tree/REF/PATH).',
    [token],
  );
