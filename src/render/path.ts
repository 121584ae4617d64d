/**
 * Connector geometry shared by the canvas (views/canvas/FlowEdge.tsx) and the SVG export: standalone,
 * so the canvas does not pull the renderer into the first screen.
 */
import type { Point } from '../layout/types';

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** An SVG path through the route, corners rounded like Builder's connectors (the canvas draws edges with it too). */
export function roundedPath(points: readonly Point[], radius = 8): string {
  if (points.length === 0) return '';
  const [first] = points as [Point];
  let d = `M${n(first.x)},${n(first.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1] as Point;
    const cur = points[i] as Point;
    const next = points[i + 1] as Point;
    const r = Math.min(radius, dist(prev, cur) / 2, dist(cur, next) / 2);
    const a = toward(cur, prev, r);
    const b = toward(cur, next, r);
    d += ` L${n(a.x)},${n(a.y)} Q${n(cur.x)},${n(cur.y)} ${n(b.x)},${n(b.y)}`;
  }
  const last = points[points.length - 1] as Point;
  return `${d} L${n(last.x)},${n(last.y)}`;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
function toward(from: Point, to: Point, r: number): Point {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * r) / d, y: from.y + ((to.y - from.y) * r) / d };
}
