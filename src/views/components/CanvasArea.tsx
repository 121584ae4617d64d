import { Suspense } from 'react';
import { FlowCanvasPart } from '../lazyParts';
import { selectFlow, selectLayout } from '../../state/store';
import { useApp } from '../storeContext';

// React Flow and its CSS load after the first paint of the page shell.
const FlowCanvas = FlowCanvasPart;

/** The canvas, or what the layout is doing: progress for big flows, a clear message on failure. */
export function CanvasArea() {
  const flow = useApp(selectFlow);
  const layout = useApp(selectLayout);
  if (!flow)
    return <div className="layout-status">Drop a flow file anywhere, paste one (Ctrl/Cmd+V), or open a sample.</div>;
  if (layout.status === 'error') {
    return (
      <div className="layout-status is-error" role="alert">
        Could not lay out this flow: {layout.message}
      </div>
    );
  }
  if (layout.status !== 'done') {
    const n = flow.graph.nodes.length;
    return (
      <div className="layout-status" role="status" aria-live="polite">
        {layout.status === 'running' && layout.progress
          ? layout.progress
          : `Laying out ${n.toLocaleString('en-US')} element${n === 1 ? '' : 's'}…`}
      </div>
    );
  }
  return (
    <Suspense fallback={<div className="layout-status">Loading the canvas…</div>}>
      <FlowCanvas doc={flow.doc} graph={flow.graph} layout={layout.layout} />
    </Suspense>
  );
}
