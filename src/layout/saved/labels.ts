/**
 * Label pills of the saved picture: on their connector, on a stretch no other connector shares when there
 * is one, as near its start as fits, touching no card and no other pill. A label that fits nowhere on its
 * connector goes to the nearest free spot beside it.
 */
import type { Box, EdgeRoute, Point } from '../types';

/** The pill the SVG draws (render/edges.ts): 12px text (bold at worst, with a diff's "+ "), 8px padding, 18 high. */
export function pillSize(text: string): { width: number; height: number } {
  let em = 0;
  for (const c of `+ ${text}`) {
    const code = c.codePointAt(0) ?? 0;
    em +=
      code > 0x2e80
        ? 1
        : "il.,:;|!'`ijtf()[] ".includes(c)
          ? 0.32
          : 'mwMW@%'.includes(c)
            ? 0.85
            : c >= 'A' && c <= 'Z'
              ? 0.7
              : 0.62;
  }
  return { width: Math.min(262, Math.ceil(em * 12 * 1.1) + 18), height: 20 };
}

const CELL = 256;
const PAD = 3;

/** Boxes in a bucket grid, for "does this box touch any?" */
export class BoxIndex {
  private readonly cells = new Map<number, Box[]>();

  private keys(b: Box): number[] {
    const out: number[] = [];
    const i0 = Math.floor(b.x / CELL);
    const i1 = Math.floor((b.x + b.width) / CELL);
    const j0 = Math.floor(b.y / CELL);
    const j1 = Math.floor((b.y + b.height) / CELL);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) out.push(i * 1_000_003 + j);
    return out;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  touches(b: Box, pad = PAD): boolean {
    for (const k of this.keys(b)) {
      for (const o of this.cells.get(k) ?? []) {
        if (
          b.x < o.x + o.width + pad &&
          o.x < b.x + b.width + pad &&
          b.y < o.y + o.height + pad &&
          o.y < b.y + b.height + pad
        )
          return true;
      }
    }
    return false;
  }
}

export interface LabelRequest {
  route: EdgeRoute;
  text: string;
  /** Whether the route's stretch through a point (running horizontally or not) is shared with another connector. */
  shared: (c: Point, horizontal: boolean) => boolean;
}

const STEP = 6;

/** Sets `route.label` on each request, in order. */
export function placeLabels(requests: LabelRequest[], cards: BoxIndex, taken: BoxIndex): void {
  for (const req of requests) {
    const size = pillSize(req.text);
    const at = (c: Point): Box => ({
      x: c.x - size.width / 2,
      y: c.y - size.height / 2,
      width: size.width,
      height: size.height,
    });
    const free = (b: Box) => !cards.touches(b) && !taken.touches(b);
    let best: Box | undefined;
    let bestScore = Infinity;
    let walked = 0;
    const pts = req.route.points;
    for (let k = 1; k < pts.length && bestScore > 0; k++) {
      const a = pts[k - 1] as Point;
      const b = pts[k] as Point;
      const len = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
      const ux = Math.sign(b.x - a.x);
      const uy = Math.sign(b.y - a.y);
      for (let t = 0; t <= len; t += STEP) {
        const c = { x: a.x + ux * t, y: a.y + uy * t };
        const score = (req.shared(c, uy === 0) ? 100_000 : 0) + walked + t;
        if (score >= bestScore) break;
        const box = at(c);
        if (free(box)) {
          best = box;
          bestScore = score;
          break;
        }
      }
      walked += len;
    }
    best ??= beside(pts, at, free);
    if (!best) continue;
    taken.add(best);
    req.route.label = { ...best, text: req.text };
  }
}

/** The nearest free spot around the route's middle point, in growing rings. */
function beside(pts: Point[], at: (c: Point) => Box, free: (b: Box) => boolean): Box | undefined {
  const mid = pts[Math.floor(pts.length / 2)] as Point;
  for (let r = STEP; r <= 2000; r += STEP * 2) {
    for (let k = 0; k < 16; k++) {
      const angle = (k / 16) * 2 * Math.PI;
      const box = at({ x: mid.x + r * Math.cos(angle), y: mid.y + r * Math.sin(angle) });
      if (free(box)) return box;
    }
  }
  return undefined;
}
