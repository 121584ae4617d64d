import { fileContext, type HostRequest, readHost, tokenHeaders } from './gitHost';
import { isLoopback, MAX_BYTES, short, type Fetch } from './http';
import { asSourceError, MIN_TOKEN_LENGTH, SourceError } from './redact';

/**
 * A flow file by URL, with an optional token. GitHub and GitLab "blob" pages become their raw-file APIs;
 * any other URL is fetched as is. A token goes only in a header, only over https, and never across a redirect.
 */

/** `name` is the address to show and to name the flow by: the URL typed, without its query (GitHub's `?token=`). */
export type UrlRequest = HostRequest;

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
  const auth = tokenHeaders('plain', secret);
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const dash = parts.indexOf('-');
  const gitHubTree = url.hostname === 'github.com' && parts.length >= 2 && (parts.length === 2 || parts[2] === 'tree');
  if (gitHubTree || (dash > 0 && parts[dash + 1] === 'tree'))
    throw bad(
      'That address is a folder of a repository, not a flow file.',
      'To see every flow in it, open it as a flow set (a repository); for one flow, ' +
        'open the file in the repository and copy its address (…/blob/…) or its raw link.',
      [secret],
    );

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
  if (dash > 0 && (parts[dash + 1] === 'blob' || parts[dash + 1] === 'raw') && parts.length >= dash + 4) {
    const project = parts.slice(0, dash).map(decodeURIComponent).join('/');
    const ref = decodeURIComponent(parts[dash + 2] ?? '');
    const file = parts
      .slice(dash + 3)
      .map(decodeURIComponent)
      .join('/');
    const headers = tokenHeaders('gitlab', secret);
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
  const ctx = fileContext(options, secrets, options.signal);
  try {
    const { text } = await readHost(ctx, plan, Boolean(token), options.maxBytes ?? MAX_BYTES);
    return { text, name: plan.name };
  } catch (e) {
    throw asSourceError(e, secrets);
  }
}
