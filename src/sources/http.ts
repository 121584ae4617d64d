import { SourceError } from './redact';

/** `fetch` is a parameter (default: the global one) so tests can intercept every request. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The same cap as the parser's (src/model/parse/guards.ts): the largest real flows are under 1 MB. */
export const MAX_BYTES = 50 * 1024 * 1024;

export interface RequestContext {
  fetch: Fetch;
  /** Every secret that must not appear in an error's text. */
  secrets: readonly string[];
  /** This page's origin, for the CORS explanation (`location.origin` in the browser). */
  pageOrigin?: string;
  signal?: AbortSignal;
  /**
   * Who is on the other end, for the CORS advice: a Salesforce org (default: add this site to the org's
   * CORS allowlist) or a file host (GitHub, GitLab, any server: it must send Access-Control-Allow-Origin,
   * or the file can be downloaded and opened).
   */
  peer?: 'salesforce' | 'file';
}

export const defaultFetch: Fetch = (input, init) => globalThis.fetch(input, init);
export const currentOrigin = (): string | undefined => (typeof location === 'undefined' ? undefined : location.origin);

/** http only for this machine (tests, a local proxy); everything else must be https. */
export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/**
 * Sends one request. A rejected fetch is a network failure or a CORS refusal, which browsers do not tell
 * apart; a header-less `no-cors` probe of the host (it cannot carry the token) does: if the host answers
 * it, the refusal was CORS.
 */
export async function send(ctx: RequestContext, url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await ctx.fetch(url, { ...init, signal: ctx.signal, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    if (ctx.signal?.aborted || (e instanceof DOMException && e.name === 'AbortError'))
      throw new SourceError('aborted', 'The request was cancelled.', '', ctx.secrets);
    throw await unreachable(ctx, new URL(url), what);
  }
}

async function unreachable(ctx: RequestContext, url: URL, what: string): Promise<SourceError> {
  const host = url.origin;
  const origin = ctx.pageOrigin;
  const sameOrigin = origin === host;
  const answered = !sameOrigin && (await probe(ctx, host));
  const site = origin ? ` (${origin})` : '';
  const allow = origin
    ? `Setup → CORS → New → Origin URL Pattern ${origin}`
    : 'Setup → CORS → New, with this site’s origin';
  const file = ctx.peer === 'file';
  const fix = file
    ? `${host} does not let other sites read its files. Use the file’s raw link ` +
      '(GitHub: “Raw”, raw.githubusercontent.com; GitLab: “Open raw”), ' +
      'or download the file and open it with Open….'
    : `For a Salesforce org, add this site to its CORS allowlist: ${allow}, then try again.`;
  if (answered) {
    return new SourceError(
      'cors',
      `${host} answered, but the browser blocked the response to ${what}: ` +
        `the host does not allow this site${site} to read it (CORS).`,
      file ? fix : `${fix} (If the host is a proxy or a different server, check the URL.)`,
      ctx.secrets,
    );
  }
  if (sameOrigin) {
    return new SourceError(
      'network',
      `Could not reach ${host} for ${what}.`,
      'Check your network connection and that the server is running.',
      ctx.secrets,
    );
  }
  return new SourceError(
    'cors-or-network',
    `Could not read ${what} from ${host}: either the network or the host is unreachable, ` +
      `or the host refused this site${site} (CORS). A browser cannot tell these apart.`,
    file
      ? `Check the address and your connection. If ${host} opens in another tab, it is CORS: ${fix}`
      : `Check the address and your connection. If ${host} opens in another tab, it is CORS: ` +
          `for a Salesforce org, ${allow}.`,
    ctx.secrets,
  );
}

async function probe(ctx: RequestContext, host: string): Promise<boolean> {
  try {
    await ctx.fetch(`${host}/`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: ctx.signal });
    return true;
  } catch {
    return false;
  }
}

/** A 3xx (or a browser's opaque redirect): where it points, when the runtime lets us see it. */
export function redirectTarget(res: Response, from: string): URL | 'hidden' | undefined {
  if (res.type === 'opaqueredirect') return 'hidden';
  if (res.status < 300 || res.status > 399 || res.status === 304) return undefined;
  const location = res.headers.get('location');
  if (!location) return 'hidden';
  try {
    return new URL(location, from);
  } catch {
    return 'hidden';
  }
}

/** Reads a body as text, stopping at `max` bytes (the declared length is checked first; a stream is counted). */
export async function readCapped(
  res: Response,
  max: number,
  what: string,
  secrets: readonly string[],
): Promise<string> {
  const tooLarge = (bytes: number) =>
    new SourceError(
      'too-large',
      `${what} is larger than ${mb(max)} (${bytes >= max ? 'at least ' : ''}${mb(bytes)}); ` +
        `Flowscope reads flows up to ${mb(max)}.`,
      'Check that the address points at a single flow file or Flow record.',
      secrets,
    );
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw tooLarge(declared);
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel();
      throw tooLarge(bytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`);

/** The first message of a Salesforce/GitHub/GitLab error body, short and single-line. */
export function errorDetail(body: string): { code?: string; message?: string } {
  try {
    const v: unknown = JSON.parse(body);
    const first: unknown = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'object' && first !== null) {
      const o = first as Record<string, unknown>;
      const message = typeof o.message === 'string' ? o.message : typeof o.error === 'string' ? o.error : undefined;
      const code = typeof o.errorCode === 'string' ? o.errorCode : undefined;
      return { code, message: message && short(message) };
    }
  } catch {
    // Not JSON: an HTML error page says nothing useful to the user.
  }
  return {};
}

export const short = (s: string, n = 240) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
};
