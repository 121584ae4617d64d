/**
 * Horizontal profiles (contours) of laid-out blocks: for each band of y, the occupied x interval.
 * Blocks are packed side by side by their profiles (as tidy-tree layouts do), so a short branch does not
 * push its neighbour away for its whole height. `ys` holds band boundaries (ys.length = l.length + 1);
 * an empty band has l = +Infinity, r = -Infinity.
 */
export interface Profile {
  ys: number[];
  l: number[];
  r: number[];
}

export function emptyProfile(): Profile {
  return { ys: [], l: [], r: [] };
}

export function boxProfile(y0: number, y1: number, l: number, r: number): Profile {
  return { ys: [y0, y1], l: [l], r: [r] };
}

function pushBand(p: Profile, y0: number, y1: number, l: number, r: number): void {
  if (y1 <= y0) return;
  const k = p.l.length;
  const end = p.ys[k];
  if (k > 0 && end !== undefined && y0 <= end) {
    if (p.l[k - 1] === l && p.r[k - 1] === r) {
      p.ys[k] = y1;
      return;
    }
    p.ys.push(y1);
  } else {
    if (k > 0) {
      p.ys.push(y0);
      p.l.push(Infinity);
      p.r.push(-Infinity);
    } else p.ys.push(y0);
    p.ys.push(y1);
  }
  p.l.push(l);
  p.r.push(r);
}

/** Appends `src` shifted by (dx, dy) below the end of `dst` (in place); `src` must start at or below `dst`'s end. */
export function appendBelow(dst: Profile, src: Profile, dx: number, dy: number): void {
  for (let i = 0; i < src.l.length; i++) {
    const l = src.l[i] as number;
    if (l === Infinity) continue;
    pushBand(dst, (src.ys[i] as number) + dy, (src.ys[i + 1] as number) + dy, l + dx, (src.r[i] as number) + dx);
  }
}

/** The union of `a` and `b` shifted by (dx, dy): a new profile. */
export function union(a: Profile, b: Profile, dx = 0, dy = 0): Profile {
  const out = emptyProfile();
  const na = a.l.length;
  const nb = b.l.length;
  let i = 0;
  let j = 0;
  let y = Math.min(na > 0 ? (a.ys[0] as number) : Infinity, nb > 0 ? (b.ys[0] as number) + dy : Infinity);
  while (i < na || j < nb) {
    // Skip bands that end at or before y.
    while (i < na && (a.ys[i + 1] as number) <= y) i++;
    while (j < nb && (b.ys[j + 1] as number) + dy <= y) j++;
    if (i >= na && j >= nb) break;
    const aStart = i < na ? (a.ys[i] as number) : Infinity;
    const bStart = j < nb ? (b.ys[j] as number) + dy : Infinity;
    const inA = aStart <= y;
    const inB = bStart <= y;
    if (!inA && !inB) {
      y = Math.min(aStart, bStart);
      continue;
    }
    let next = Infinity;
    if (inA) next = Math.min(next, a.ys[i + 1] as number);
    else next = Math.min(next, aStart);
    if (inB) next = Math.min(next, (b.ys[j + 1] as number) + dy);
    else next = Math.min(next, bStart);
    const l = Math.min(inA ? (a.l[i] as number) : Infinity, inB ? (b.l[j] as number) + dx : Infinity);
    const r = Math.max(inA ? (a.r[i] as number) : -Infinity, inB ? (b.r[j] as number) + dx : -Infinity);
    if (l !== Infinity) pushBand(out, y, next, l, r);
    y = next;
  }
  return out;
}

export function addBox(p: Profile, y0: number, y1: number, l: number, r: number): Profile {
  return union(p, boxProfile(y0, y1, l, r));
}

/**
 * The smallest shift dx that puts `b` (shifted down by dy) at least `gap` to the right of `a` wherever
 * their bands overlap in y; -Infinity when they never overlap.
 */
export function clearance(a: Profile, b: Profile, dy: number, gap: number): number {
  let best = -Infinity;
  let i = 0;
  for (let j = 0; j < b.l.length; j++) {
    const bl = b.l[j] as number;
    if (bl === Infinity) continue;
    const y0 = (b.ys[j] as number) + dy;
    const y1 = (b.ys[j + 1] as number) + dy;
    while (i < a.l.length && (a.ys[i + 1] as number) <= y0) i++;
    for (let k = i; k < a.l.length && (a.ys[k] as number) < y1; k++) {
      const ar = a.r[k] as number;
      if (ar !== -Infinity) best = Math.max(best, ar - bl + gap);
    }
  }
  return best;
}

/** Leftmost and rightmost occupied x over [y0, y1) (or the whole profile). */
export function extent(p: Profile, y0 = -Infinity, y1 = Infinity): { l: number; r: number } {
  let l = Infinity;
  let r = -Infinity;
  for (let k = 0; k < p.l.length; k++) {
    if ((p.ys[k + 1] as number) <= y0 || (p.ys[k] as number) >= y1) continue;
    l = Math.min(l, p.l[k] as number);
    r = Math.max(r, p.r[k] as number);
  }
  return { l, r };
}
