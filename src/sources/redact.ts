/**
 * Token safety for every source that sends a secret. The contract: a token lives in memory (a closure) and
 * in the request's headers, nowhere else — never in a URL, an error's text, the console or storage, except
 * `sessionStorage` when the user asks to "remember for this tab".
 */

const MASK = '[token]';
/** Salesforce session ids (`00D…!…`) are redacted even when we were not told the token (a pasted error, say). */
const SALESFORCE_SESSION = /\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]{8,}/g;
/** Shorter strings are not tokens and would mangle ordinary words; inputs refuse them before any request. */
export const MIN_TOKEN_LENGTH = 8;

/** Removes every form of each secret (as typed, URL-encoded, JSON-escaped) from a text meant for people. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_TOKEN_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]))
      out = out.split(form).join(MASK);
  }
  return out.replace(SALESFORCE_SESSION, MASK);
}

export type SourceErrorKind =
  | 'invalid-input'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'api-version'
  | 'cors'
  | 'cors-or-network'
  | 'network'
  | 'redirect'
  | 'foreign-host'
  | 'invalid-json'
  | 'too-large'
  | 'http'
  | 'disconnected'
  | 'aborted';

/**
 * A failed load with what went wrong and what to do. Its text is redacted when it is made, so it is safe to show,
 * log or throw.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly kind: SourceErrorKind;
  readonly hint: string;
  readonly status?: number;

  constructor(kind: SourceErrorKind, message: string, hint: string, secrets: readonly string[], status?: number) {
    super(redact(message, secrets));
    this.kind = kind;
    this.hint = redact(hint, secrets);
    if (status !== undefined) this.status = status;
  }
}

/** Any thrown value as a SourceError whose text has no secret in it (a foreign error's message is redacted too). */
export function asSourceError(e: unknown, secrets: readonly string[]): SourceError {
  if (e instanceof SourceError) return e;
  if (e instanceof DOMException && e.name === 'AbortError')
    return new SourceError('aborted', 'The request was cancelled.', '', secrets);
  const message = e instanceof Error ? e.message : String(e);
  return new SourceError(
    'http',
    `Unexpected error: ${message}`,
    'Try again; if it keeps happening, please report it.',
    secrets,
  );
}

/** A session the user chose to keep for this tab. Stored only in the Storage given (the UI passes `sessionStorage`). */
export interface RememberedSession {
  instanceUrl: string;
  apiVersion: string;
  token: string;
}

export const SESSION_KEY = 'flowscope.org';

export function rememberToken(storage: Storage, session: RememberedSession, key = SESSION_KEY): void {
  try {
    storage.setItem(key, JSON.stringify(session));
  } catch {
    // Storage can be full or blocked (private mode, sandboxed frame): remembering is a convenience.
  }
}

export function recallToken(storage: Storage, key = SESSION_KEY): RememberedSession | undefined {
  try {
    const raw = storage.getItem(key);
    const v: unknown = raw === null ? undefined : JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return undefined;
    const { instanceUrl, apiVersion, token } = v as Record<string, unknown>;
    return typeof instanceUrl === 'string' && typeof apiVersion === 'string' && typeof token === 'string'
      ? { instanceUrl, apiVersion, token }
      : undefined;
  } catch {
    return undefined;
  }
}

export function forgetToken(storage: Storage, key = SESSION_KEY): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing stored if storage is blocked.
  }
}
