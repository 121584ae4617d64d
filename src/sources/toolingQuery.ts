import { short } from './http';
import { SourceError } from './redact';

/** Reading a Tooling query's answer: its next-page link, checked before it is followed, and a record's text fields. */

/** `nextRecordsUrl` is a path on the same instance and API; anything else is refused before a request. */
export function checkNext(next: string, origin: string, base: string): void {
  let url: URL | undefined;
  try {
    url = new URL(next, origin);
  } catch {
    url = undefined;
  }
  if (!url || url.origin !== origin || !url.pathname.startsWith(`${base}/tooling/query/`)) {
    throw new SourceError(
      'foreign-host',
      `The org’s next-page link (${short(next, 80)}) does not point at ${origin}${base}/tooling/query; ` +
        'Flowscope does not follow it.',
      'Reload the list; if it keeps happening, please report it.',
      [],
    );
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
