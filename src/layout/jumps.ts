/**
 * Jumps (Go To connectors, and connectors drawn as Go To) never shape the layout: once every element is
 * placed, each leaves rightward to a vertical channel right of every element between its two ends,
 * and enters its target's right side. Parallel channels keep apart.
 */
import { labelSize } from './sizes';
import type { Box, EdgeRoute, Point } from './types';
import { tidy } from './route';

export const JUMP_MARGIN = 32;
const LANE = 10;
/** A jump that leaves straight from an element's side gets a stub this long. */
const STUB = 24;

export interface JumpRequest {
  /** Points so far; the line continues rightward from the last one. */
  points: Point[];
  target: Box;
  label?: EdgeRoute['label'];
  /** Label text to place by the channel when `label` is not given. */
  text?: string;
}

/** Routes every request; `boxes` are all node boxes (for finding where the channel is clear). */
export function routeJumps(requests: JumpRequest[], boxes: Box[]): EdgeRoute[] {
  const sorted = boxes.slice().sort((p, q) => p.y - q.y);
  const tops = sorted.map((b) => b.y);
  const maxHeight = sorted.reduce((m, b) => Math.max(m, b.height), 0);
  const channels: { x: number; y0: number; y1: number }[] = [];

  const rightmost = (y0: number, y1: number): number => {
    let r = -Infinity;
    // Boxes overlapping [y0, y1] have their top in [y0 - maxHeight, y1].
    let lo = 0;
    let hi = tops.length;
    const from = y0 - maxHeight;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tops[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < sorted.length && (tops[k] as number) <= y1; k++) {
      const b = sorted[k] as Box;
      if (b.y + b.height >= y0) r = Math.max(r, b.x + b.width);
    }
    return r;
  };

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
    if (!label && lab && req.text) label = { x: x + 4, y: start.y - lab.height / 2, width: lab.width, height: lab.height, text: req.text };
    const stub = tidy(req.points.length > 1 ? req.points : [start, { x: start.x + STUB, y: start.y }]);
    return label ? { points, label, jump: { stub } } : { points, jump: { stub } };
  });
}
