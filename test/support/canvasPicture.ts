/**
 * The canvas's picture of a layout, as the app draws it (views/canvas/model.ts builds what React Flow
 * draws; FlowEdge.tsx and canvas.css say where the pills go and how big they are): cards (elements,
 * Ends, folds), each connector's drawn line (a Go To's stub until selected) and every pill — label pills
 * 20px high and as wide as their text plus 16px (capped at 260), centred on the layout's label box; stub
 * markers 18px high, as wide as their text plus 14px (capped at 200), 4px right of the stub's end,
 * stacked in their slots. Text widths are the SVG's estimates (render/text.ts). For checkGeometry.
 */
import type { LayoutGeometry, Point } from '../../src/layout/types';
import type { FlowGraph } from '../../src/model/graph';
import { textWidth } from '../../src/render/text';
import { type CanvasFilter, toFlowElements } from '../../src/views/canvas/model';
import type { Box, Picture, PictureEdge } from './picture';

export function canvasPicture(graph: FlowGraph, layout: LayoutGeometry, filter?: CanvasFilter): Picture {
  const { nodes, edges } = toFlowElements(graph, layout, undefined, filter);
  const cards = new Map<string, Box>();
  for (const n of nodes)
    cards.set(n.id, { x: n.position.x, y: n.position.y, width: n.width as number, height: n.height as number });
  const lines: PictureEdge[] = [];
  const labels: Box[] = [];
  for (const e of edges) {
    const d = e.data;
    if (!d) continue;
    const stubbed = d.stub !== undefined && d.stub.length >= 2;
    const points = stubbed ? (d.stub as Point[]) : d.points;
    const segments = [];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1] as Point;
      const b = points[i] as Point;
      if (a.x !== b.x || a.y !== b.y) segments.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    }
    lines.push({ source: e.source, target: e.target, kind: d.kind, stub: stubbed, segments });
    const mark = d.status === 'added' ? '+ ' : d.status === 'removed' ? '− ' : d.labelWas !== undefined ? '~ ' : '';
    if (stubbed) {
      const end = points[points.length - 1] as Point;
      const lead = d.kind === 'fault' ? 'Fault → ' : d.label && d.kind !== 'next' ? `${d.label} → ` : '↪ ';
      const width = Math.min(200, Math.ceil(textWidth(mark + lead + (d.targetLabel ?? ''), 11)) + 14);
      const slot = d.stubSlot ?? 0;
      const twin = d.stubTwin === true;
      const dy =
        slot > 0 ? -9 + slot * 20 : twin && d.status === 'removed' ? 1.8 : twin && d.status === 'added' ? -19.8 : -9;
      labels.push({ x: end.x + 4, y: end.y + dy, width, height: 18 });
    } else if (d.label && d.labelBox) {
      const bold = d.kind === 'loopNext' || d.kind === 'loopEnd' || d.status === 'added';
      const width = Math.min(260, Math.ceil(textWidth(mark + d.label, 12, bold)) + 16);
      const cx = d.labelBox.x + d.labelBox.width / 2;
      const cy = d.labelBox.y + d.labelBox.height / 2;
      labels.push({ x: cx - width / 2, y: cy - 10, width, height: 20 });
    }
  }
  return { cards, edges: lines, labels };
}
