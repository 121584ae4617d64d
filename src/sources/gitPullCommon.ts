import { isFlowFileName, type SetSkip } from '../model/set';
import type { HostRequest } from './gitHost';
import type { JsonAnswer } from './gitIo';
import { nextPage } from './gitLab';
import type { PullFile, PullInfo } from './pullSources';

/** What the GitHub and GitLab pull readers (gitPullHub.ts, gitPullLab.ts) share with gitPull.ts. */

/** A pull or merge request URL, read. */
export interface PullUrl {
  host: 'github' | 'gitlab';
  /** `https://github.com`, or the GitLab host's origin. */
  origin: string;
  /** `OWNER/REPO` or `GROUP/SUB/PROJECT`: the repository the request is made in (the base side). */
  project: string;
  number: number;
  /** As typed, without query or fragment. */
  url: string;
}

/** The host's answer about a pull request: who it is, what it changes, where each side's files are. */
export interface PullListing {
  info: PullInfo;
  changed: PullFile[];
  /** What the host said it left out (GitHub lists at most 3,000 files). */
  notes: SetSkip[];
  file(side: 'base' | 'head', path: string): HostRequest;
  /** Flow files at head not among `changedHead`, under `folders` ('' for the whole tree); undefined if unknown. */
  unchanged(folders: readonly string[], changedHead: ReadonlySet<string>): Promise<number | undefined>;
}

/** GET one page of an API answer (gitIo's `json`, bound to the host's headers and the shown name). */
export type GetJson = (url: string) => Promise<JsonAnswer>;

/**
 * A flow file in a pull request: what `isFlowFileName` takes, except that a `.json` file counts only inside a
 * folder named `flows` (a pull request touching package.json or sfdx-project.json changes no flow).
 */
export const isPullFlow = (path: string): boolean =>
  isFlowFileName(path) && (!/\.json$/i.test(path) || /(^|\/)flows\//i.test(path));

/**
 * One changed file as a PullFile, or undefined when neither side is a flow file. A rename between a flow and
 * a non-flow name is the flow side alone (added or removed).
 */
export function flowChange(status: PullFile['status'], path: string, previous?: string): PullFile | undefined {
  if (status === 'renamed' && previous !== undefined && previous !== path) {
    const was = isPullFlow(previous);
    const is = isPullFlow(path);
    if (was && is) return { path, status, previous };
    if (is) return { path, status: 'added' };
    if (was) return { path: previous, status: 'removed' };
    return undefined;
  }
  if (!isPullFlow(path)) return undefined;
  return { path, status: status === 'renamed' ? 'modified' : status };
}

/** Pages of a list: the `Link` header's rel="next", else GitLab's `x-next-page`; only on the same API path. */
export async function allPages(
  get: GetJson,
  first: string,
  maxPages: number,
  each: (body: unknown) => void,
  token: string,
): Promise<{ pages: number; more: boolean }> {
  let url: string | undefined = first;
  let pages = 0;
  while (url !== undefined) {
    if (pages >= maxPages) return { pages, more: true };
    const { body, headers } = await get(url);
    pages++;
    each(body);
    url = nextPage(headers, first, token, "the pull request's files");
  }
  return { pages, more: false };
}

/** The folders holding the changed flows, each once, a folder inside another left out ('' is the root). */
export function flowFolders(paths: readonly string[]): string[] {
  const dirs = [...new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')))].sort();
  return dirs.filter((d, i) => !dirs.slice(0, i).some((o) => o === '' || d.startsWith(`${o}/`)));
}

/** Whether a path lies under one of the folders. */
export const under = (path: string, folders: readonly string[]) =>
  folders.some((f) => f === '' || path.startsWith(`${f}/`));
