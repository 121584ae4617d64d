import type { Viewport } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { Comparison, LayoutData } from '../../state/store';
import { FAR_ZOOM } from '../canvas/far';
import { NOTICE_STYLE } from '../components/CanvasArea';
import { FlowCanvasPart } from '../lazyParts';
import { useApp } from '../storeContext';
import { changesFilter } from './visible';

const FlowCanvas = FlowCanvasPart;
const MARGIN = 24;
/** Never bigger than life: a few changes on a big screen are not blown up. */
const MAX_ZOOM = 1;

/**
 * Changes only opens with everything it shows in view, centred, at most at 100%. Past the zoom where the
 * canvas still draws cards (the far view draws boxes), it opens at that zoom on the top of the picture,
 * the first changes; n / p go to the rest.
 */
export function fitChanges(layout: LayoutData, width: number, height: number): Viewport {
  const fit = Math.min(
    MAX_ZOOM,
    (width - 2 * MARGIN) / Math.max(1, layout.width),
    (height - 2 * MARGIN) / Math.max(1, layout.height),
  );
  const zoom = Math.max(fit, FAR_ZOOM);
  const x = (width - layout.width * zoom) / 2;
  return fit >= FAR_ZOOM ? { zoom, x, y: (height - layout.height * zoom) / 2 } : { zoom, x, y: MARGIN };
}

/**
 * Changes only: its own graph (the changes, their neighbours, the folds between them) laid out by the store
 * once the comparison is; a fold is expanded with a click, or when something folded is selected (search).
 */
export function ChangesCanvas({
  comparison,
  renamedFrom,
  labelsWas,
}: {
  comparison: Comparison;
  renamedFrom: ReadonlyMap<string, string>;
  labelsWas: ReadonlyMap<string, string | undefined>;
}) {
  const view = useApp((s) => s.changesView);
  const showChanges = useApp((s) => s.showChanges);
  const expandFold = useApp((s) => s.expandFold);
  const setDiffMode = useApp((s) => s.setDiffMode);
  const union = useApp((s) => s.layout.status);
  const selection = useApp((s) => s.selection);
  // biome-ignore lint/correctness/useExhaustiveDependencies: again for another comparison, its layout done or not
  useEffect(() => {
    if (union === 'done') void showChanges();
  }, [showChanges, union, comparison]);
  const current = view?.diff === comparison.diff ? view : undefined;
  const folded = current?.folded;
  useEffect(() => {
    const fold = selection === undefined ? undefined : folded?.foldOf.get(selection);
    if (fold) void expandFold(fold);
  }, [selection, folded, expandFold]);
  const layout = current?.layout.status === 'done' ? current.layout.layout : undefined;
  const filter = useMemo(
    () => (folded && layout ? changesFilter(folded, comparison.diff.graph, layout.nodes) : undefined),
    [folded, layout, comparison],
  );
  if (folded && folded.changed.size === 0) {
    const others = comparison.changes.length;
    return (
      <div className="changes-empty" role="status">
        <p>
          <strong>No changes to show</strong> on the canvas: no element or connector changed.
          {others > 0 ? ` The ${others} other change${others === 1 ? ' is' : 's are'} listed under Changes.` : ''}
        </p>
        <button type="button" onClick={() => setDiffMode('overlay')}>
          Show the whole flow
        </button>
      </div>
    );
  }
  if (current?.layout.status === 'error') {
    return (
      <div className="layout-status is-error" role="alert">
        Could not lay out the changes: {current.layout.message}
      </div>
    );
  }
  if (!folded || !layout || !filter) {
    return (
      <div className="layout-status" role="status" aria-live="polite">
        {current?.layout.status === 'running' && current.layout.progress
          ? current.layout.progress
          : 'Laying out the changes…'}
      </div>
    );
  }
  return (
    <>
      {layout.notice ? (
        <div className="layout-notice" role="status" style={NOTICE_STYLE}>
          {layout.notice}
        </div>
      ) : null}
      <FlowCanvas
        doc={comparison.after.doc}
        graph={folded.graph}
        layout={layout}
        filter={filter}
        renamedFrom={renamedFrom}
        labelsWas={labelsWas}
        label="Changes only"
        initialView={fitChanges}
      />
    </>
  );
}
