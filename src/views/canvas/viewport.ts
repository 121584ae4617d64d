import type { Viewport } from '@xyflow/react';
import type { LayoutGeometry } from '../../layout/types';

const READABLE_ZOOM = 0.5;
const MARGIN = 24;
/** Room at the top for the Layout picker over the canvas's top-left corner. */
const TOP = 48;
/** The zoom a fitted flow is never drawn above: a two-element flow opens at its natural size, not blown up. */
const MAX_FIT_ZOOM = 1;

/** Room the overview map takes in the canvas's bottom-right corner (React Flow's 200×150 map, 15 px margin). */
export const MINI_BOX = { width: 230, height: 175 };

/** The whole flow fitted and centred in a `width`×`height` area at the canvas's top left. */
function fitIn(layout: LayoutGeometry, width: number, height: number): Viewport {
  const w = Math.max(2 * MARGIN + 1, width);
  const h = Math.max(TOP + MARGIN + 1, height);
  const zoom = Math.max(
    0.005,
    Math.min(
      MAX_FIT_ZOOM,
      (w - 2 * MARGIN) / Math.max(1, layout.width),
      (h - TOP - MARGIN) / Math.max(1, layout.height),
    ),
  );
  return { zoom, x: (w - layout.width * zoom) / 2, y: TOP + (h - TOP - MARGIN - layout.height * zoom) / 2 };
}

/**
 * The whole flow in view, centred (React Flow's fitView needs DOM nodes, which the far view has none of).
 * With the overview map shown, the drawing is kept off it: fitted beside it or above it, whichever is larger.
 */
export function fitViewport(layout: LayoutGeometry, width: number, height: number, mini = false): Viewport {
  const whole = fitIn(layout, width, height);
  if (!mini) return whole;
  const beside = fitIn(layout, width - MINI_BOX.width, height);
  const above = fitIn(layout, width, height - MINI_BOX.height);
  return beside.zoom >= above.zoom ? beside : above;
}

/**
 * The whole flow if it fits at a readable zoom; otherwise its top at a readable zoom, Start centred — but
 * never with the picture pulled off one side while the other side of the canvas stays empty (ELK and saved
 * positions can put Start near an edge of a wide picture).
 */
export function initialViewport(layout: LayoutGeometry, fullWidth: number, height: number, mini = false): Viewport {
  const fit = fitViewport(layout, fullWidth, height, mini);
  // Start at the top centre, beside the map when it is shown.
  const width = Math.max(2 * MARGIN + 1, fullWidth - (mini ? MINI_BOX.width : 0));
  if (fit.zoom >= READABLE_ZOOM) return fit;
  const zoom = Math.max(READABLE_ZOOM, Math.min(1, (width - 2 * MARGIN) / layout.width));
  const start = layout.nodes.$start ??
    Object.values(layout.nodes).sort((a, b) => a.y - b.y)[0] ?? { x: 0, y: 0, width: 0, height: 0 };
  const drawn = layout.width * zoom;
  const centred = width / 2 - (start.x + start.width / 2) * zoom;
  const x =
    drawn <= width - 2 * MARGIN ? (width - drawn) / 2 : Math.min(MARGIN, Math.max(width - MARGIN - drawn, centred));
  return { zoom, x, y: TOP - start.y * zoom };
}
