import type { HostKind, HostRequest } from './gitHost';
import { readHost } from './gitHost';
import { type RequestContext, short } from './http';
import { SourceError } from './redact';
import type { RepoTree } from './setSources';

/** What the GitHub and GitLab listers (gitHub.ts, gitLab.ts) are given, and what they answer (gitTree.ts uses it). */

export interface RepoIo {
  token: string;
  /** GET a JSON answer from the host's API; `name` is the address an error names (the tree URL, not the API's). */
  json(url: string, headers: Record<string, string>, host: HostKind, name: string): Promise<JsonAnswer>;
  /** GET a file's text. */
  text(plan: HostRequest): Promise<string>;
  /** `n` more entries of the tree were listed. */
  listed(n: number): void;
}

export interface JsonAnswer {
  body: unknown;
  headers: Headers;
}

export interface Listing {
  /** The tree URL read with the ref and path the host confirmed (a ref may contain slashes). */
  tree: RepoTree;
  /** Every file under the path, with its path inside the repository. */
  blobs: string[];
  /** Where one of them is fetched from, with which headers. */
  file(path: string): HostRequest;
}

export function makeIo(ctx: RequestContext, token: string, max: number, listed: (n: number) => void): RepoIo {
  const withToken = token !== '';
  return {
    token,
    listed,
    async json(url, headers, host, name) {
      const { text, headers: answer } = await readHost(ctx, { url, headers, host, name }, withToken, max);
      try {
        return { body: JSON.parse(text) as unknown, headers: answer };
      } catch {
        throw new SourceError(
          'invalid-json',
          `The answer from ${new URL(url).host} for ${name} is not JSON (it starts with “${short(text, 40)}”).`,
          'The address may point at a login page or a proxy rather than the host’s API.',
          ctx.secrets,
        );
      }
    },
    async text(plan) {
      return (await readHost(ctx, plan, withToken, max)).text;
    },
  };
}

/** Runs `fn` over the items, `limit` at a time, in order; the first failure stops the rest from starting. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
  onDone?: (done: number) => void,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T);
      } catch (e) {
        failed = true;
        throw e;
      }
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A JSON object's own field, or undefined. */
export function field(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}

export const text = (v: unknown, key: string): string | undefined => {
  const f = field(v, key);
  return typeof f === 'string' ? f : undefined;
};

/** The entries of a JSON array answer that are objects. */
export const objects = (v: unknown): unknown[] =>
  Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [];

/** A path's segments, each URL-encoded, joined by slashes (for a path inside a URL's path). */
export const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The longest run of the URL's segments that names a ref, among the names given; 0 if none. */
export function longestRef(segments: readonly string[], names: ReadonlySet<string>): number {
  for (let k = segments.length; k >= 1; k--) if (names.has(segments.slice(0, k).join('/'))) return k;
  return 0;
}

/** A missing folder under a ref that exists. */
export function noFolder(tree: RepoTree, ref: string, path: string, secrets: readonly string[]): SourceError {
  return new SourceError(
    'not-found',
    `There is no folder “${short(path, 120)}” in ${tree.project} at ${short(ref, 80)}.`,
    'Check the path after the branch name in the address (folder names are case-sensitive).',
    secrets,
    404,
  );
}

/** A 404 (or GitHub's 422 for an unknown ref): the URL's first segment may not be the whole ref. */
export const isMissing = (e: unknown) => e instanceof SourceError && (e.status === 404 || e.status === 422);
