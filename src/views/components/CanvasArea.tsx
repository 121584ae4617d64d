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
  const notice = layout.layout.notice;
  return (
    <>
      {notice ? (
        <div className="layout-notice" role="status" style={NOTICE_STYLE}>
          {notice}
        </div>
      ) : null}
      <Suspense fallback={<div className="layout-status">Loading the canvas…</div>}>
        <FlowCanvas doc={flow.doc} graph={flow.graph} layout={layout.layout} />
      </Suspense>
    </>
  );
}

/** A degraded picture says so (the layout's notice): a small line above the canvas. */
export const NOTICE_STYLE = {
  position: 'absolute',
  top: 6,
  left: 0,
  right: 0,
  zIndex: 5,
  textAlign: 'center',
  fontSize: 12,
  color: 'var(--muted)',
  pointerEvents: 'none',
} as const;
