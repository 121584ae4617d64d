/**
 * The change-set client (issue 14): compares two sets in a set worker of its own (the set on screen, if any,
 * keeps its worker). A newer `compare` cancels the one before; `signal` cancels at once (an AbortError) and
 * stops the worker at its next slice; no answer within `timeoutMs` (restarted by each progress or rows)
 * rejects with SetTimeoutError and ends the worker, and the next request starts a fresh one.
 */
import { localSetWorker, type SetClientOptions, type SetWorkerLike } from './client';
import { abortError, SetTimeoutError, SetWorkerError } from './errors';
import { type ChangeClient, type ChangeCompareOptions, SetOpenError } from './types';
import type { SetResponse } from './worker/messages';

interface Waiting {
  type: 'compare' | 'changeFlow';
  resolve: (value: never) => void;
  reject: (err: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
  options?: ChangeCompareOptions;
}

const defaultWorker = (): SetWorkerLike =>
  new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });

export function createChangeClient(options: SetClientOptions = {}): ChangeClient {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const factory = options.workerFactory ?? defaultWorker;
  const waiting = new Map<number, Waiting>();
  let worker: SetWorkerLike | undefined;
  let nextId = 1;

  const settle = (id: number) => {
    const w = waiting.get(id);
    if (w) clearTimeout(w.timer);
    waiting.delete(id);
    return w;
  };
  const drop = (err: Error) => {
    worker?.terminate();
    worker = undefined;
    for (const id of [...waiting.keys()]) settle(id)?.reject(err);
  };
  const arm = (id: number) => {
    const w = waiting.get(id);
    if (!w) return;
    clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      settle(id)?.reject(new SetTimeoutError('The set worker did not answer in time; it was restarted.'));
      drop(new SetWorkerError('The set worker was restarted.'));
    }, timeoutMs);
  };
  const onMessage = (event: MessageEvent<SetResponse>) => {
    const msg = event.data;
    const w = waiting.get(msg.id);
    if (!w) return;
    if (msg.type === 'changeProgress') {
      w.options?.onProgress?.(msg.progress);
      arm(msg.id);
      return;
    }
    if (msg.type === 'changeRows') {
      w.options?.onRows?.(msg.rows, msg.done, msg.total);
      arm(msg.id);
      return;
    }
    settle(msg.id);
    const resolve = w.resolve as (v: unknown) => void;
    if (msg.type === 'compared') resolve(msg.result);
    else if (msg.type === 'changeFlow') resolve(msg.flow);
    else if (msg.type !== 'error') w.reject(new SetWorkerError(`Unexpected answer: ${msg.type}`));
    else if (msg.kind === 'aborted') w.reject(abortError('The change set was not read: cancelled.'));
    else if (msg.kind === 'open') w.reject(new SetOpenError(msg.message, msg.hint ?? ''));
    else w.reject(new SetWorkerError(msg.message));
  };
  const ensure = () => {
    if (worker) return worker;
    const w = factory();
    w.onmessage = onMessage;
    w.onerror = (event: ErrorEvent) => {
      if (w === worker) drop(new SetWorkerError(`The set worker failed: ${event.message || 'unknown error'}`));
    };
    worker = w;
    return w;
  };

  return {
    compare(base, head, opts = {}) {
      for (const [id, w] of waiting)
        if (w.type === 'compare') {
          settle(id);
          worker?.postMessage({ type: 'cancel', id });
          w.reject(abortError('A newer change set replaced this one.'));
        }
      if (opts.signal?.aborted) return Promise.reject(abortError());
      const id = nextId++;
      const result = new Promise<never>((resolve, reject) => {
        waiting.set(id, { type: 'compare', resolve, reject, options: opts });
        arm(id);
        ensure().postMessage({
          type: 'compare',
          id,
          base,
          head,
          ...(opts.baseSkipped ? { baseSkipped: opts.baseSkipped } : {}),
          ...(opts.headSkipped ? { headSkipped: opts.headSkipped } : {}),
          ...(opts.renamed ? { renamed: opts.renamed } : {}),
        });
      });
      opts.signal?.addEventListener(
        'abort',
        () => {
          const w = settle(id);
          if (!w) return;
          worker?.postMessage({ type: 'cancel', id });
          w.reject(abortError('The change set was not read: cancelled.'));
        },
        { once: true },
      );
      return result;
    },
    changeFlow(name) {
      const id = nextId++;
      return new Promise<never>((resolve, reject) => {
        waiting.set(id, { type: 'changeFlow', resolve, reject });
        arm(id);
        ensure().postMessage({ type: 'changeFlow', id, name });
      });
    },
    dispose() {
      drop(abortError('The change set was closed.'));
    },
  };
}

/** The same client with the worker's code in this thread (Node, tests). */
export const createLocalChangeClient = (options: Omit<SetClientOptions, 'workerFactory'> = {}): ChangeClient =>
  createChangeClient({ ...options, workerFactory: localSetWorker });
