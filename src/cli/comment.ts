/**
 * `flowscope comment --provider github|gitlab --body-file FILE [--marker M]`: creates or updates ONE comment on a
 * pull or merge request — the first one whose body holds the marker (default `<!-- flowscope:changes -->`, the
 * first line of `flowscope pr`), so a second CI run edits the comment instead of adding another.
 *
 * GitHub: `GET {api}/repos/O/R/issues/N/comments?per_page=100&page=K`, then `PATCH {api}/repos/O/R/issues/comments/ID`
 * or `POST {api}/repos/O/R/issues/N/comments`; token `$GITHUB_TOKEN` (Authorization: Bearer), api `$GITHUB_API_URL`
 * (default https://api.github.com), O/R and N from the Actions environment or `--repo O/R --pr N`.
 * GitLab: `GET|POST {api}/projects/ID/merge_requests/IID/notes`, `PUT …/notes/NOTE_ID`; `$GITLAB_TOKEN` (PRIVATE-TOKEN)
 * or `$CI_JOB_TOKEN` (JOB-TOKEN), api `$CI_API_V4_URL`, `$CI_PROJECT_ID` / `$CI_MERGE_REQUEST_IID` or `--project`,
 * `--mr`. The token goes in a header only and is never printed (nor echoed back from a host's answer).
 */
import { readFile } from 'node:fs/promises';
import { githubPrNumber, type Env } from './prLink';
import { PR_MARKER } from './prMarkdown';
import { flag } from './render';
import { parseArgs, type CliIo } from './run';

export const COMMENT_USAGE =
  'Usage: flowscope comment --provider github|gitlab --body-file FILE [--marker M]\n' +
  '         [--repo OWNER/REPO --pr N] (GitHub; default: the Actions environment)\n' +
  '         [--project ID --mr IID]    (GitLab; default: $CI_PROJECT_ID, $CI_MERGE_REQUEST_IID)\n';

/** Pages read at most (100 comments a page): a request with more than 10,000 comments gets a new one. */
const MAX_PAGES = 100;

class HostError extends Error {}

interface Host {
  name: string;
  /** The first page's URL. */
  list: string;
  headers: Record<string, string>;
  update: (id: number) => { method: string; url: string };
  create: { method: string; url: string };
  /** What to fix on a 401 / 403. */
  refused: string;
  forbidden: string;
  secret: string;
}

/** How a workflow names its own token (written out, not a placeholder of ours). */
const WORKFLOW_TOKEN = '$' + '{{ github.token }}';

const v = (env: Env, name: string) => env[name]?.trim() || undefined;

export async function commentCommand(argv: string[], io: CliIo, env: Env = process.env): Promise<number> {
  const args = parseArgs(argv, ['provider', 'body-file', 'marker', 'repo', 'pr', 'project', 'mr']);
  const provider = flag(args.flags, 'provider');
  const file = flag(args.flags, 'body-file');
  if ((provider !== 'github' && provider !== 'gitlab') || !file) {
    io.err(`flowscope comment: ${file ? '--provider github|gitlab is required' : '--body-file FILE is required'}\n\n`);
    io.err(COMMENT_USAGE);
    return 2;
  }
  const marker = flag(args.flags, 'marker') ?? PR_MARKER;
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`flowscope comment: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  if (!body.includes(marker)) body = `${marker}\n${body}`;
  const host = provider === 'github' ? await github(args.flags, env) : gitlab(args.flags, env);
  if (typeof host === 'string') {
    io.err(`flowscope comment: ${host}\n`);
    return 1;
  }
  try {
    const found = await findComment(host, marker);
    const to = found === undefined ? host.create : host.update(found);
    await call(host, to.method, to.url, JSON.stringify({ body }));
    io.out(`${found === undefined ? 'Created' : 'Updated'} the Flowscope comment on the ${host.name}.\n`);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`flowscope comment: ${host.secret ? message.split(host.secret).join('***') : message}\n`);
    return 1;
  }
}

async function github(flags: Map<string, string | true>, env: Env): Promise<Host | string> {
  const token = v(env, 'GITHUB_TOKEN');
  const repo = flag(flags, 'repo') ?? v(env, 'GITHUB_REPOSITORY');
  const prFlag = flag(flags, 'pr');
  const pr = prFlag !== undefined ? Number(prFlag) : await githubPrNumber(env);
  if (!token)
    return `set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${WORKFLOW_TOKEN}, with permissions: pull-requests: write).`;
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo))
    return 'which repository? Run in GitHub Actions or pass --repo OWNER/REPO.';
  if (pr === undefined || !Number.isInteger(pr) || pr < 1)
    return 'which pull request? Run on a pull_request event or pass --pr N.';
  const api = (v(env, 'GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, '');
  const at = `${api}/repos/${repo}`;
  return {
    name: `pull request ${repo}#${pr}`,
    list: `${at}/issues/${pr}/comments?per_page=100`,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    },
    update: (id) => ({ method: 'PATCH', url: `${at}/issues/comments/${id}` }),
    create: { method: 'POST', url: `${at}/issues/${pr}/comments` },
    refused: `GitHub refused the token (401): is GITHUB_TOKEN the workflow’s token (${WORKFLOW_TOKEN}) or a valid one?`,
    forbidden:
      'GitHub forbade it (403): the token may not write comments — give the job `permissions: pull-requests: write` ' +
      '(and `issues: write`); a pull request from a fork gets a read-only token.',
    secret: token,
  };
}

function gitlab(flags: Map<string, string | true>, env: Env): Host | string {
  const personal = v(env, 'GITLAB_TOKEN');
  const job = v(env, 'CI_JOB_TOKEN');
  const project = flag(flags, 'project') ?? v(env, 'CI_PROJECT_ID');
  const mr = flag(flags, 'mr') ?? v(env, 'CI_MERGE_REQUEST_IID');
  if (!personal && !job)
    return 'set GITLAB_TOKEN (a project or personal access token with the api scope, as a masked CI/CD variable).';
  if (!project) return 'which project? Run in GitLab CI or pass --project ID.';
  if (!mr || !/^\d+$/.test(mr)) return 'which merge request? Run in a merge request pipeline or pass --mr IID.';
  const api = (v(env, 'CI_API_V4_URL') ?? 'https://gitlab.com/api/v4').replace(/\/+$/, '');
  const at = `${api}/projects/${encodeURIComponent(project)}/merge_requests/${mr}/notes`;
  const advice = personal
    ? 'give GITLAB_TOKEN the api scope and at least the Reporter role on the project.'
    : 'CI_JOB_TOKEN may not write notes on this server — set GITLAB_TOKEN (an access token with the api scope).';
  return {
    name: `merge request !${mr}`,
    list: `${at}?per_page=100&sort=asc`,
    headers: personal ? { 'private-token': personal } : { 'job-token': job as string },
    update: (id) => ({ method: 'PUT', url: `${at}/${id}` }),
    create: { method: 'POST', url: at },
    refused: `GitLab refused the token (401): ${advice}`,
    forbidden: `GitLab forbade it (403): ${advice}`,
    secret: (personal ?? job) as string,
  };
}

/**
 * The id of the comment to update: the first whose body starts with the marker (ours: `flowscope pr` writes it
 * first), else the first holding it anywhere; reading page after page.
 */
async function findComment(host: Host, marker: string): Promise<number | undefined> {
  let holding: number | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data, next } = await call(host, 'GET', `${host.list}&page=${page}`);
    if (!Array.isArray(data)) throw new HostError(`The ${host.name}'s comments did not come as a list.`);
    for (const c of data as { id?: unknown; body?: unknown; system?: unknown }[]) {
      if (typeof c.id !== 'number' || typeof c.body !== 'string' || c.system === true) continue;
      if (c.body.trimStart().startsWith(marker)) return c.id;
      if (holding === undefined && c.body.includes(marker)) holding = c.id;
    }
    if (!next && data.length < 100) break;
  }
  return holding;
}

async function call(host: Host, method: string, url: string, body?: string): Promise<{ data: unknown; next: boolean }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...host.headers, 'user-agent': 'flowscope', ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
  } catch (e) {
    throw new HostError(`${method} ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = await res.text();
  if (!res.ok) {
    const limited = res.headers.get('x-ratelimit-remaining') === '0' || res.status === 429;
    const said = text.slice(0, 200).replace(/\s+/g, ' ');
    const why = limited
      ? `The API's rate limit is spent (${res.status}); run the job again later.`
      : res.status === 401
        ? host.refused
        : res.status === 403
          ? host.forbidden
          : res.status === 404
            ? `Not found (404): is the ${host.name} right, and may the token see it?`
            : `The host answered ${res.status}.`;
    throw new HostError(`${why}\n  (${method} ${url}: ${said})`);
  }
  const link = res.headers.get('link') ?? '';
  const next = /rel="next"/.test(link) || Boolean(res.headers.get('x-next-page'));
  try {
    return { data: text ? JSON.parse(text) : null, next };
  } catch {
    throw new HostError(`${method} ${url} answered something that is not JSON.`);
  }
}
