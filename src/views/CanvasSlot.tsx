import { Suspense } from 'react';
import { CanvasArea } from './components/CanvasArea';
import { DiffCanvasPart as DiffCanvasArea } from './lazyParts';

/** The single flow's canvas, or the comparison's (its code loaded on first use). */
export function CanvasSlot({ comparing }: { comparing: boolean }) {
  if (!comparing) return <CanvasArea />;
  return (
    <Suspense fallback={<div className="layout-status">Loading the comparison…</div>}>
      <DiffCanvasArea />
    </Suspense>
  );
}
