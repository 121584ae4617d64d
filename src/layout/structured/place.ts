/**
 * Structured placement, bottom-up: a sequence stacks its elements on one centre line (the spine); a
 * branching element puts its branches side by side below it, packed by their profiles and centred
 * under it (a Loop keeps its For Each body right below it, After Last to the right); its merge element
 * continues the spine below the tallest branch; fault paths go to the right of everything beside them.
 * Coordinates are relative; `assign` turns them absolute.
 */
import type { Analysis } from './analyse';
import { runDeep, type Deep } from './deep';
import type { PlanItem, PlanSide, SplitGeom } from './plan';
import { addBox, appendBelow, boxProfile, clearance, emptyProfile, extent, union, type Profile } from './profile';
import { labelSize, MARKER_GAP, MARKER_HEIGHT, markerWidth, nodeSize, type Size } from './sizes';
import type { LayoutEdgeInput } from '../types';

/** Spacing (px). */
export const GAP = {
  /** Between consecutive elements of a sequence. */
  v: 48,
  /** Least horizontal space between columns. */
  h: 40,
  /** From a branching element's bottom to its split line. */
  splitDrop: 20,
  /** Between a line and a label, and around labels. */
  label: 6,
  /** From the labels to the branches' first elements. */
  branchTop: 18,
  /** From the bottom of a branch row to the merge element. */
  merge: 56,
  /** The merge line sits this far above the merge element. */
  mergeLine: 24,
  /** Loop-back and After Last channels keep this far from the body. */
  loop: 28,
  /** From the bottom of a Loop's body to its loop-back line. */
  loopBack: 24,
  /** From an element's right side to its fault column. */
  fault: 48,
  /** A Go To outcome's stub ends this far above the branch row. */
  stub: 10,
} as const;
/** A jump that leaves straight from an element's side gets a stub this long (jumps.ts). */
export const STUB = 24;

export interface Block {
  prof: Profile;
  h: number;
  /** X range (relative) of lines leaving the bottom toward a merge or loop-back, or null. */
  open: { l: number; r: number } | null;
}

/** Each edge's label box (undefined: no label), measured once per edge. */
export function labelSizer(a: Analysis): (edge: number) => Size | undefined {
  const labels = new Map<number, Size>();
  return (i) => {
    const text = (a.edges[i] as LayoutEdgeInput).label;
    if (!text) return undefined;
    let s = labels.get(i);
    if (!s) {
      s = labelSize(text);
      labels.set(i, s);
    }
    return s;
  };
}

/** The width of the Go To marker edge i's stub ends in (the views draw it right of the stub's end). */
export function markerOf(a: Analysis): (edge: number) => number {
  const index = new Map<string, number>();
  a.ids.forEach((id, v) => {
    index.set(id, v);
  });
  return (i) => {
    const e = a.edges[i] as LayoutEdgeInput;
    const t = index.get(e.target);
    return markerWidth(e.kind, e.label, t === undefined ? undefined : (a.labels[t] ?? e.target));
  };
}

export function placePlan(a: Analysis, roots: PlanItem[][], jump: boolean[]): { sizes: Size[]; rootBlocks: Block[] } {
  const sizes = a.types.map(nodeSize);
  const label = labelSizer(a);
  const marker = markerOf(a);
  const size = (v: number) => sizes[v] as Size;
  const half = MARKER_HEIGHT / 2 + 1;
  /**
   * Room for the markers of the jumps leaving an element (route.ts draws their stubs): a Go To after it ends
   * 3 label gaps below its bottom, a fault Go To 24px right of its side; the marker sits right of the end.
   */
  const withMarkers = (prof: Profile, item: PlanItem, w: number, h: number): Profile => {
    let out = prof;
    let faults = 0;
    for (const i of a.out[item.node] as number[]) {
      if (!jump[i]) continue;
      const kind = (a.edges[i] as LayoutEdgeInput).kind;
      if (i === item.next) {
        const y = h + 3 * GAP.label;
        out = addBox(out, y - half, y + half, -1, MARKER_GAP + marker(i) + 1);
      } else if (kind === 'fault') {
        const y = h / 2 + faults * (MARKER_HEIGHT + 2);
        faults++;
        out = addBox(out, y - half, y + half, w / 2, w / 2 + STUB + MARKER_GAP + marker(i) + 1);
      }
    }
    return out;
  };

  function* layoutSeq(seq: PlanItem[]): Deep<Block> {
    const prof = emptyProfile();
    let y = 0;
    let open: Block['open'] = null;
    for (let k = 0; k < seq.length; k++) {
      const item = seq[k] as PlanItem;
      if (k > 0) {
        const prev = seq[k - 1] as PlanItem;
        let gap: number = GAP.v;
        if (prev.geom) {
          gap = GAP.merge;
          if (open) appendBelow(prof, boxProfile(y, y + gap, Math.min(open.l, 0) - 1, Math.max(open.r, 0) + 1), 0, 0);
        } else {
          const lab = prev.next === undefined ? undefined : label(prev.next);
          gap = lab ? Math.max(GAP.v, lab.height + 4 * GAP.label) : GAP.v;
          const half = lab ? lab.width / 2 : 1;
          appendBelow(prof, boxProfile(y, y + gap, -half, half), 0, 0);
        }
        y += gap;
      }
      const b = item.branches ? ((yield layoutSplit(item)) as Block) : layoutNode(item);
      item.y = y;
      appendBelow(prof, b.prof, 0, y);
      y += b.h;
      open = b.open;
    }
    return (yield placeSides(seq, { prof, h: y, open })) as Block;
  }

  const layoutNode = (item: PlanItem): Block => {
    const { width: w, height: h } = size(item.node);
    const continues = item.next !== undefined && !jump[item.next];
    const prof = withMarkers(boxProfile(0, h, -w / 2, w / 2), item, w, h);
    return { prof, h, open: continues ? { l: 0, r: 0 } : null };
  };

  /** Fault columns, top-down, each right of everything already placed beside it. */
  function* placeSides(seq: PlanItem[], block: Block): Deep<Block> {
    const sides: { item: PlanItem; side: PlanSide; b: Block; lab: Size | undefined }[] = [];
    let h = block.h;
    for (const item of seq) {
      for (const side of item.sides) {
        const b = (yield layoutSeq(side.seq)) as Block;
        const lab = label(side.edge);
        side.dy = item.y + size(item.node).height / 2 + 3 * GAP.label + (lab ? lab.height : 0);
        h = Math.max(h, side.dy + b.h);
        sides.push({ item, side, b, lab });
      }
    }
    if (sides.length === 0) return block;
    let prof = block.prof;
    // The lines leaving the bottom continue past the fault columns: keep them clear.
    if (block.open && h > block.h) prof = addBox(prof, block.h, h, block.open.l - 1, block.open.r + 1);
    for (const { item, side, b, lab } of sides) {
      const { width: w, height: hh } = size(item.node);
      const cy = item.y + hh / 2;
      let sp = addBox(b.prof, cy - side.dy, 0, -1, 1);
      if (lab) sp = addBox(sp, cy - side.dy + GAP.label, -GAP.label, -lab.width / 2, lab.width / 2);
      const first = side.seq[0];
      const firstHalf = first ? size(first.node).width / 2 : 0;
      side.dx = Math.max(clearance(prof, sp, side.dy, GAP.h), w / 2 + GAP.fault + firstHalf);
      prof = union(prof, sp, side.dx, side.dy);
      prof = addBox(prof, cy - 1, cy + 1, w / 2, side.dx + 1);
    }
    return { prof, h, open: block.open };
  }

  function* layoutSplit(item: PlanItem): Deep<Block> {
    const { width: w, height: h } = size(item.node);
    const branches = item.branches ?? [];
    const loop = item.loop === true;
    const splitY = h + GAP.splitDrop;
    const labelTop = splitY + GAP.label;
    let maxLabel = 0;
    for (const br of branches) maxLabel = Math.max(maxLabel, label(br.edge)?.height ?? 0);
    const rowTop = labelTop + (maxLabel > 0 ? maxLabel + GAP.label : 0) + GAP.branchTop;
    const loopsBack = loop && a.loopEndOf.has(item.node);
    let loopBack: SplitGeom['loopBack'];

    // Each branch's profile with its column at x = 0, in the element's frame.
    const parts: { prof: Profile; bottom: number; open: Block['open'] }[] = [];
    for (let idx = 0; idx < branches.length; idx++) {
      const br = branches[idx] as (typeof branches)[number];
      const lab = label(br.edge);
      const lineTop = loop && idx > 0 ? h / 2 : splitY;
      let prof: Profile;
      let bottom: number;
      let open: Block['open'];
      if (br.jump) {
        bottom = rowTop - GAP.stub;
        prof = boxProfile(lineTop, bottom, -1, 1);
        prof = addBox(prof, bottom - half, bottom + half, 0, MARKER_GAP + marker(br.edge) + 1);
        open = null;
      } else {
        const b = (yield layoutSeq(br.seq)) as Block;
        prof = union(boxProfile(lineTop, rowTop, -1, 1), b.prof, 0, rowTop);
        bottom = rowTop + b.h;
        open = br.seq.length === 0 ? { l: 0, r: 0 } : b.open;
      }
      if (lab) prof = addBox(prof, labelTop, labelTop + lab.height, -lab.width / 2, lab.width / 2);
      if (loopsBack && idx === 0) {
        // The For Each body returns along a line under it and a channel left of it.
        const y = bottom + GAP.loopBack;
        if (open) prof = addBox(prof, bottom, y + 1, open.l - 1, open.r + 1);
        const x = Math.min(extent(prof, splitY).l, -w / 2) - GAP.loop;
        prof = addBox(prof, h / 2 - 1, y + 1, x - 1, x + 1);
        prof = addBox(prof, y - 1, y + 1, x, Math.max(open ? open.r : 0, 0) + 1);
        loopBack = { y, x };
        bottom = y + 1;
        open = null;
      }
      parts.push({ prof, bottom, open });
    }
    const rowBottom = Math.max(rowTop, ...parts.map((p) => p.bottom));
    for (const p of parts)
      if (p.open && p.bottom < rowBottom) p.prof = addBox(p.prof, p.bottom, rowBottom, p.open.l - 1, p.open.r + 1);

    const xs: number[] = [0];
    let acc = (parts[0] as { prof: Profile }).prof;
    for (let idx = 1; idx < parts.length; idx++) {
      const p = parts[idx] as { prof: Profile };
      let x = Math.max(clearance(acc, p.prof, 0, GAP.h), (xs[idx - 1] as number) + 2);
      if (loop) x = Math.max(x, w / 2 + GAP.loop);
      xs.push(x);
      acc = union(acc, p.prof, x, 0);
    }
    const c = loop ? 0 : ((xs[0] as number) + (xs[xs.length - 1] as number)) / 2;
    let prof = withMarkers(boxProfile(0, h, -w / 2, w / 2), item, w, h);
    if (!loop) prof = addBox(prof, h, splitY + 1, (xs[0] as number) - c - 1, (xs[xs.length - 1] as number) - c + 1);
    else if (xs.length > 1) prof = addBox(prof, h / 2 - 1, h / 2 + 1, w / 2, (xs[xs.length - 1] as number) + 1);
    prof = union(prof, acc, -c, 0);
    let open: Block['open'] = null;
    parts.forEach((p, idx) => {
      if (!p.open) return;
      const x = (xs[idx] as number) - c;
      open = open
        ? { l: Math.min(open.l, p.open.l + x), r: Math.max(open.r, p.open.r + x) }
        : { l: p.open.l + x, r: p.open.r + x };
    });
    const geom: SplitGeom = { splitY, labelTop, rowTop, rowBottom, xs: xs.map((x) => x - c) };
    if (loopBack) geom.loopBack = { y: loopBack.y, x: loopBack.x - c };
    item.geom = geom;
    return { prof, h: rowBottom, open };
  }

  return { sizes, rootBlocks: roots.map((seq) => runDeep(layoutSeq(seq))) };
}

/** Absolute positions: every item's centre x and top, from its sequence's origin. */
export function assign(root: PlanItem[], x: number, y: number): void {
  const stack: [PlanItem[], number, number][] = [[root, x, y]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [seq, ox, oy] = top;
    for (const item of seq) {
      item.cx = ox;
      item.top = oy + item.y;
      if (item.geom && item.branches) {
        const g = item.geom;
        item.branches.forEach((br, idx) => {
          stack.push([br.seq, ox + (g.xs[idx] as number), item.top + g.rowTop]);
        });
      }
      for (const side of item.sides) stack.push([side.seq, ox + side.dx, oy + side.dy]);
    }
  }
}
