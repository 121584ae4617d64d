/**
 * Jumps (Go To connectors, and connectors drawn as Go To) never shape the layout: once every element is
 * placed, each leaves rightward to a vertical channel right of every element between its two ends,
 * and enters its target's right side. Parallel channels keep apart.
 */
import { labelSize } from './sizes';
import type { Box, EdgeRoute, Point } from '../types';
import { tidy } from './route';
import { STUB } from './place';

const JUMP_MARGIN = 32;
const LANE = 10;

export interface JumpRequest {
  /** Points so far; the line continues rightward from the last one. */
  points: Point[];
  target: Box;
  label?: EdgeRoute['label'];
  /** Label text to place by the channel when `label` is not given. */
  text?: string;
}

/**
 * The rightmost occupied x over a range of y, in bands of BAND px (conservative: an obstacle counts for
 * every band it touches).
 */
const BAND = 32;
class RightIndex {
  private readonly top: number;
  private readonly right: Float64Array;
  constructor(obstacles: Box[]) {
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const b of obstacles) {
      y0 = Math.min(y0, b.y);
      y1 = Math.max(y1, b.y + b.height);
    }
    this.top = Number.isFinite(y0) ? y0 : 0;
    this.right = new Float64Array(Number.isFinite(y1) ? Math.floor((y1 - this.top) / BAND) + 1 : 0).fill(-Infinity);
    for (const b of obstacles) {
      const r = b.x + b.width;
      for (let k = this.band(b.y); k <= this.band(b.y + b.height); k++)
        if (r > (this.right[k] as number)) this.right[k] = r;
    }
  }
  private band(y: number): number {
    return Math.min(this.right.length - 1, Math.max(0, Math.floor((y - this.top) / BAND)));
  }
  /**
   * levels[j][k]: the rightmost x over bands k … k + 2^j − 1 (a sparse table), so a jump spanning the
   * whole flow costs two look-ups, not one per band (20,000 jumps back to the top took 6 s).
   */
  private levels: Float64Array[] | undefined;
  rightmost(y0: number, y1: number): number {
    if (this.right.length === 0) return -Infinity;
    const a = this.band(y0);
    const b = this.band(y1);
    if (b < a) return -Infinity;
    if (!this.levels) {
      this.levels = [this.right];
      for (let w = 1; 2 * w <= this.right.length; w *= 2) {
        const prev = this.levels[this.levels.length - 1] as Float64Array;
        const next = new Float64Array(prev.length - w);
        for (let k = 0; k < next.length; k++) next[k] = Math.max(prev[k] as number, prev[k + w] as number);
        this.levels.push(next);
      }
    }
    const j = 31 - Math.clz32(b - a + 1);
    const level = this.levels[j] as Float64Array;
    return Math.max(level[a] as number, level[b - (1 << j) + 1] as number);
  }
}

/** Boxes for what a jump's channel must keep right of: elements, labels and the other routes' segments. */
export function obstaclesOf(nodes: Iterable<Box>, routes: Iterable<EdgeRoute>): Box[] {
  const out: Box[] = [...nodes];
  for (const r of routes) {
    if (r.label) out.push(r.label);
    for (let k = 1; k < r.points.length; k++) {
      const p = r.points[k - 1] as Point;
      const q = r.points[k] as Point;
      out.push({
        x: Math.min(p.x, q.x),
        y: Math.min(p.y, q.y),
        width: Math.abs(p.x - q.x),
        height: Math.abs(p.y - q.y),
      });
    }
  }
  return out;
}

/** Routes every request, each channel right of every obstacle between its two ends. */
export function routeJumps(requests: JumpRequest[], obstacles: Box[]): EdgeRoute[] {
  const index = new RightIndex(obstacles);
  const rightmost = (y0: number, y1: number) => index.rightmost(y0, y1);
  const channels: { x: number; y0: number; y1: number }[] = [];
  const labels: Box[] = [];

  return requests.map((req) => {
    const start = req.points[req.points.length - 1] as Point;
    const t = req.target;
    const ty = t.y + t.height / 2;
    const tr = t.x + t.width;
    const lab = req.label ? undefined : req.text ? labelSize(req.text) : undefined;
    const pad = lab ? lab.height : 0;
    const y0 = Math.min(start.y, ty) - pad;
    const y1 = Math.max(start.y, ty) + pad;
    let x = Math.max(rightmost(y0, y1), start.x, tr) + JUMP_MARGIN;
    // Keep clear of channels already used over an overlapping span.
    for (let moved = true; moved; ) {
      moved = false;
      for (const c of channels) {
        if (c.y0 <= y1 && y0 <= c.y1 && Math.abs(c.x - x) < LANE) {
          x = c.x + LANE;
          moved = true;
        }
      }
    }
    channels.push({ x, y0, y1 });
    const points = tidy([...req.points, { x, y: start.y }, { x, y: ty }, { x: tr, y: ty }]);
    let label = req.label;
    if (!label && lab && req.text) {
      label = { x: x + 4, y: start.y - lab.height / 2, width: lab.width, height: lab.height, text: req.text };
      // Jumps leaving one element side by side would stack their labels: move along to the right.
      for (let moved = true; moved; ) {
        moved = false;
        for (const other of labels) {
          if (
            other.x < label.x + label.width &&
            label.x < other.x + other.width &&
            other.y < label.y + label.height &&
            label.y < other.y + other.height
          ) {
            label.x = other.x + other.width + 4;
            moved = true;
          }
        }
      }
      labels.push(label);
    }
    const stub = tidy(req.points.length > 1 ? req.points : [start, { x: start.x + STUB, y: start.y }]);
    return label ? { points, label, jump: { stub } } : { points, jump: { stub } };
  });
}
