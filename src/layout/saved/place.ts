/**
 * Cards where the author put them: saved coordinates scaled to our (much bigger) cards, near-equal ones
 * snapped together, then pushed apart along one axis at a time until no two cards are closer than the
 * routing margins. Both axes keep the saved order: if a was saved left of b, a's card is drawn no further
 * right than b's (its left edge and its centre), and the same top to bottom.
 */
import { NODE_SIZE, nodeSize, type Size } from '../structured/sizes';
import type { Box, LayoutGraphInput, Point } from '../types';
import { Axis } from './axis';

/** Clear space between two cards side by side, and one above the other: room for connectors and labels. */
export const MARGIN_X = 80;
export const MARGIN_Y = 72;
/** Saved coordinates this close (Builder px) snap together: an author's hand-aligned column or row. */
const SNAP = 16;
/** Builder's usual spacing of free-form icons, when the flow has no neighbours to measure. */
const BUILDER_GAP_X = 180;
const BUILDER_GAP_Y = 130;
/** How far apart two neighbouring classes are drawn at most, in card steps. */
const CAP_STEPS = 2.5;

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);
const finitePoint = (p: unknown): p is Point =>
  typeof p === 'object' && p !== null && Number.isFinite((p as Point).x) && Number.isFinite((p as Point).y);

/** The saved position of each node (index-aligned with graph.nodes), or undefined. */
export function savedOf(graph: LayoutGraphInput): (Point | undefined)[] {
  const positions = graph.positions;
  return graph.nodes.map((n) => {
    const p = positions && hasOwn(positions, n.id) ? positions[n.id] : undefined;
    return finitePoint(p) ? { x: p.x, y: p.y } : undefined;
  });
}

function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] as number;
}

/** The flow's own spacing: the median distance to the nearest neighbour right in a row, and below in a column. */
function spacing(pts: Point[]): { gx: number; gy: number } {
  const dxs: number[] = [];
  const dys: number[] = [];
  const sorted = [...pts].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Point;
    let right = Infinity;
    let below = Infinity;
    for (let j = 0; j < sorted.length; j++) {
      const b = sorted[j] as Point;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      if (dx > SNAP && Math.abs(dy) < 60 && dx < right) right = dx;
      if (dy > SNAP && Math.abs(dx) < 100 && dy < below) below = dy;
    }
    if (right < Infinity) dxs.push(right);
    if (below < Infinity) dys.push(below);
  }
  return { gx: median(dxs, BUILDER_GAP_X), gy: median(dys, BUILDER_GAP_Y) };
}

/**
 * Saved positions for the nodes that have none, from their neighbours: the start just above the element it
 * leads to, a placeholder (or any element without a position) just right of its source, else under its
 * target; what is left in a row under everything.
 */
function fillIn(graph: LayoutGraphInput, saved: (Point | undefined)[], gx: number, gy: number): Point[] {
  const index = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });
  const out: (Point | undefined)[] = [...saved];
  const known = saved.filter((p): p is Point => p !== undefined);
  const minX = Math.min(...known.map((p) => p.x), 0);
  let maxY = Math.max(...known.map((p) => p.y), 0);
  for (let pass = 0; pass < 4; pass++) {
    let progress = false;
    for (const e of graph.edges) {
      const s = index.get(e.source);
      const t = index.get(e.target);
      if (s === undefined || t === undefined || s === t) continue;
      const ps = out[s];
      const pt = out[t];
      if (!pt && ps) {
        out[t] = { x: ps.x + gx / 2, y: ps.y };
        progress = true;
      } else if (!ps && pt) {
        out[s] = graph.nodes[s]?.type === 'start' ? { x: pt.x, y: pt.y - gy / 2 } : { x: pt.x + gx / 2, y: pt.y };
        progress = true;
      }
    }
    if (!progress) break;
  }
  let x = minX;
  maxY += gy;
  return out.map((p) => {
    if (p) return p;
    const q = { x, y: maxY };
    x += gx;
    return q;
  });
}

/**
 * Exact duplicates (several nodes saved at one point) cannot be told apart by any order-keeping map: all but
 * the first get a tie rank, which gives each a class of its own on the x axis (drawn side by side).
 */
function duplicateRanks(pts: Point[]): number[] {
  const seen = new Map<string, number>();
  return pts.map((p) => {
    const key = `${p.x},${p.y}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return k;
  });
}

export interface Placement {
  boxes: Box[];
  sizes: Size[];
}

export function placeSaved(graph: LayoutGraphInput): Placement {
  const sizes = graph.nodes.map((n) => nodeSize(n.type));
  const saved = savedOf(graph);
  const known = saved.filter((p): p is Point => p !== undefined);
  const { gx, gy } = spacing(known);
  const pts = fillIn(graph, saved, gx, gy);
  const tie = duplicateRanks(pts);
  const dup = new Set<number>();
  tie.forEach((t, i) => {
    if (t > 0) dup.add((pts[i] as Point).x);
  });
  const alone = pts.map((p) => dup.has(p.x));
  const W = NODE_SIZE.width;
  const H = NODE_SIZE.height;
  const odd = sizes.map((s) => s.width !== W || s.height !== H);
  const sx = Math.min(4, Math.max(1, (W + MARGIN_X) / gx));
  const sy = Math.min(3, Math.max(0.6, (H + MARGIN_Y) / gy));
  const ax = new Axis({
    value: pts.map((p) => p.x),
    other: pts.map((p) => p.y),
    otherTol: SNAP,
    offset: sizes.map((s) => (W - s.width) / 2),
    alone: alone.map((a, i) => a || (odd[i] as boolean)),
    tie,
    snap: SNAP,
    scale: sx,
    cap: CAP_STEPS * (W + MARGIN_X),
  });
  const ay = new Axis({
    value: pts.map((p) => p.y),
    other: [...ax.classOf],
    otherTol: 0,
    offset: sizes.map((s) => (H - s.height) / 2),
    alone: odd,
    snap: SNAP,
    scale: sy,
    cap: CAP_STEPS * (H + MARGIN_Y),
  });
  const n = pts.length;
  const dx = sizes.map((s) => (W - s.width) / 2);
  const dy = sizes.map((s) => (H - s.height) / 2);
  const left = (i: number) => ax.anchor(ax.classOf[i] as number) + (dx[i] as number);
  const top = (i: number) => ay.anchor(ay.classOf[i] as number) + (dy[i] as number);
  const maxH = Math.max(H, ...sizes.map((s) => s.height));
  const spread = Math.max(0, ...dy) - Math.min(0, ...dy);
  const order = [...Array(n).keys()].sort(
    (a, b) =>
      (ay.classOf[a] as number) - (ay.classOf[b] as number) || (ax.classOf[a] as number) - (ax.classOf[b] as number),
  );
  for (let p = 1; p < n; p++) {
    const j = order[p] as number;
    for (let q = p - 1; q >= 0; q--) {
      const i = order[q] as number;
      if (ay.anchor(ay.classOf[j] as number) - ay.anchor(ay.classOf[i] as number) >= maxH + MARGIN_Y + spread) break;
      separate(i, j);
    }
  }

  /** Pushes i and j apart along the axis where they are already further apart (relative to the room needed). */
  function separate(i: number, j: number): void {
    const si = sizes[i] as Size;
    const sj = sizes[j] as Size;
    const cxi = ax.classOf[i] as number;
    const cxj = ax.classOf[j] as number;
    const cyi = ay.classOf[i] as number;
    const cyj = ay.classOf[j] as number;
    const shortX =
      cxi < cxj
        ? si.width + MARGIN_X - (left(j) - left(i))
        : cxi > cxj
          ? sj.width + MARGIN_X - (left(i) - left(j))
          : Infinity;
    const shortY =
      cyi < cyj
        ? si.height + MARGIN_Y - (top(j) - top(i))
        : cyi > cyj
          ? sj.height + MARGIN_Y - (top(i) - top(j))
          : Infinity;
    if (shortX <= 0 || shortY <= 0) return;
    if (shortX / (W + MARGIN_X) <= shortY / (H + MARGIN_Y)) ax.push(Math.max(cxi, cxj), shortX);
    else ay.push(Math.max(cyi, cyj), shortY);
  }

  const boxes = sizes.map((s, i) => ({ x: left(i), y: top(i), width: s.width, height: s.height }));
  return { boxes, sizes };
}
