import type { ParseResult } from '../types';
import { type Format, type FormatReader, type FormatReaders, formatOf, type ParseOptions, parseWith } from './read';

/**
 * The app's parser: each format's reader is loaded when text in that format first comes, so a first screen
 * carries only the one it reads (the sample is XML, a link's flow JSON). The app's build sets
 * FLOWSCOPE_READERS_ON_DEMAND (vite.config.ts); everywhere else (tests, Node) both readers are loaded with this
 * module, so `parseFlow` reads anything from the start.
 */
const IMPORTS: Record<Format, () => Promise<FormatReader>> = {
  xml: () => import('./fromXml').then((m) => m.readXmlFlow),
  json: () => import('./fromJson').then((m) => m.readJsonFlow),
};
const loaded: FormatReaders = import.meta.env.FLOWSCOPE_READERS_ON_DEMAND
  ? {}
  : { xml: await IMPORTS.xml(), json: await IMPORTS.json() };
const loading = new Map<Format, Promise<void>>();
/** Formats whose reader could not be fetched: the next parse says so, and the next text after it tries again. */
const failed = new Set<Format>();

/** Starts loading a format's reader (once); resolves when it is here, or could not be fetched. Never rejects. */
export function loadReader(format: Format): Promise<void> {
  if (loaded[format]) return Promise.resolve();
  let pending = loading.get(format);
  if (!pending) {
    failed.delete(format);
    pending = IMPORTS[format]().then(
      (reader) => {
        loaded[format] = reader;
      },
      () => {
        loading.delete(format);
        failed.add(format);
      },
    );
    loading.set(format, pending);
  }
  return pending;
}

/**
 * Whether `parseFlow` can answer for this text now: it is in neither format, its reader is here, or fetching
 * the reader just failed (the answer is then an error saying so).
 */
export function readerLoaded(text: string): boolean {
  const format = formatOf(text);
  return format === undefined || loaded[format] !== undefined || failed.has(format);
}

/** Resolves when `readerLoaded(text)`: the text's reader is loaded, or could not be. Never rejects. */
export function ensureReader(text: string): Promise<void> {
  const format = formatOf(text);
  return format ? loadReader(format) : Promise.resolve();
}

/** Resolves when every text's reader is loaded (or could not be). Never rejects. */
export const ensureReaders = (...texts: string[]): Promise<unknown> => Promise.all(texts.map(ensureReader));

/**
 * For a caller that cannot wait (the store's `load`): false if `parseFlow` can read `text` now; otherwise
 * true, and `then` runs once it can.
 */
export function afterReader(text: string, then: () => void): boolean {
  if (readerLoaded(text)) return false;
  void ensureReader(text).then(then);
  return true;
}

/** Text → FlowDoc with the readers loaded so far (see `readerLoaded`). Never throws: errors are values. */
export function parseFlow(input: string, options: ParseOptions = {}): ParseResult {
  const result = parseWith(loaded, input, options);
  // A reader that could not be fetched is said once; the next text in its format tries to fetch it again.
  const format = result.ok ? undefined : formatOf(input);
  if (format && !loaded[format]) failed.delete(format);
  return result;
}
