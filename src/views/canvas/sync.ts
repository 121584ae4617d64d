import type { Viewport } from '@xyflow/react';

/** Side-by-side canvases move together: a pan or zoom on one is replayed on the others. */
export interface ViewportSync {
  publish: (from: object, viewport: Viewport) => void;
  subscribe: (me: object, apply: (viewport: Viewport) => void) => () => void;
}

export function createViewportSync(): ViewportSync {
  const listeners = new Map<object, (v: Viewport) => void>();
  return {
    publish: (from, viewport) => {
      for (const [who, apply] of listeners) if (who !== from) apply(viewport);
    },
    subscribe: (me, apply) => {
      listeners.set(me, apply);
      return () => listeners.delete(me);
    },
  };
}
