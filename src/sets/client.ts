/**
 * The set worker's client (issue 13). The worker loads on the first request, so the first screen carries none
 * of the set's code.
 *
 * Contract (sets/types.ts has the shapes):
 * - Requests carry ids; an answer to a request no longer waited for (cancelled, superseded) is dropped.
 * - `open` replaces the set; a newer `open` cancels the one still reading. Cancelling (`signal`) rejects at once
 *   with a DOMException 'AbortError' and stops the worker's read at its next slice. A refused zip rejects with
 *   SetOpenError (message and hint).
 * - A newer `search` supersedes an older one still waiting, which rejects with an AbortError.
 * - A request the worker does not answer within `timeoutMs` (default 60 s; each progress report restarts the
 *   clock) rejects with SetTimeoutError and the worker is terminated; a crashed worker rejects what waits with
 *   SetWorkerError. Either way the next request starts a fresh worker and reads the last set again first.
 */
import { abortError, SetTimeoutError, SetWorkerError } from './errors';
import type { SetRequest, SetResponse } from './worker/messages';
import { SetOpenError, type SetClient, type SetInputFile, type SetOpenOptions } from './types';
import type { SetSkip } from '../model/set';

/** What the client needs of a Worker (a real one, one in this thread, or a fake in tests). */
export interface SetWorkerLike {
  postMessage(message: SetRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SetResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface SetClientOptions {
  workerFactory?: () => SetWorkerLike;
  timeoutMs?: number;
}

export { SetTimeoutError, SetWorkerError };

function defaultWorker(): SetWorkerLike {
  // Written literally so Vite bundles the worker as its own chunk, fetched on the first request.
  return new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
}

type Opened = { files: readonly SetInputFile[]; skipped?: readonly SetSkip[] };

const PART_CHARS = 4 * 2 ** 20;
/**
 * What a Blob weighs in a part: a handle, but Chromium looks up each File's size and date as it first clones
 * it (about 0.2 ms a File), so 2,000 of them in one message blocked the page for half a second: 50 a part.
 */
const BLOB_WEIGHT = Math.floor(PART_CHARS / 50);

/** Files in parts of about PART_CHARS characters of text, or 50 Blobs. */
function openParts(files: readonly SetInputFile[]): SetInputFile[][] {
  const parts: SetInputFile[][] = [[]];
  let size = 0;
  for (const f of files) {
    const n = 'text' in f ? f.text.length : BLOB_WEIGHT;
    if (size + n > PART_CHARS && (parts.at(-1) as SetInputFile[]).length > 0) {
      parts.push([]);
      size = 0;
    }
    (parts.at(-1) as SetInputFile[]).push(f);
    size += n;
  }
  return parts;
}

interface Pending {
  type: 'open' | 'search' | 'flow';
  resolve: (value: never) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  onProgress?: SetOpenOptions['onProgress'];
  opened?: Opened;
}

export function createSetClient(options: SetClientOptions = {}): SetClient {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const factory = options.workerFactory ?? defaultWorker;
  const pending = new Map<number, Pending>();
  let worker: SetWorkerLike | undefined;
  let nextId = 1;
  /** The set the worker holds: read again by a fresh worker before it answers anything else. */
  let lastOpen: Opened | undefined;

  const settle = (id: number): Pending | undefined => {
    const p = pending.get(id);
    if (p) clearTimeout(p.timer);
    pending.delete(id);
    return p;
  };
  const drop = (err: Error) => {
    worker?.terminate();
    worker = undefined;
    for (const id of [...pending.keys()]) settle(id)?.reject(err);
  };
  const arm = (id: number) => {
    const p = pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      if (!pending.has(id)) return;
      const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
      settle(id)?.reject(new SetTimeoutError(`The set worker did not answer within ${seconds}; it was restarted.`));
      drop(new SetWorkerError('The set worker was restarted.'));
    }, timeoutMs);
  };
  const onMessage = (event: MessageEvent<SetResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return; // cancelled or superseded: its late answer is dropped
    if (msg.type === 'progress') {
      p.onProgress?.(msg.progress);
      arm(msg.id);
      return;
    }
    if (msg.type !== 'opened' && msg.type !== 'searched' && msg.type !== 'flow' && msg.type !== 'error') return;
    settle(msg.id);
    if (msg.type === 'opened') {
      if (p.opened) lastOpen = p.opened;
      (p.resolve as (v: unknown) => void)(msg.summary);
    } else if (msg.type === 'searched') (p.resolve as (v: unknown) => void)(msg.result);
    else if (msg.type === 'flow') (p.resolve as (v: unknown) => void)(msg.flow);
    else if (msg.kind === 'aborted') p.reject(abortError());
    else if (msg.kind === 'open') p.reject(new SetOpenError(msg.message, msg.hint ?? ''));
    else p.reject(new SetWorkerError(msg.message));
  };
  const ensureWorker = (type: Pending['type']): SetWorkerLike => {
    if (worker) return worker;
    const w = factory();
    w.onmessage = onMessage;
    w.onerror = (event: ErrorEvent) => {
      if (w !== worker) return;
      drop(new SetWorkerError(`The set worker failed: ${event.message || 'unknown error'}`));
    };
    worker = w;
    // A fresh worker holds no set: it reads the last one again (its answer is nobody's) before this request.
    if (lastOpen && type !== 'open') postOpen(w, nextId++, lastOpen, true);
    return w;
  };
  /**
   * An open's files, a few MB of text per message: cloning 2,000 flows' text in one message blocked the page
   * for 70 ms. Stops when the open is cancelled or the worker replaced; the worker gathers the parts.
   */
  const postOpen = (w: SetWorkerLike, id: number, opened: Opened, replay = false) => {
    const parts = openParts(opened.files);
    const send = (k: number) => {
      if (worker !== w || (!replay && !pending.has(id))) return;
      const more = k < parts.length - 1;
      w.postMessage({
        type: 'open',
        id,
        files: parts[k] ?? [],
        ...(k === 0 && opened.skipped ? { skipped: opened.skipped } : {}),
        ...(k === 0 && more ? { total: opened.files.length } : {}),
        ...(more ? { more: true } : {}),
      });
      if (more) setTimeout(() => send(k + 1), 0);
    };
    send(0);
  };
  const request = <T>(message: SetRequest & { type: Pending['type'] }, extra: Partial<Pending> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(message.id, { type: message.type, resolve, reject, timer: undefined, ...extra });
      arm(message.id);
      try {
        const w = ensureWorker(message.type);
        if (message.type === 'open') postOpen(w, message.id, message);
        else w.postMessage(message);
      } catch (err) {
        settle(message.id);
        reject(new SetWorkerError(`The set worker could not start: ${err instanceof Error ? err.message : err}`));
      }
    });
  const cancel = (type: Pending['type'], err: () => Error) => {
    for (const [id, p] of pending)
      if (p.type === type) {
        settle(id);
        if (type === 'open') worker?.postMessage({ type: 'cancel', id });
        p.reject(err());
      }
  };

  return {
    open(files, { onProgress, signal, skipped } = {}) {
      cancel('open', () => abortError('A newer set replaced this one.'));
      if (signal?.aborted) return Promise.reject(abortError());
      const id = nextId++;
      const opened = { files, ...(skipped ? { skipped } : {}) };
      const result = request<never>({ type: 'open', id, ...opened }, { opened, ...(onProgress ? { onProgress } : {}) });
      signal?.addEventListener(
        'abort',
        () => {
          const p = settle(id);
          if (!p) return;
          worker?.postMessage({ type: 'cancel', id });
          p.reject(abortError());
        },
        { once: true },
      );
      return result;
    },
    search(query, limit) {
      cancel('search', () => abortError('A newer search replaced this one.'));
      return request({ type: 'search', id: nextId++, query, ...(limit !== undefined ? { limit } : {}) });
    },
    flow(name) {
      return request({ type: 'flow', id: nextId++, name });
    },
    dispose() {
      lastOpen = undefined;
      drop(abortError('The set was closed.'));
    },
  };
}

/**
 * A worker in this thread: the same message loop (loaded on first use, so the page's client does not carry
 * the worker's code), answers delivered on a later task as a worker's would be.
 */
export function localSetWorker(): SetWorkerLike {
  let alive = true;
  const w: SetWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      void serving.then((handle) => setTimeout(() => alive && handle(message), 0));
    },
    terminate() {
      alive = false;
    },
  };
  const serving = import('./worker/serve').then(({ serveSets }) =>
    serveSets((message) => {
      if (alive) setTimeout(() => alive && w.onmessage?.({ data: message } as MessageEvent<SetResponse>), 0);
    }),
  );
  return w;
}

/** The same client with the worker's code in this thread (Node: tests, the store's tests, scripts). */
export function createLocalSetClient(options: Omit<SetClientOptions, 'workerFactory'> = {}): SetClient {
  return createSetClient({ ...options, workerFactory: localSetWorker });
}
