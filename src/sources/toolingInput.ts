import { isLoopback, short } from './http';
import { MIN_TOKEN_LENGTH, SourceError } from './redact';

/**
 * The org's inputs as the user typed them (instance URL, API version, token), checked before any request. A bad
 * token is refused without its text in the message.
 */

export const DEFAULT_API_VERSION = '63.0';

export const SF_DISPLAY = 'sf org display --json --target-org <alias>';

/** An instance URL as typed → its origin. Lightning pages are on another host than the API: say which one to use. */
export function instanceOrigin(input: string): URL {
  const typed = input.trim();
  const bad = (
    message: string,
    hint = `Use result.instanceUrl from \`${SF_DISPLAY}\`, e.g. https://mydomain.my.salesforce.com.`,
  ) => new SourceError('invalid-input', message, hint, []);
  if (typed === '') throw bad('Enter the org’s instance URL.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    throw bad(`“${short(typed, 80)}” is not a URL.`);
  }
  if (url.username || url.password) throw bad('The instance URL must not contain a user name or password.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url)))
    throw bad(`The instance URL must start with https:// (got ${url.protocol}//).`);
  const lightning = /^(.+?)(\.sandbox)?\.lightning\.force\.com$/.exec(url.hostname);
  if (lightning)
    throw bad(
      `${url.hostname} is the Lightning UI, not the API.`,
      `Use https://${lightning[1]}${lightning[2] ?? ''}.my.salesforce.com (result.instanceUrl from \`${SF_DISPLAY}\`).`,
    );
  return new URL(url.origin);
}

export function apiVersionOf(input: string | undefined): string {
  const v = (input ?? '').trim().replace(/^v/i, '') || DEFAULT_API_VERSION;
  const m = /^(\d{2,3})(?:\.0)?$/.exec(v);
  if (!m)
    throw new SourceError(
      'invalid-input',
      `“${short(v, 20)}” is not an API version.`,
      `Use a number like ${DEFAULT_API_VERSION}.`,
      [],
    );
  return `${m[1]}.0`;
}

export function checkToken(token: string): string {
  const t = token.trim().replace(/^Bearer\s+/i, '');
  const hint = `Copy result.accessToken from \`${SF_DISPLAY}\`.`;
  if (t === '') throw new SourceError('invalid-input', 'Enter an access token.', hint, []);
  // The token's text never goes into a message, even a bad one.
  if (!/^[\x21-\x7e]+$/.test(t))
    throw new SourceError(
      'invalid-input',
      'The access token contains spaces, line breaks or other characters a token cannot have.',
      hint,
      [t],
    );
  if (t.length < MIN_TOKEN_LENGTH)
    throw new SourceError('invalid-input', 'That is too short to be an access token.', hint, [t]);
  return t;
}
