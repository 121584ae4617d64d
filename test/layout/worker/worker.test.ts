import { describe, expect, it } from 'vitest';
import { createLayoutClient, type LayoutWorkerLike } from '../../../src/layout/worker/client';
import { layoutGraph } from '../../../src/layout/index';
import type { LayoutRequest, LayoutResponse } from '../../../src/layout/worker/messages';
import { generateFanOut } from '../../support/generate';
import { generatedGraph, parseToGraph, withoutTimings } from '../helpers';

/**
 * The real worker module, loaded in Node behind a fake global scope: messages go through worker.ts's
 * own handler, as they would in the browser (each delivery on its own task).
 */
async function realWorker(): Promise<{ worker: LayoutWorkerLike; served: number[] }> {
  const served: number[] = [];
  let toClient: ((event: MessageEvent<LayoutResponse>) => void) | null = null;
  const scope: {
    onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
    postMessage: (m: LayoutResponse) => void;
  } = {
    onmessage: null,
    postMessage: (m) => {
      if (m.type === 'result') served.push(m.id);
      setTimeout(() => toClient?.({ data: structuredClone(m) } as MessageEvent<LayoutResponse>), 0);
    },
  };
  (globalThis as { self?: unknown }).self = scope;
  await import('../../../src/layout/worker/worker');
  const worker: LayoutWorkerLike = {
    onerror: null,
    get onmessage() {
      return toClient;
    },
    set onmessage(fn) {
      toClient = fn;
    },
    postMessage: (m) =>
      setTimeout(() => scope.onmessage?.({ data: structuredClone(m) } as MessageEvent<LayoutRequest>), 0),
    terminate: () => undefined,
  };
  return { worker, served };
}

describe('layout worker', () => {
  it(
    'answers a client request with the same layout as Node, with progress for a big flow, ' +
      'and serves only the newest of queued requests',
    async () => {
      const { worker, served } = await realWorker();
      const client = createLayoutClient({ workerFactory: () => worker });
      const graph = generatedGraph(400, 2);
      const progress: string[] = [];
      const older = client.layout(generatedGraph(300, 9)).catch((err: unknown) => err);
      const result = await client.layout(graph, { onProgress: (_, phase) => progress.push(phase) });
      expect(((await older) as Error).name).toBe('LayoutSupersededError');
      expect(withoutTimings(result)).toEqual(withoutTimings(await layoutGraph(graph, { cache: false })));
      expect(progress).toContain('place');
      expect(progress[progress.length - 1]).toBe('done');
      // Both requests queued before the worker ran: it laid out only the newer one.
      expect(served).toEqual([2]);
      // A degraded picture crosses the worker unchanged: its notice and the bundle's routes.
      const fan = parseToGraph(generateFanOut(1000, 20, true).xml);
      const bundled = await client.layout(fan);
      expect(bundled.notice).toBe('1,000 parallel connectors drawn as 1 bundle');
      expect(withoutTimings(bundled)).toEqual(withoutTimings(await layoutGraph(fan, { cache: false })));
    },
  );
});
