/** Shared finishing of a layout: shift everything to start at (0, 0) and measure the picture. */
import { idRecord } from './records';
import type { Box, EdgeRoute, LayoutResult, Point } from './types';

const round = (v: number) => Math.round(v * 1000) / 1000 + 0;

/** Boxes and routes by id (Maps: ids may be `__proto__`…) → the result's null-prototype records. */
export function finish(
  nodes: ReadonlyMap<string, Box>,
  edges: ReadonlyMap<string, EdgeRoute>,
): Pick<LayoutResult, 'width' | 'height' | 'nodes' | 'edges'> {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const grow = (x: number, y: number, w = 0, h = 0) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
  };
  for (const b of nodes.values()) grow(b.x, b.y, b.width, b.height);
  for (const e of edges.values()) {
    for (const p of e.points) grow(p.x, p.y);
    if (e.label) grow(e.label.x, e.label.y, e.label.width, e.label.height);
  }
  if (x0 === Infinity) return { width: 0, height: 0, nodes: idRecord(), edges: idRecord() };
  const outNodes = idRecord<Box>();
  for (const [id, b] of nodes)
    outNodes[id] = { x: round(b.x - x0), y: round(b.y - y0), width: b.width, height: b.height };
  const outEdges = idRecord<EdgeRoute>();
  for (const [id, e] of edges) {
    const shift = (points: Point[]) => points.map((p) => ({ x: round(p.x - x0), y: round(p.y - y0) }));
    const route: EdgeRoute = { points: shift(e.points) };
    if (e.label) route.label = { ...e.label, x: round(e.label.x - x0), y: round(e.label.y - y0) };
    if (e.jump) route.jump = { stub: shift(e.jump.stub) };
    outEdges[id] = route;
  }
  return { width: round(x1 - x0), height: round(y1 - y0), nodes: outNodes, edges: outEdges };
}
