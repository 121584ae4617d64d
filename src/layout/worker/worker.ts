/// <reference lib="webworker" />
/**
 * The layout Web Worker: runs the same engine as Node. ELK (only needed for free-form flows) is loaded
 * on first need through `elk-api`, which runs ELK in its own nested worker (`elk.bundled.js` cannot run
 * inside this worker). Only the newest request waiting is served: older ones were superseded.
 */
import { runLayout } from '../engine';
import { PROGRESS_MIN_NODES, type LayoutRequest, type LayoutResponse } from './messages';
import { nullPrototype } from '../records';
import type { ElkLike, LayoutGraphInput } from '../types';

let elk: Promise<ElkLike> | undefined;
function browserElk(): Promise<ElkLike> {
  // Written literally so Vite bundles ELK's worker; a module worker, as vite.config's worker.format is 'es'.
  elk ??= import('elkjs/lib/elk-api').then(
    ({ default: ELK }) =>
      new ELK({
        workerFactory: () => new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url), { type: 'module' }),
      }),
  );
  return elk;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: LayoutResponse) => scope.postMessage(message);
let waiting: LayoutRequest | undefined;
let scheduled = false;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  if (event.data?.type !== 'layout') return;
  waiting = event.data;
  // Start on a later task, so requests that queued up meanwhile are seen and only the newest is served.
  if (!scheduled) {
    scheduled = true;
    setTimeout(() => void pump(), 0);
  }
};

async function pump(): Promise<void> {
  while (waiting) {
    const request = waiting;
    waiting = undefined;
    await serve(request);
  }
  scheduled = false;
}

async function serve({ id, graph: sent, options }: LayoutRequest): Promise<void> {
  try {
    // The clone made the positions a plain object, where an element called `constructor` would find
    // Object.prototype's: null-prototype again.
    const graph: LayoutGraphInput = sent.positions ? { ...sent, positions: nullPrototype(sent.positions) } : sent;
    const big = graph.nodes.length >= PROGRESS_MIN_NODES;
    const onProgress = big
      ? (fraction: number, phase: string) => post({ type: 'progress', id, fraction, phase })
      : undefined;
    const result = await runLayout(graph, { ...options, elk: browserElk, ...(onProgress ? { onProgress } : {}) });
    post({ type: 'result', id, result });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}
