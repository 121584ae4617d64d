/**
 * The routing grid of the saved picture: vertical and horizontal lines along every card's sides (a
 * clearance away), through every card's centre (its ports), a few parallel tracks in every gap between
 * them, and a frame around everything. Connectors run along these lines; a point inside a card's
 * clearance is blocked.
 */
import type { Box } from '../types';

/** How far connectors keep from cards (except where they enter and leave them). */
export const CLEARANCE = 16;
/** Parallel tracks in a gap are at least this far apart. */
const TRACK = 12;
/** Lines this close are one line… */
const MERGE = 6;
/** …so a connector may run this close to a card (a merged line moves toward it by up to MERGE). */
const BLOCKED = CLEARANCE - MERGE - 0.75;

export interface Grid {
  xs: Float64Array;
  ys: Float64Array;
  nx: number;
  ny: number;
  /** 1 where a point lies inside a card's clearance. Index: j * nx + i. */
  blocked: Uint8Array;
}

function lines(base: number[], tracks: number): Float64Array {
  base.sort((a, b) => a - b);
  // Lines closer than MERGE become one (the first): two connectors a pixel apart would look like one.
  const unique: number[] = [];
  for (const v of base) if (unique.length === 0 || v - (unique[unique.length - 1] as number) > MERGE) unique.push(v);
  const out: number[] = [];
  for (let k = 0; k < unique.length; k++) {
    const v = unique[k] as number;
    out.push(v);
    const next = unique[k + 1];
    if (next === undefined || tracks === 0) continue;
    const room = Math.min(tracks, Math.floor((next - v) / TRACK) - 1);
    for (let t = 1; t <= room; t++) out.push(v + ((next - v) * t) / (room + 1));
  }
  return Float64Array.from(out);
}

/** First index with a[i] >= v. */
export function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the line nearest v. */
export function nearest(a: Float64Array, v: number): number {
  const i = lowerBound(a, v);
  if (i >= a.length) return a.length - 1;
  if (i > 0 && v - (a[i - 1] as number) < (a[i] as number) - v) return i - 1;
  return i;
}

/**
 * The grid over `boxes`, with a few tracks in each gap (fewer when that would pass `maxPoints` grid
 * points) and a frame of tracks round everything for `connectors` connectors.
 */
export function buildGrid(boxes: readonly Box[], connectors: number, maxPoints: number): Grid {
  const bx: number[] = [];
  const by: number[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    bx.push(b.x - CLEARANCE, b.x + b.width + CLEARANCE, b.x + b.width / 2);
    by.push(b.y - CLEARANCE, b.y + b.height + CLEARANCE, b.y + b.height / 2);
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  // Room all round for connectors going round everything: more tracks the more connectors there are.
  const frameTracks = Math.min(30, Math.max(3, Math.ceil(connectors / 4)));
  for (let t = 1; t <= frameTracks; t++) {
    const d = CLEARANCE + t * TRACK * 1.5;
    bx.push(x0 - d, x1 + d);
    by.push(y0 - d, y1 + d);
  }
  let xs = lines([...bx], 3);
  let ys = lines([...by], 3);
  for (let tracks = 2; tracks >= 0 && xs.length * ys.length > maxPoints; tracks--) {
    xs = lines([...bx], tracks);
    ys = lines([...by], tracks);
  }
  const nx = xs.length;
  const ny = ys.length;
  const blocked = new Uint8Array(nx * ny);
  for (const b of boxes) {
    const i0 = lowerBound(xs, b.x - BLOCKED);
    const i1 = lowerBound(xs, b.x + b.width + BLOCKED);
    const j0 = lowerBound(ys, b.y - BLOCKED);
    const j1 = lowerBound(ys, b.y + b.height + BLOCKED);
    for (let j = j0; j < j1; j++) blocked.fill(1, j * nx + i0, j * nx + i1);
  }
  return { xs, ys, nx, ny, blocked };
}
