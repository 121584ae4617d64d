/**
 * The far view's rule and hit test, apart from its drawing (FarView.tsx, loaded when a canvas is first zoomed
 * out that far: small flows never need it).
 */
import type { LayoutData } from '../../state/store';

/** Below this zoom labels cannot be read; the canvas draws boxes and lines on one <canvas> instead of DOM nodes. */
export const FAR_ZOOM = 0.3;

/** The element under a point in flow coordinates (the far view has no DOM nodes to click); never an End. */
export function nodeAt(layout: LayoutData, x: number, y: number): string | undefined {
  for (const [id, b] of Object.entries(layout.nodes))
    if (!id.startsWith('$end:') && x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) return id;
  return undefined;
}
