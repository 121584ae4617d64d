import {
  currentOrigin,
  defaultFetch,
  errorDetail,
  isLoopback,
  MAX_BYTES,
  readCapped,
  redirectTarget,
  send,
  short,
  type Fetch,
} from './http';
import { asSourceError, MIN_TOKEN_LENGTH, SourceError } from './redact';

/**
 * A flow file by URL, with an optional token. GitHub and GitLab "blob" pages become their raw-file APIs;
 * any other URL is fetched as is. A token goes only in a header, only over https, and never across a redirect.
 */

export interface UrlRequest {
  /** What is fetched. */
  url: string;
  headers: Record<string, string>;
  /** The address to show and to name the flow by: the URL typed, without its query (GitHub's `?token=` links). */
  name: string;
  host: 'github' | 'gitlab' | 'plain';
}

export interface FetchUrlOptions {
  token?: string;
  fetch?: Fetch;
  pageOrigin?: string;
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface FetchedFile {
  text: string;
  name: string;
}

const bad = (message: string, hint: string, secrets: readonly string[] = []) =>
  new SourceError('invalid-input', message, hint, secrets);

/** Where to fetch a typed URL from, and with which headers. Throws a SourceError for unusable input. */
export function planUrl(input: string, token = ''): UrlRequest {
  const typed = input.trim();
  const secret = token.trim();
  if (typed === '')
    throw bad('Enter the URL of a flow file.', 'For example a GitHub or GitLab link to a .flow-meta.xml file.');
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw bad(`“${short(typed, 80)}” is not a URL.`, 'Paste the full address, starting with https://.', [secret]);
  }
  if (url.username || url.password)
    throw bad('The URL must not contain a user name or password.', 'Put the token in the Token field instead.', [
      secret,
    ]);
  const local = url.protocol === 'http:' && isLoopback(url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (!secret || local))) {
    throw bad(
      url.protocol === 'http:'
        ? 'A token is sent only over https://.'
        : `Flowscope opens http(s) URLs only (got ${url.protocol}).`,
      'Use the https:// address.',
      [secret],
    );
  }
  if (secret && (secret.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(secret)))
    throw bad(
      'That does not look like an access token (too short, or with spaces or line breaks).',
      'Paste the token alone, or leave the field empty for a public file.',
      [secret],
    );
  const name = `${url.origin}${url.pathname}`;
  const auth: Record<string, string> = secret ? { Authorization: `Bearer ${secret}` } : {};
  const parts = url.pathname.split('/').filter((p) => p !== '');

  // github.com/o/r/blob|raw/ref/path…  and  raw.githubusercontent.com/o/r/ref/path…
  const gh =
    url.hostname === 'github.com' && (parts[2] === 'blob' || parts[2] === 'raw') && parts.length >= 5
      ? { o: parts[0], r: parts[1], ref: parts[3], path: parts.slice(4) }
      : url.hostname === 'raw.githubusercontent.com' && parts.length >= 4
        ? { o: parts[0], r: parts[1], ref: parts[2], path: parts.slice(3) }
        : undefined;
  if (gh) {
    const ref = decodeURIComponent(gh.ref ?? '');
    if (!secret)
      return {
        url: `https://raw.githubusercontent.com/${gh.o}/${gh.r}/${gh.ref}/${gh.path.join('/')}`,
        headers: {},
        name,
        host: 'github',
      };
    // raw.githubusercontent.com does not take a token from a browser; the contents API does, in its raw form.
    return {
      url: `https://api.github.com/repos/${gh.o}/${gh.r}/contents/${gh.path.join('/')}?ref=${encodeURIComponent(ref)}`,
      headers: { ...auth, Accept: 'application/vnd.github.raw' },
      name,
      host: 'github',
    };
  }

  // <gitlab host>/group/sub/project/-/blob|raw/ref/path…
  const dash = parts.indexOf('-');
  if (dash > 0 && (parts[dash + 1] === 'blob' || parts[dash + 1] === 'raw') && parts.length >= dash + 4) {
    const project = parts.slice(0, dash).map(decodeURIComponent).join('/');
    const ref = decodeURIComponent(parts[dash + 2] ?? '');
    const file = parts
      .slice(dash + 3)
      .map(decodeURIComponent)
      .join('/');
    const headers: Record<string, string> = secret
      ? secret.startsWith('glpat-')
        ? { 'PRIVATE-TOKEN': secret }
        : auth
      : {};
    return {
      url:
        `${url.origin}/api/v4/projects/${encodeURIComponent(project)}` +
        `/repository/files/${encodeURIComponent(file)}/raw?ref=${encodeURIComponent(ref)}`,
      headers,
      name,
      host: 'gitlab',
    };
  }

  return { url: url.href, headers: auth, name, host: 'plain' };
}

/** Fetches a flow file's text. Errors are SourceErrors with the token redacted. */
export async function fetchFlowUrl(input: string, options: FetchUrlOptions = {}): Promise<FetchedFile> {
  const token = (options.token ?? '').trim();
  const secrets = [token];
  const plan = planUrl(input, token);
  const ctx = {
    fetch: options.fetch ?? defaultFetch,
    secrets,
    pageOrigin: options.pageOrigin ?? currentOrigin(),
    signal: options.signal,
    peer: 'file' as const,
  };
  const what = plan.name;
  try {
    // With a token, a redirect could carry it elsewhere: refuse to follow one. Without, follow as a browser would.
    const res = await send(ctx, plan.url, { headers: plan.headers, redirect: token ? 'manual' : 'follow' }, what);
    const target = token ? redirectTarget(res, plan.url) : undefined;
    if (target !== undefined) {
      throw new SourceError(
        'redirect',
        `${new URL(plan.url).host} redirected the request to ` +
          `${target === 'hidden' ? 'another address' : target.host}; ` +
          'Flowscope does not send a token across a redirect.',
        'Use the final address of the file (its raw link), or open it without a token if it is public.',
        secrets,
      );
    }
    if (!res.ok) throw await urlError(res, plan, Boolean(token), secrets);
    return { text: await readCapped(res, options.maxBytes ?? MAX_BYTES, what, secrets), name: plan.name };
  } catch (e) {
    throw asSourceError(e, secrets);
  }
}

async function urlError(
  res: Response,
  plan: UrlRequest,
  withToken: boolean,
  secrets: readonly string[],
): Promise<SourceError> {
  const { message } = errorDetail(await res.text().catch(() => ''));
  const said = message ? ` (${message})` : '';
  const s = res.status;
  const tokenHint =
    plan.host === 'github'
      ? 'a GitHub token that can read the repository (fine-grained: Contents read-only)'
      : plan.host === 'gitlab'
        ? 'a GitLab token with read_api (or read_repository) scope'
        : 'a token the server accepts';
  if (s === 403 && res.headers.get('x-ratelimit-remaining') === '0')
    return new SourceError(
      'forbidden',
      `GitHub’s rate limit for unauthenticated requests is used up${said}.`,
      'Wait an hour, or add a GitHub token (it has a much higher limit).',
      secrets,
      s,
    );
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
