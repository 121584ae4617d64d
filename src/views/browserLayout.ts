import { createLayoutClient, isSuperseded, type LayoutClient } from '../layout/index';
import type { LayoutService } from '../state/store';

let client: LayoutClient | undefined;

/**
 * The browser's layout service: the layout worker (started on the first flow, ELK inside it only when
 * a free-form flow needs it). A superseded request never resolves, so it can neither show nor fail.
 */
export const browserLayout: LayoutService = (graph, onProgress, request) => {
  client ??= createLayoutClient();
  const n = graph.nodes.length.toLocaleString('en-US');
  return client
    .layout(request?.positions ? { ...graph, positions: request.positions } : graph, {
      ...(request ? { engine: request.engine } : {}),
      onProgress: (fraction, phase) =>
        onProgress(`Laying out ${n} elements… ${Math.round(fraction * 100)}% (${phase})`),
    })
    .catch((e: unknown) => (isSuperseded(e) ? new Promise<never>(() => undefined) : Promise.reject(e)));
};
