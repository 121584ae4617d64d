/**
 * The first link of `flowscope pr`'s comment: `#/changes?…` on the site, opening every changed flow at once.
 * By the pull/merge request's URL when it is known (--pr-url, else GitHub Actions' or GitLab CI's environment),
 * else by two tree URLs at the base and head commits, from --repo-url or the `origin` remote, when the host is one
 * the page reads without being told (github.com, gitlab.com; a --repo-url elsewhere is taken as a GitLab server).
 * `ignore=` carries --ignore's kinds. Otherwise a sentence saying why there is no such link. Never a credential:
 * user info in a remote is dropped.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { changesLinkUrl, type ChangesLinkState, type NoiseKind } from '../index';

export type Env = Record<string, string | undefined>;

export type ChangesLink = { ok: true; url: string } | { ok: false; reason: string };

const v = (env: Env, name: string) => env[name]?.trim() || undefined;

/** The PR number of a GitHub Actions run: `refs/pull/N/merge`, else the event payload's pull_request.number. */
export async function githubPrNumber(env: Env): Promise<number | undefined> {
  const ref = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(v(env, 'GITHUB_REF') ?? '');
  if (ref) return Number(ref[1]);
  const path = v(env, 'GITHUB_EVENT_PATH');
  if (!path) return undefined;
  try {
    const event = JSON.parse(await readFile(path, 'utf8')) as { pull_request?: { number?: unknown } };
    const n = event.pull_request?.number;
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** The pull or merge request's web URL from the CI environment, when there is one. */
export async function prUrlFromEnv(env: Env): Promise<string | undefined> {
  const repo = v(env, 'GITHUB_REPOSITORY');
  if (repo) {
    const n = await githubPrNumber(env);
    if (n !== undefined)
      return `${(v(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '')}/${repo}/pull/${n}`;
  }
  const project = v(env, 'CI_MERGE_REQUEST_PROJECT_URL');
  const iid = v(env, 'CI_MERGE_REQUEST_IID');
  if (project && iid && /^\d+$/.test(iid)) return `${project.replace(/\/+$/, '')}/-/merge_requests/${iid}`;
  return undefined;
}

/**
 * A remote (`git@host:o/r.git`, `ssh://git@host/o/r.git`, `https://user:pw@host/o/r.git`) as the repository's web
 * address, without credentials or `.git`; undefined when it is not one of those forms.
 */
export function webUrlOf(remote: string): URL | undefined {
  const text = remote.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(text);
  let url: URL;
  try {
    url = scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? new URL(`https://${scp[1]}/${scp[2]}`) : new URL(text);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (path.split('/').filter(Boolean).length < 2) return undefined;
  const web = url.protocol === 'http:' || url.protocol === 'https:' ? url.host : url.hostname;
  return new URL(`${url.protocol === 'http:' ? 'http:' : 'https:'}//${web}${path}`);
}

function originRemote(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['remote', 'get-url', 'origin'], { cwd, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim() || undefined),
    );
  });
}

export interface ChangesLinkInput {
  site: string | undefined;
  prUrl: string | undefined;
  repoUrl: string | undefined;
  cwd: string;
  env: Env;
  base: string;
  head: string;
  /** `--ignore`'s kinds: every comparison the link opens hides them, as the per-flow links do. */
  ignore?: readonly NoiseKind[];
}

const WHY = 'No link that opens every changed flow at once:';

export async function changesLink(input: ChangesLinkInput): Promise<ChangesLink> {
  if (!input.site) return { ok: false, reason: `${WHY} pass --site URL (or set FLOWSCOPE_SITE).` };
  const built = (state: ChangesLinkState): ChangesLink => {
    const ignore = input.ignore && input.ignore.length > 0 ? { ignore: [...input.ignore] } : {};
    const r = changesLinkUrl({ ...state, ...ignore }, input.site as string);
    return r.ok ? { ok: true, url: r.url } : { ok: false, reason: `${WHY} ${r.message}` };
  };
  const pr = input.prUrl ?? (await prUrlFromEnv(input.env));
  if (pr) return built({ src: pr });
  const given = input.repoUrl !== undefined;
  const remote = input.repoUrl ?? (await originRemote(input.cwd));
  if (!remote)
    return {
      ok: false,
      reason: `${WHY} the repository has no origin remote — pass --repo-url URL (or --pr-url URL).`,
    };
  const web = webUrlOf(remote);
  if (!web)
    return {
      ok: false,
      reason: `${WHY} ${given ? '--repo-url' : 'the origin remote'} is not a repository address Flowscope reads.`,
    };
  const host = web.hostname.toLowerCase();
  const lab = host === 'gitlab.com' || (given && host !== 'github.com');
  if (host !== 'github.com' && !lab)
    return {
      ok: false,
      reason:
        `${WHY} the origin remote is on ${host}, which is neither github.com nor gitlab.com — ` +
        'pass --repo-url URL for a GitLab server of your own, or --pr-url URL.',
    };
  const tree = (sha: string) => `${web.origin}${web.pathname}/${lab ? '-/' : ''}tree/${sha}`;
  return built({ base: tree(input.base), head: tree(input.head) });
}
