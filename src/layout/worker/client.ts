/**
 * The UI thread's handle on the layout worker. The worker (and ELK behind it) loads lazily on the first
 * request, so the main bundle carries neither.
 *
 * Contract:
 * - One layout at a time: a newer `layout()` call supersedes the one still running, whose promise
 *   rejects with `LayoutSupersededError` (callers ignore it: `isSuperseded(err)`); its late answer is dropped.
 * - A layout that takes longer than `timeoutMs` (default 20 s) rejects with `LayoutTimeoutError`; the
 *   stuck worker is terminated and a fresh one starts with the next request.
 * - `onProgress(fraction, phase)` is called for graphs of PROGRESS_MIN_NODES elements or more.
 */
import { nullPrototype } from '../records';
import type { LayoutGraphInput, LayoutResult } from '../types';
import { PROGRESS_MIN_NODES, type LayoutRequest, type LayoutResponse, type WorkerLayoutOptions } from './messages';

export { PROGRESS_MIN_NODES };

/** What the client needs of a Worker (a real one, or a fake in tests). */
export interface LayoutWorkerLike {
  postMessage(message: LayoutRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<LayoutResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface LayoutClientOptions {
  timeoutMs?: number;
  workerFactory?: () => LayoutWorkerLike;
}

interface LayoutCallOptions extends WorkerLayoutOptions {
  onProgress?: (fraction: number, phase: string) => void;
}

export interface LayoutClient {
  layout(graph: LayoutGraphInput, options?: LayoutCallOptions): Promise<LayoutResult>;
  /** Terminates the worker; a pending layout rejects with LayoutSupersededError. */
  dispose(): void;
}

export class LayoutSupersededError extends Error {
  override name = 'LayoutSupersededError';
  constructor() {
    super('A newer layout request replaced this one.');
  }
}

export class LayoutTimeoutError extends Error {
  override name = 'LayoutTimeoutError';
  constructor(elements: number, timeoutMs: number) {
    super(
      `Laying out ${elements.toLocaleString('en-US')} elements took longer than ${formatSeconds(timeoutMs)}; ` +
        'the layout was stopped. Try again, or open a smaller flow.',
    );
  }
}

export class LayoutWorkerError extends Error {
  override name = 'LayoutWorkerError';
}

export const isSuperseded = (err: unknown): boolean => err instanceof Error && err.name === 'LayoutSupersededError';

const DEFAULT_TIMEOUT_MS = 20_000;

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function defaultWorker(): LayoutWorkerLike {
  // Written literally so Vite bundles the worker (and ELK with it) as a separate, lazily fetched chunk.
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

/**
 * The structured clone that carried the result made its null-prototype records plain objects, where an
 * element called `constructor` or `toString` would find Object.prototype's members: make them
 * null-prototype again (an own `__proto__` key survives the clone as a plain own property).
 */
function received(result: LayoutResult): LayoutResult {
  return { ...result, nodes: nullPrototype(result.nodes), edges: nullPrototype(result.edges) };
}

interface Pending {
  id: number;
  resolve: (result: LayoutResult) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  onProgress: ((fraction: number, phase: string) => void) | undefined;
}

export function createLayoutClient(options: LayoutClientOptions = {}): LayoutClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const factory = options.workerFactory ?? defaultWorker;
  let worker: LayoutWorkerLike | undefined;
  let current: Pending | undefined;
  let nextId = 1;

  const settle = (): Pending | undefined => {
    const p = current;
    if (p) clearTimeout(p.timer);
    current = undefined;
    return p;
  };
  const drop = () => {
    worker?.terminate();
    worker = undefined;
  };
  const onMessage = (event: MessageEvent<LayoutResponse>) => {
    const msg = event.data;
    if (!current || msg.id !== current.id) return; // a superseded request's late answer
    if (msg.type === 'progress') current.onProgress?.(msg.fraction, msg.phase);
    else if (msg.type === 'result') settle()?.resolve(received(msg.result));
    else settle()?.reject(new LayoutWorkerError(msg.message));
  };
  const ensureWorker = (): LayoutWorkerLike => {
    if (!worker) {
      const w = factory();
      w.onmessage = onMessage;
      w.onerror = (event: ErrorEvent) => {
        if (w !== worker) return;
        drop();
        settle()?.reject(new LayoutWorkerError(`The layout worker failed: ${event.message || 'unknown error'}`));
      };
      worker = w;
    }
    return worker;
  };

  return {
    layout(graph, { onProgress, ...layoutOptions } = {}) {
      settle()?.reject(new LayoutSupersededError());
      const id = nextId++;
      const elements = graph.nodes.length;
      // Only what the layout reads crosses the boundary (not the flow header or warnings).
      const request: LayoutRequest = {
        type: 'layout',
        id,
        graph: {
          // Labels size the Go To markers the picture keeps room for.
          nodes: graph.nodes.map(({ id: nodeId, type, label }) => ({
            id: nodeId,
            type,
            ...(label !== undefined ? { label } : {}),
          })),
          edges: graph.edges.map(({ id: edgeId, source, target, kind, label, goTo }) => ({
            id: edgeId,
            source,
            target,
            kind,
            goTo: goTo === true,
            ...(label !== undefined ? { label } : {}),
          })),
          ...(graph.openPaths ? { openPaths: graph.openPaths } : {}),
          // The saved engine's positions (a null-prototype record: the clone keeps an own `__proto__` key).
          ...(graph.positions ? { positions: graph.positions } : {}),
        },
        ...(Object.keys(layoutOptions).length > 0 ? { options: layoutOptions } : {}),
      };
      return new Promise<LayoutResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (current?.id !== id) return;
          settle();
          drop(); // it may be stuck in a long layout: start afresh next time
          reject(new LayoutTimeoutError(elements, timeoutMs));
        }, timeoutMs);
        current = { id, resolve, reject, timer, onProgress: elements >= PROGRESS_MIN_NODES ? onProgress : undefined };
        if (current.onProgress) current.onProgress(0, 'queued');
        try {
          ensureWorker().postMessage(request);
        } catch (err) {
          settle();
          reject(
            new LayoutWorkerError(
              `The layout worker could not start: ${err instanceof Error ? err.message : String(err)}`,
            ),
          );
        }
      });
    },
    dispose() {
      settle()?.reject(new LayoutSupersededError());
      drop();
    },
  };
}
