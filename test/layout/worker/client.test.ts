import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLayoutClient,
  isSuperseded,
  LayoutSupersededError,
  LayoutTimeoutError,
  LayoutWorkerError,
  PROGRESS_MIN_NODES,
  type LayoutWorkerLike,
} from '../../../src/layout/worker/client';
import { layoutGraph } from '../../../src/layout/index';
import type { LayoutRequest, LayoutResponse } from '../../../src/layout/worker/messages';
import type { LayoutGraphInput } from '../../../src/layout/types';
import { graph } from '../helpers';

/** A worker double: records requests; the test answers them (or a handler does). */
class FakeWorker implements LayoutWorkerLike {
  onmessage: ((event: MessageEvent<LayoutResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: LayoutRequest[] = [];
  terminated = false;
  constructor(private readonly handler?: (request: LayoutRequest, worker: FakeWorker) => void) {}
  postMessage(message: LayoutRequest): void {
    this.requests.push(structuredClone(message));
    this.handler?.(message, this);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: LayoutResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<LayoutResponse>);
  }
  fail(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

const small = graph(
  [
    ['$start', 'start'],
    ['a', 'screens'],
  ],
  [['$start', 'a']],
);
const sized = (n: number): LayoutGraphInput => ({
  nodes: Array.from({ length: n }, (_, k) => ({ id: `n${k}`, type: 'screens' })),
  edges: [],
});

afterEach(() => {
  vi.useRealTimers();
});

describe('layout client', () => {
  it('round-trips a request through the worker', async () => {
    const worker = new FakeWorker(
      (req, w) =>
        void layoutGraph(req.graph, { cache: false }).then((result) => w.reply({ type: 'result', id: req.id, result })),
    );
    const client = createLayoutClient({ workerFactory: () => worker });
    const result = await client.layout({ ...small, flow: { name: 'x' }, warnings: ['not sent'] } as LayoutGraphInput);
    expect(result.nodes.a).toEqual((await layoutGraph(small, { cache: false })).nodes.a);
    // Only what the layout reads crosses the boundary (labels size the Go To markers it keeps room for).
    expect(worker.requests[0]).toEqual({
      type: 'layout',
      id: 1,
      graph: {
        nodes: [
          { id: '$start', type: 'start', label: '$start' },
          { id: 'a', type: 'screens', label: 'a' },
        ],
        edges: [{ id: small.edges[0]?.id, source: '$start', target: 'a', kind: 'next', goTo: false }],
      },
    });
  });

  it('creates the worker lazily, once', async () => {
    const factory = vi.fn(
      () =>
        new FakeWorker((req, w) =>
          w.reply({
            type: 'result',
            id: req.id,
            result: { width: 0, height: 0, nodes: {}, edges: {}, engine: 'structured' },
          }),
        ),
    );
    const client = createLayoutClient({ workerFactory: factory });
    expect(factory).not.toHaveBeenCalled();
    await client.layout(small);
    await client.layout(small);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('rejects a superseded request and drops its late answer', async () => {
    const worker = new FakeWorker();
    const client = createLayoutClient({ workerFactory: () => worker });
    const first = client.layout(small);
    const second = client.layout(small);
    await expect(first).rejects.toBeInstanceOf(LayoutSupersededError);
    await first.catch((err: unknown) => expect(isSuperseded(err)).toBe(true));
    const [r1, r2] = worker.requests;
    expect(r2?.id).toBeGreaterThan(r1?.id ?? Infinity);
    const stale = { width: 1, height: 1, nodes: {}, edges: {}, engine: 'structured' as const };
    const fresh = { ...stale, width: 2 };
    worker.reply({ type: 'result', id: r1?.id ?? 0, result: stale });
    worker.reply({ type: 'result', id: r2?.id ?? 0, result: fresh });
    expect((await second).width).toBe(2);
  });

  it('times out with a named error and a clear message, and starts a fresh worker next time', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const client = createLayoutClient({
      timeoutMs: 20_000,
      workerFactory: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    const pending = client.layout(sized(3000));
    const caught = pending.catch((err: unknown) => err);
    await vi.advanceTimersByTimeAsync(20_001);
    const err = await caught;
    expect(err).toBeInstanceOf(LayoutTimeoutError);
    expect((err as Error).name).toBe('LayoutTimeoutError');
    expect((err as Error).message).toMatch(/^Laying out 3,000 elements took longer than 20 s/);
    expect(workers[0]?.terminated).toBe(true);
    void client.layout(small).catch(() => undefined);
    expect(workers).toHaveLength(2);
  });

  it('reports progress for big graphs only', async () => {
    const worker = new FakeWorker((req, w) => {
      w.reply({ type: 'progress', id: req.id, fraction: 0.5, phase: 'place' });
      w.reply({
        type: 'result',
        id: req.id,
        result: { width: 0, height: 0, nodes: {}, edges: {}, engine: 'structured' },
      });
    });
    const client = createLayoutClient({ workerFactory: () => worker });
    const big: [number, string][] = [];
    await client.layout(sized(PROGRESS_MIN_NODES), { onProgress: (f, phase) => big.push([f, phase]) });
    expect(big).toEqual([
      [0, 'queued'],
      [0.5, 'place'],
    ]);
    const tiny: [number, string][] = [];
    await client.layout(small, { onProgress: (f, phase) => tiny.push([f, phase]) });
    expect(tiny).toEqual([]);
  });

  it('turns worker errors into LayoutWorkerError', async () => {
    const workers: FakeWorker[] = [];
    const client = createLayoutClient({
      workerFactory: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    const a = client.layout(small);
    workers[0]?.reply({ type: 'error', id: workers[0]?.requests[0]?.id ?? 0, message: 'boom' });
    await expect(a).rejects.toThrow(LayoutWorkerError);
    const b = client.layout(small);
    workers[0]?.fail('script error');
    await expect(b).rejects.toThrow(/The layout worker failed: script error/);
    void client.layout(small).catch(() => undefined);
    expect(workers).toHaveLength(2);
  });

  it('dispose rejects what is pending and terminates the worker', async () => {
    const worker = new FakeWorker();
    const client = createLayoutClient({ workerFactory: () => worker });
    const pending = client.layout(small);
    client.dispose();
    await expect(pending).rejects.toBeInstanceOf(LayoutSupersededError);
    expect(worker.terminated).toBe(true);
  });
});
