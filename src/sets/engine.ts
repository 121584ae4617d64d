/**
 * The set worker's work, in whatever thread runs it (issue 13): the worker (worker/worker.ts) and the local
 * client (client.ts, for Node and tests) both drive one engine. `open` reads the files — texts, Blobs read with
 * `blob.text()`, zips with `arrayBuffer()` and unzipped — parses them in slices, yielding to the event loop and
 * reporting progress about every 50 ms (so a cancel is heard), then indexes them. The flows' search entries are
 * collected while the next file is still being read (time the parse would spend waiting); after the summary is
 * handed over `warm` collects what is left and joins them, so the first search after the list waits little.
 */
import { type SetSearch, setSearchBuilder } from '../model/setSearch';
import type { SetSkip } from '../model/set';
import type { SearchResult, SetSummary } from '../model/setTypes';
import { addFlowText, isZipName, NOT_A_FLOW, type SetEntry, type SetRead } from './read';
import { abortError } from './errors';
import { summarizeSet } from './summary';
import { SetOpenError, type SetInputFile, type SetProgress } from './types';
import { readZip, ZIP_LIMITS, ZipRefused } from './zip';
import { isFlowFileName } from '../model/set';

export interface EngineOpenOptions {
  onProgress?: (p: SetProgress) => void;
  /** Asked between slices: true stops the read with an AbortError. */
  cancelled?: () => boolean;
  skipped?: readonly SetSkip[];
  /**
   * While more files may be appended to `files` (a set arriving in parts): resolves once some came or none
   * will (false). `total` is then how many all parts hold, for the progress.
   */
  more?: () => Promise<boolean>;
  total?: number;
}

export interface SetEngine {
  open(files: readonly SetInputFile[], options?: EngineOpenOptions): Promise<SetSummary>;
  search(query: string, limit?: number): SearchResult;
  flow(name: string): { name: string; file: string; text: string } | undefined;
  /** Builds the open set's search now (else the first search does): the list is handed over before it. */
  warm(): void;
  /** The open set's flows as read (a change set compares two of them). */
  entries(): readonly SetEntry[];
}

const SLICE_MS = 50;
/** How long search entries are collected at a time while a file is being read. */
const COLLECT_MS = 1;
const ignore = () => undefined;
const READ_AHEAD = 128;

const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
export const ZIP_HINT =
  `Flowscope reads zips up to ${mb(ZIP_LIMITS.compressed)} (${mb(ZIP_LIMITS.uncompressed)} unpacked, ` +
  `${ZIP_LIMITS.entries.toLocaleString('en-US')} entries): unzip it and open the flows folder instead.`;

/** A later task, so messages that queued up meanwhile (a cancel) are handled. */
const yieldTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const NOT_A_ZIP_HINT = 'Is it a zip? Download it again, or unzip it and open the flows folder instead.';

async function unzip(
  path: string,
  blob: Blob,
): Promise<{ files: { name: string; text: string }[]; skipped: SetSkip[] }> {
  try {
    return readZip(new Uint8Array(await blob.arrayBuffer()), path);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!(e instanceof ZipRefused)) throw new SetOpenError(`${path} could not be read (${message})`, NOT_A_ZIP_HINT);
    throw new SetOpenError(message, /not a readable zip/.test(message) ? NOT_A_ZIP_HINT : ZIP_HINT);
  }
}

export function createSetEngine(): SetEngine {
  let entries: SetEntry[] = [];
  let byName = new Map<string, SetEntry>();
  let search: SetSearch | undefined;
  let pending: (() => SetSearch) | undefined;
  const ready = (): SetSearch | undefined => {
    if (pending) {
      search = pending();
      pending = undefined;
    }
    return search;
  };

  return {
    async open(files, { onProgress, cancelled = () => false, skipped = [], more, total: all } = {}) {
      let last = performance.now();
      const tick = async (p: SetProgress, force = false) => {
        if (!force && performance.now() - last < SLICE_MS) return;
        onProgress?.(p);
        await yieldTask();
        last = performance.now();
        if (cancelled()) throw abortError();
      };
      // Each file read (a Blob as text, a zip unzipped) and parsed in turn, Blobs read ahead meanwhile: one at a
      // time, reading a folder's 2,000 files took longer than parsing them.
      const read: SetRead = { entries: [], skipped: [...skipped] };
      const reads: (Promise<string> | undefined)[] = [];
      const readDone = new Set<number>();
      const searchable = setSearchBuilder();
      let collected = 0;
      /** Adds the search entries of the flows read but not yet collected, until `until` says stop. */
      const collect = (until: () => boolean = () => false) => {
        for (; collected < read.entries.length && !until(); collected++) {
          const e = read.entries[collected] as SetEntry;
          searchable.add({ name: e.name, label: e.doc.label, doc: e.doc });
        }
      };
      /**
       * Waits for a Blob's text, collecting search entries meanwhile (a few ms at a time, so the read's end is heard):
       * the wait for the disk is used, and the list is not delayed for the search.
       */
      const waitFor = async (j: number) => {
        const p = reads[j] as Promise<string>;
        while (!readDone.has(j) && collected < read.entries.length) {
          const until = performance.now() + COLLECT_MS;
          collect(() => performance.now() > until);
          await Promise.race([p.then(ignore, ignore), yieldTask()]);
        }
        return p;
      };
      const readAhead = (j: number) => {
        const f = files[j];
        if (!f || 'text' in f || reads[j] || isZipName(f.path) || !isFlowFileName(f.path)) return;
        const p = f.blob.text();
        // Marked when done (a read given up on, cancelled, is nobody's error): a text already read is not waited for.
        p.then(
          () => readDone.add(j),
          () => readDone.add(j),
        );
        reads[j] = p;
      };
      const total = all ?? files.length;
      /** Whether file `i` is (or, once the parts still coming arrive, will be) there. */
      const has = async (i: number) => {
        while (i >= files.length && more) {
          onProgress?.({ phase: 'parse', done: i, total }); // read up to here, while the next part comes
          if (!(await more())) break;
        }
        return i < files.length;
      };
      await tick({ phase: 'parse', done: 0, total }, true);
      for (let i = 0; await has(i); i++) {
        const f = files[i] as SetInputFile;
        for (let j = i; j < i + READ_AHEAD; j++) readAhead(j);
        if ('text' in f) addFlowText(read, f.path, f.text);
        else if (isZipName(f.path)) {
          onProgress?.({ phase: 'unzip', done: i, total });
          const zip = await unzip(f.path, f.blob);
          read.skipped.push(...zip.skipped);
          for (let k = 0; k < zip.files.length; k++) {
            const z = zip.files[k] as { name: string; text: string };
            addFlowText(read, z.name, z.text);
            await tick({ phase: 'unzip', done: k + 1, total: zip.files.length });
          }
        } else if (!isFlowFileName(f.path)) read.skipped.push({ file: f.path, reason: NOT_A_FLOW });
        else {
          const text = await waitFor(i).catch((e: unknown) => {
            read.skipped.push({ file: f.path, reason: `cannot read it (${e instanceof Error ? e.message : e})` });
            return undefined;
          });
          if (text !== undefined) addFlowText(read, f.path, text);
        }
        reads[i] = undefined;
        readDone.delete(i);
        await tick({ phase: 'parse', done: i + 1, total });
      }
      await tick({ phase: 'index', done: 0, total: 1 }, true);
      const summary = summarizeSet(read.entries, read.skipped);
      if (cancelled()) throw abortError();
      entries = read.entries;
      byName = new Map();
      for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
      search = undefined;
      pending = () => {
        collect();
        return searchable.finish();
      };
      onProgress?.({ phase: 'index', done: 1, total: 1 });
      return summary;
    },
    search(query, limit) {
      const search = ready();
      if (!search) return { query, groups: [], total: 0, flows: 0, truncated: false };
      return search.search(query, limit !== undefined ? { limit } : {});
    },
    warm() {
      ready();
    },
    entries: () => entries,
    flow(name) {
      const e = byName.get(name) ?? entries.find((x) => x.name.toLowerCase() === name.toLowerCase());
      return e ? { name: e.name, file: e.file, text: e.text } : undefined;
    },
  };
}
