/**
 * What a reader sees wrong in a rendered picture, read back from the SVG that `flowscope render` (and
 * Export SVG) writes — the picture itself, not the layout's intentions:
 *
 * - a connector through a card (any segment crossing a card's inside, its own ends' cards included);
 * - a connector on top of an unrelated connector (collinear segments overlapping by more than a few
 *   pixels, between connectors that share neither their source nor their target element);
 * - a label (a connector's pill or a Go To stub's marker) on a card or on another label;
 * - crossings: a horizontal and a vertical segment of two connectors crossing inside both.
 *
 * The SVG's structure is ours (src/render/): `<g class="node" data-id transform="translate(x,y)">` with
 * the card's stroked rect, `<g class="edges">` with a `<path d data-source data-target data-kind>` per
 * connector, `<g class="labels">` with one rect per pill. Shared by the picture tests and the scripts.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Seg {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface PictureEdge {
  source: string;
  target: string;
  kind: string;
  stub: boolean;
  segments: Seg[];
}
/** A pill: a connector's label or a stub's marker, with its text (for messages). */
export interface LabelBox extends Box {
  text?: string;
}
export interface Picture {
  cards: Map<string, Box>;
  edges: PictureEdge[];
  labels: LabelBox[];
}

const num = (s: string | undefined) => Number(s ?? Number.NaN);
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const unesc = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The polyline of one of our paths: M/L points, and for each rounded corner (Q) its control point. */
export function pathPoints(d: string): { x: number; y: number }[] {
  const pts: { x: number; y: number }[] = [];
  const re = /([MLQ])\s*(-?[\d.]+),(-?[\d.]+)(?:\s+(-?[\d.]+),(-?[\d.]+))?/g;
  for (const m of d.matchAll(re)) {
    if (m[1] === 'Q') {
      pts.pop(); // the point just before the corner lies on the segment into it
      pts.push({ x: num(m[2]), y: num(m[3]) });
      pts.push({ x: num(m[4]), y: num(m[5]) });
    } else pts.push({ x: num(m[2]), y: num(m[3]) });
  }
  return pts;
}

export function readPicture(svg: string): Picture {
  const cards = new Map<string, Box>();
  const nodeRe =
    /<g class="node" data-id="([^"]*)"(?: data-end="true")? transform="translate\((-?[\d.]+),(-?[\d.]+)\)"[^>]*>([\s\S]*?)<\/g>/g;
  for (const m of svg.matchAll(nodeRe)) {
    const body = m[4] ?? '';
    // The card is the first rect drawn with a stroke (the shadow before it has none).
    const rect = [...body.matchAll(/<rect\b[^>]*>/g)].map((r) => r[0]).find((r) => attr(r, 'stroke') !== undefined);
    if (!rect) continue;
    cards.set(unesc(m[1] ?? ''), {
      x: num(m[2]) + num(attr(rect, 'x') ?? '0'),
      y: num(m[3]) + num(attr(rect, 'y') ?? '0'),
      width: num(attr(rect, 'width')),
      height: num(attr(rect, 'height')),
    });
  }
  const edges: PictureEdge[] = [];
  const edgesBlock = svg.match(/<g class="edges">([\s\S]*?)<\/g>/)?.[1] ?? '';
  for (const m of edgesBlock.matchAll(/<path\b[^>]*>/g)) {
    const tag = m[0];
    const pts = pathPoints(attr(tag, 'd') ?? '');
    const segments: Seg[] = [];
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as { x: number; y: number };
      const b = pts[i] as { x: number; y: number };
      if (a.x !== b.x || a.y !== b.y) segments.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    }
    edges.push({
      source: unesc(attr(tag, 'data-source') ?? ''),
      target: unesc(attr(tag, 'data-target') ?? ''),
      kind: attr(tag, 'data-kind') ?? '',
      stub: attr(tag, 'data-stub') === 'true',
      segments,
    });
  }
  const labels: LabelBox[] = [];
  const labelsBlock = svg.match(/<g class="labels">([\s\S]*?)<\/g>/)?.[1] ?? '';
  for (const m of labelsBlock.matchAll(/(<rect\b[^>]*>)(?:<text\b[^>]*>([^<]*)<\/text>)?/g)) {
    const tag = m[1] ?? '';
    labels.push({
      x: num(attr(tag, 'x')),
      y: num(attr(tag, 'y')),
      width: num(attr(tag, 'width')),
      height: num(attr(tag, 'height')),
      text: unesc(m[2] ?? ''),
    });
  }
  return { cards, edges, labels };
}

/** Pixels two things may share before they count as on top of each other (antialiasing, rounding). */
const TOL = 0.5;

function segThroughBox(s: Seg, b: Box): boolean {
  const x1 = Math.min(s.x1, s.x2);
  const x2 = Math.max(s.x1, s.x2);
  const y1 = Math.min(s.y1, s.y2);
  const y2 = Math.max(s.y1, s.y2);
  return x1 < b.x + b.width - TOL && x2 > b.x + TOL && y1 < b.y + b.height - TOL && y2 > b.y + TOL;
}

function boxesOverlap(a: Box, b: Box, tol = TOL): boolean {
  return (
    a.x + tol < b.x + b.width && b.x + tol < a.x + a.width && a.y + tol < b.y + b.height && b.y + tol < a.y + a.height
  );
}

/** Collinear overlap length of two axis-parallel segments (0 when not on one line). */
function sharedLength(a: Seg, b: Seg): number {
  const av = Math.abs(a.x1 - a.x2) < 0.01;
  const bv = Math.abs(b.x1 - b.x2) < 0.01;
  const ah = Math.abs(a.y1 - a.y2) < 0.01;
  const bh = Math.abs(b.y1 - b.y2) < 0.01;
  if (av && bv && Math.abs(a.x1 - b.x1) < 1) {
    const lo = Math.max(Math.min(a.y1, a.y2), Math.min(b.y1, b.y2));
    const hi = Math.min(Math.max(a.y1, a.y2), Math.max(b.y1, b.y2));
    return hi - lo;
  }
  if (ah && bh && Math.abs(a.y1 - b.y1) < 1) {
    const lo = Math.max(Math.min(a.x1, a.x2), Math.min(b.x1, b.x2));
    const hi = Math.min(Math.max(a.x1, a.x2), Math.max(b.x1, b.x2));
    return hi - lo;
  }
  return 0;
}

function crosses(a: Seg, b: Seg): boolean {
  const h = Math.abs(a.y1 - a.y2) < 0.01 ? a : Math.abs(b.y1 - b.y2) < 0.01 ? b : undefined;
  const v = h === a ? b : a;
  if (!h || Math.abs(v.x1 - v.x2) >= 0.01 || Math.abs(h.x1 - h.x2) < 0.01) return false;
  const x = v.x1;
  const y = h.y1;
  const inH = x > Math.min(h.x1, h.x2) + TOL && x < Math.max(h.x1, h.x2) - TOL;
  const inV = y > Math.min(v.y1, v.y2) + TOL && y < Math.max(v.y1, v.y2) - TOL;
  return inH && inV;
}

const related = (a: PictureEdge, b: PictureEdge) =>
  a.source === b.source || a.target === b.target || a.source === b.target || a.target === b.source;

export interface PictureFaults {
  /** "source→target through Card" */
  throughCard: string[];
  /** "a→b on c→d" */
  onConnector: string[];
  labelOnCard: string[];
  labelOnLabel: string[];
  crossings: number;
}

export function checkPicture(svg: string): PictureFaults {
  return checkGeometry(readPicture(svg));
}

/** The four faults (and crossings) of a picture, however it was read (the SVG, the canvas's geometry). */
export function checkGeometry({ cards, edges, labels }: Picture): PictureFaults {
  const out: PictureFaults = { throughCard: [], onConnector: [], labelOnCard: [], labelOnLabel: [], crossings: 0 };
  const cardList = [...cards];
  for (const e of edges) {
    for (const [id, box] of cardList) {
      if (e.segments.some((s) => segThroughBox(s, box))) out.throughCard.push(`${e.source}→${e.target} through ${id}`);
    }
  }
  for (let i = 0; i < edges.length; i++) {
    const a = edges[i] as PictureEdge;
    for (let j = i + 1; j < edges.length; j++) {
      const b = edges[j] as PictureEdge;
      const rel = related(a, b);
      let overlap = false;
      for (const s of a.segments) {
        for (const t of b.segments) {
          if (!rel && !overlap && sharedLength(s, t) > 4) overlap = true;
          if (crosses(s, t)) out.crossings++;
        }
      }
      if (overlap) out.onConnector.push(`${a.source}→${a.target} on ${b.source}→${b.target}`);
    }
  }
  const said = (l: LabelBox, i: number) => `label ${i} "${l.text ?? ''}"`;
  labels.forEach((l, i) => {
    for (const [id, box] of cardList) if (boxesOverlap(l, box)) out.labelOnCard.push(`${said(l, i)} on ${id}`);
    for (let j = i + 1; j < labels.length; j++) {
      const m = labels[j] as LabelBox;
      if (boxesOverlap(l, m)) out.labelOnLabel.push(`${said(l, i)} on ${said(m, j)}`);
    }
  });
  return out;
}

/** Crossings only (for tuning engines): counts every pair once. */
export const countCrossings = (svg: string): number => checkPicture(svg).crossings;

/** The faults a picture has, as one short line per kind (for test messages). */
export function faultCount(p: PictureFaults): number {
  return p.throughCard.length + p.onConnector.length + p.labelOnCard.length + p.labelOnLabel.length;
}
