import { Suspense, useMemo } from 'react';
import { FlowCanvasPart } from '../lazyParts';
import type { Comparison, DiffMode, LayoutData } from '../../state/store';
import { selectComparison, selectLayout } from '../../state/store';
import { createViewportSync } from '../canvas/sync';
import { useApp } from '../storeContext';
import { visibleIn } from './visible';
import { ChangesCanvas } from './ChangesCanvas';
import { Legend } from './Legend';
import { beforeLabels } from './sideLabels';
import { NOTICE_STYLE } from '../components/CanvasArea';
import { BeforeSide } from '../canvas/side';

const FlowCanvas = FlowCanvasPart;

/** The comparison's canvas: one union layout, drawn per mode; side by side = two synchronised canvases. */
export function DiffCanvasArea() {
  const comparison = useApp(selectComparison);
  const layout = useApp(selectLayout);
  const mode = useApp((s) => s.diffMode);
  if (!comparison) return null;
  if (layout.status === 'error') {
    return (
      <div className="layout-status is-error" role="alert">
        Could not lay out this comparison: {layout.message}
      </div>
    );
  }
  if (layout.status !== 'done') {
    const n = comparison.diff.graph.nodes.length;
    return (
      <div className="layout-status" role="status" aria-live="polite">
        {layout.status === 'running' && layout.progress
          ? layout.progress
          : `Laying out ${n.toLocaleString('en-US')} elements of both versions…`}
      </div>
    );
  }
  return (
    <>
      {layout.layout.notice && mode !== 'changes' ? (
        <div className="layout-notice" role="status" style={NOTICE_STYLE}>
          {layout.layout.notice}
        </div>
      ) : null}
      <Suspense fallback={<div className="layout-status">Loading the canvas…</div>}>
        <DiffCanvases comparison={comparison} layout={layout.layout} mode={mode} />
      </Suspense>
    </>
  );
}

function DiffCanvases({ comparison, layout, mode }: { comparison: Comparison; layout: LayoutData; mode: DiffMode }) {
  const { diff, before, after } = comparison;
  const renamedFrom = useMemo(
    () => new Map(diff.nodes.filter((n) => n.renamedFrom).map((n) => [n.id, `was ${n.renamedFrom as string}`])),
    [diff],
  );
  // On the Before side the element still has its old name: its badge says what it becomes.
  const renamedTo = useMemo(
    () => new Map(diff.nodes.filter((n) => n.renamedFrom).map((n) => [n.id, `now ${n.id}`])),
    [diff],
  );
  const sync = useMemo(() => createViewportSync(), []);
  const oldLabels = useMemo(() => beforeLabels(comparison), [comparison]);
  const filters = useMemo(
    () =>
      mode === 'side'
        ? [visibleIn(diff.graph, 'side-before'), visibleIn(diff.graph, 'side-after')]
        : [visibleIn(diff.graph, mode)],
    [diff, mode],
  );
  if (mode === 'changes') {
    return (
      <div className="diff-area">
        <div className="diff-single">
          <ChangesCanvas comparison={comparison} renamedFrom={renamedFrom} labelsWas={oldLabels.edges} />
        </div>
        <Legend />
      </div>
    );
  }
  if (mode === 'side') {
    return (
      <div className="diff-area">
        <div className="diff-side-by-side">
          <section className="diff-pane" aria-label="Before">
            <h3 className="diff-pane-title">Before · {before.doc.label}</h3>
            <BeforeSide.Provider value={true}>
              <FlowCanvas
                doc={before.doc}
                graph={diff.graph}
                layout={layout}
                filter={filters[0]}
                renamedFrom={renamedTo}
                sync={sync}
                label="Before"
                labels={oldLabels}
              />
            </BeforeSide.Provider>
          </section>
          <section className="diff-pane" aria-label="After">
            <h3 className="diff-pane-title">After · {after.doc.label}</h3>
            <FlowCanvas
              doc={after.doc}
              graph={diff.graph}
              layout={layout}
              filter={filters[1]}
              renamedFrom={renamedFrom}
              sync={sync}
              label="After"
              labelsWas={oldLabels.edges}
            />
          </section>
        </div>
        <Legend />
      </div>
    );
  }
  return (
    <div className="diff-area">
      <div className="diff-single">
        <BeforeSide.Provider value={mode === 'before'}>
          <FlowCanvas
            doc={mode === 'before' ? before.doc : after.doc}
            graph={diff.graph}
            layout={layout}
            filter={filters[0]}
            renamedFrom={mode === 'before' ? renamedTo : renamedFrom}
            labels={mode === 'before' ? oldLabels : undefined}
            labelsWas={mode === 'before' ? undefined : oldLabels.edges}
            label={mode === 'before' ? 'Before' : mode === 'after' ? 'After' : 'Comparison'}
          />
        </BeforeSide.Provider>
      </div>
      <Legend />
    </div>
  );
}
