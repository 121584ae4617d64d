import {
  currentOrigin,
  defaultFetch,
  errorDetail,
  type Fetch,
  readCapped,
  redirectTarget,
  type RequestContext,
  send,
} from './http';
import { MIN_TOKEN_LENGTH, SourceError } from './redact';

/**
 * What the single-file URL reader (url.ts) and the repository reader (gitTree.ts) share: the token header a host
 * takes, one GET with the token rules (header only, never across a redirect), and the errors a git host's answer
 * means — a private repository, a refused token, a rate limit and when it ends.
 */

export type HostKind = 'github' | 'gitlab' | 'plain';

export interface HostRequest {
  /** What is fetched. */
  url: string;
  headers: Record<string, string>;
  /** The address to show (the URL typed, without its query). */
  name: string;
  host: HostKind;
}

/** The request context of a file host (CORS advice for files): the given fetch and page origin, or the browser's. */
export const fileContext = (
  o: { fetch?: Fetch; pageOrigin?: string },
  secrets: readonly string[],
  signal?: AbortSignal,
): RequestContext => ({
  fetch: o.fetch ?? defaultFetch,
  secrets,
  pageOrigin: o.pageOrigin ?? currentOrigin(),
  signal,
  peer: 'file',
});

/** GitLab personal tokens (`glpat-`) go in PRIVATE-TOKEN; every other token (GitHub, GitLab OAuth) is a Bearer. */
export function tokenHeaders(host: HostKind, token: string): Record<string, string> {
  if (!token) return {};
  return host === 'gitlab' && token.startsWith('glpat-')
    ? { 'PRIVATE-TOKEN': token }
    : { Authorization: `Bearer ${token}` };
}

const TOKEN_HINT: Record<HostKind, string> = {
  github: 'a GitHub token that can read the repository (fine-grained: Contents read-only)',
  gitlab: 'a GitLab token with read_api (or read_repository) scope',
  plain: 'a token the server accepts',
};

/**
 * One GET: the body as text (capped) and the answer's headers, or a SourceError. With a token, a redirect could
 * carry it elsewhere: it is refused, not followed. Without, it is followed as a browser would.
 */
export async function readHost(
  ctx: RequestContext,
  plan: HostRequest,
  withToken: boolean,
  max: number,
): Promise<{ text: string; headers: Headers }> {
  const res = await send(
    ctx,
    plan.url,
    { headers: plan.headers, redirect: withToken ? 'manual' : 'follow' },
    plan.name,
  );
  const target = withToken ? redirectTarget(res, plan.url) : undefined;
  if (target !== undefined) {
    throw new SourceError(
      'redirect',
      `${new URL(plan.url).host} redirected the request to ` +
        `${target === 'hidden' ? 'another address' : target.host}; ` +
        'Flowscope does not send a token across a redirect.',
      'Use the final address (for a file, its raw link), or open it without a token if it is public.',
      ctx.secrets,
    );
  }
  if (!res.ok) throw await hostError(res, plan, withToken, ctx.secrets);
  return { text: await readCapped(res, max, plan.name, ctx.secrets), headers: res.headers };
}

const clock = (at: Date) => at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** A clock time and how far away it is: "14:05 (in 23 minutes)". */
export function whenText(at: Date, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - now) / 60_000));
  return `${clock(at)} (in ${minutes} minute${minutes === 1 ? '' : 's'})`;
}

/**
 * A rate-limit answer (GitHub's primary and secondary limits, a 429 from either host), or undefined. `said` is the
 * answer's own message: GitHub may send a secondary limit as a bare 403 that only its message names.
 */
export function rateLimitError(
  res: Response,
  plan: HostRequest,
  withToken: boolean,
  secrets: readonly string[],
  said = '',
  now = Date.now(),
): SourceError | undefined {
  const s = res.status;
  const h = (name: string) => res.headers.get(name);
  const host = new URL(plan.url).host;
  if ((s === 403 || s === 429) && h('x-ratelimit-remaining') === '0') {
    const reset = Number(h('x-ratelimit-reset'));
    const at = Number.isFinite(reset) && reset > 0 ? whenText(new Date(reset * 1000), now) : 'within the hour';
    return new SourceError(
      'forbidden',
      `GitHub’s rate limit for ${withToken ? 'this token' : 'requests without a token'} is used up; ` +
        `it resets at ${at}.`,
      withToken
        ? `Try again after ${at}.`
        : `Try again after ${at}, or add a GitHub token: it raises the limit from 60 to 5,000 requests an hour.`,
      secrets,
      s,
    );
  }
  const retry = Number(h('retry-after'));
  if (s === 429 || (s === 403 && (h('retry-after') !== null || /rate limit/i.test(said)))) {
    const resetAt = Number(h('ratelimit-reset'));
    const at =
      h('retry-after') !== null && Number.isFinite(retry)
        ? new Date(now + retry * 1000)
        : Number.isFinite(resetAt) && resetAt > 0
          ? new Date(resetAt * 1000)
          : undefined;
    const secs = at ? Math.max(1, Math.ceil((at.getTime() - now) / 1000)) : undefined;
    const seconds = secs === undefined ? undefined : secs < 120 ? `${secs} seconds` : `${Math.ceil(secs / 60)} minutes`;
    return new SourceError(
      s === 429 ? 'http' : 'forbidden',
      `${host} is limiting how fast requests may come (${s === 429 ? 'too many requests' : 'a secondary rate limit'})` +
        `${at === undefined ? '' : `; it lets requests through again at ${clock(at)} (in ${seconds})`}.`,
      seconds === undefined
        ? 'Wait a minute and try again.'
        : `Try again in ${seconds}${withToken ? '' : ', or add a token (limits are higher with one)'}.`,
      secrets,
      s,
    );
  }
  return undefined;
}

/** A git host's (or any server's) error answer, in words, with what to do. */
export async function hostError(
  res: Response,
  plan: HostRequest,
  withToken: boolean,
  secrets: readonly string[],
): Promise<SourceError> {
  const { message } = errorDetail(await res.text().catch(() => ''));
  const limited = rateLimitError(res, plan, withToken, secrets, message);
  if (limited) return limited;
  const said = message ? ` (${message})` : '';
  const s = res.status;
  const tokenHint = TOKEN_HINT[plan.host];
  if (s === 401 || s === 403) {
    return withToken
      ? new SourceError(
          s === 401 ? 'unauthorized' : 'forbidden',
          `The server refused the token for ${plan.name}${said}.`,
          `Check that the token is current and can read this repository: ${tokenHint}.`,
          secrets,
          s,
        )
      : new SourceError(
          s === 401 ? 'unauthorized' : 'forbidden',
          `${plan.name} needs a token${said}: the repository is private.`,
          `Add ${tokenHint} in the Token field.`,
          secrets,
          s,
        );
  }
  if (s === 404) {
    return new SourceError(
      'not-found',
      `Nothing found at ${plan.name}${said}.`,
      withToken || plan.host === 'plain'
        ? 'Check the address (branch name, path, file name).'
        : 'Check the address; if the repository is private (GitHub and GitLab answer “not found” then), ' +
            `add ${tokenHint}.`,
      secrets,
      s,
    );
  }
  return new SourceError(
    'http',
    `${new URL(plan.url).host} answered ${s}${res.statusText ? ` ${res.statusText}` : ''} for ${plan.name}${said}.`,
    s >= 500 ? 'The server had a problem; try again in a moment.' : 'Check the address.',
    secrets,
    s,
  );
}

/** Refuses what cannot be a token (too short, spaces or line breaks) before anything is sent; '' is no token. */
export function checkToken(token: string): void {
  if (token && (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)))
    throw new SourceError(
      'invalid-input',
      'That does not look like an access token (too short, or with spaces or line breaks).',
      'Paste the token alone, or leave the field empty for a public repository.',
      [token],
    );
}
