import { type HostRequest, tokenHeaders } from './gitHost';
import { encodePath, field, isMissing, type Listing, longestRef, noFolder, objects, type RepoIo, text } from './gitIo';
import { SourceError } from './redact';
import type { RepoTree } from './setSources';

/**
 * A GitHub repository tree through the REST API: the default branch (`GET /repos/O/R`), the tree
 * (`GET /repos/O/R/git/trees/REF?recursive=1`), and, for a ref with slashes, the refs that start with the URL's
 * first segment (`git/matching-refs`). A truncated tree is walked one folder at a time. Files come from
 * raw.githubusercontent.com without a token (not rate-limited like the API), from the contents API with one.
 */

export const GITHUB_API = 'https://api.github.com';
const API = GITHUB_API;
const RAW = 'https://raw.githubusercontent.com';

/** The API's headers (and the token's, if any). */
export const gitHubHeaders = (token: string): Record<string, string> => ({
  Accept: 'application/vnd.github+json',
  'X-GitHub-Api-Version': '2022-11-28',
  ...tokenHeaders('github', token),
});

/**
 * Where one file at a commit (or ref) is fetched: raw.githubusercontent.com without a token (not rate-limited like
 * the API), the contents API with one. `shownRef` is the ref an error's blob link names (default: `ref`).
 */
export function gitHubFile(
  tree: Pick<RepoTree, 'origin' | 'project'>,
  ref: string,
  p: string,
  token: string,
  shownRef = ref,
): HostRequest {
  const [owner = '', name = ''] = tree.project.split('/');
  const repo = `${API}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const blob = `${tree.origin}/${tree.project}/blob/${shownRef}/${p}`;
  return token
    ? {
        url: `${repo}/contents/${encodePath(p)}?ref=${encodeURIComponent(ref)}`,
        headers: { ...gitHubHeaders(token), Accept: 'application/vnd.github.raw' },
        name: blob,
        host: 'github',
      }
    : {
        url: `${RAW}/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/${encodePath(ref)}/${encodePath(p)}`,
        headers: {},
        name: blob,
        host: 'github',
      };
}

interface Entry {
  path: string;
  type: string;
  sha: string;
}

interface TreeAnswer {
  sha: string;
  entries: Entry[];
  truncated: boolean;
}

export async function listGitHub(tree: RepoTree, io: RepoIo): Promise<Listing> {
  const [owner = '', name = ''] = tree.project.split('/');
  const repo = `${API}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const headers = gitHubHeaders(io.token);
  const get = async (url: string) => (await io.json(url, headers, 'github', tree.url)).body;
  const getTree = async (sha: string, recursive: boolean): Promise<TreeAnswer> => {
    const body = await get(`${repo}/git/trees/${encodeURIComponent(sha)}${recursive ? '?recursive=1' : ''}`);
    const entries = objects(field(body, 'tree')).flatMap((e): Entry[] => {
      const path = text(e, 'path');
      const type = text(e, 'type');
      const sha = text(e, 'sha');
      return path && type && sha ? [{ path, type, sha }] : [];
    });
    io.listed(entries.length);
    return { sha: text(body, 'sha') ?? sha, entries, truncated: field(body, 'truncated') === true };
  };

  let segments = [tree.ref, ...tree.path.split('/')].filter((s) => s !== '');
  if (tree.ref === '') {
    const branch = text(await get(repo), 'default_branch');
    if (!branch) throw new SourceError('invalid-json', `GitHub did not say ${tree.project}’s default branch.`, '', []);
    // A default branch with slashes is resolved like one typed in the URL.
    segments = branch.split('/');
  }

  // The common case first: the first segment is the whole ref (git forbids a branch `a` beside a branch `a/b`).
  let ref = segments[0] ?? '';
  let fileRef = ref;
  let rest = segments.slice(1);
  let answer: TreeAnswer;
  try {
    answer = await getTree(ref, true);
  } catch (first) {
    if (!isMissing(first) || segments.length < 2) throw first;
    const found = await findRef(segments, repo, get).catch((e: unknown) => {
      throw isMissing(e) ? first : e;
    });
    if (!found) throw first;
    ref = found.name;
    fileRef = found.commit;
    rest = segments.slice(found.length);
    answer = await getTree(found.commit, true);
  }

  const path = rest.join('/');
  const blobs = answer.truncated ? await walk(answer.sha, path) : inFolder(answer.entries, path);
  if (blobs === undefined) throw noFolder(tree, ref, path, [io.token]);

  return { tree: { ...tree, ref, path }, blobs, file: (p) => gitHubFile(tree, fileRef, p, io.token, ref) };

  /** The truncated answer missed files: find the folder's tree, then read it and its subfolders one by one. */
  async function walk(root: string, folder: string): Promise<string[] | undefined> {
    let sha = root;
    for (const segment of folder === '' ? [] : folder.split('/')) {
      const child = (await getTree(sha, false)).entries.find((e) => e.path === segment && e.type === 'tree');
      if (!child) return undefined;
      sha = child.sha;
    }
    const out: string[] = [];
    const queue: [string, string][] = [[sha, folder]];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [treeSha, prefix] = next;
      for (const e of (await getTree(treeSha, false)).entries) {
        const full = prefix === '' ? e.path : `${prefix}/${e.path}`;
        if (e.type === 'blob') out.push(full);
        else if (e.type === 'tree') queue.push([e.sha, full]);
      }
    }
    return out;
  }
}

/** The blobs under a folder of a recursive listing; undefined when the folder is not there. */
function inFolder(entries: readonly Entry[], folder: string): string[] | undefined {
  if (folder !== '' && !entries.some((e) => e.path === folder && e.type === 'tree')) return undefined;
  const prefix = folder === '' ? '' : `${folder}/`;
  return entries.filter((e) => e.type === 'blob' && e.path.startsWith(prefix)).map((e) => e.path);
}

/** A ref with slashes: the branches, then the tags, that start with the first segment; the longest that fits. */
async function findRef(
  segments: readonly string[],
  repo: string,
  get: (url: string) => Promise<unknown>,
): Promise<{ name: string; commit: string; length: number } | undefined> {
  for (const kind of ['heads', 'tags'] as const) {
    const refs = objects(await get(`${repo}/git/matching-refs/${kind}/${encodeURIComponent(segments[0] ?? '')}`));
    const byName = new Map<string, unknown>();
    for (const r of refs) byName.set((text(r, 'ref') ?? '').replace(`refs/${kind}/`, ''), field(r, 'object'));
    const length = longestRef(segments, new Set(byName.keys()));
    if (length === 0) continue;
    const name = segments.slice(0, length).join('/');
    const object = byName.get(name);
    let commit = text(object, 'sha') ?? '';
    // An annotated tag points at a tag object; its commit is one request further.
    if (text(object, 'type') === 'tag')
      commit = text(field(await get(`${repo}/git/tags/${commit}`), 'object'), 'sha') ?? '';
    if (commit) return { name, commit, length };
  }
  return undefined;
}
