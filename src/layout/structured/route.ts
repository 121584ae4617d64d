/**
 * Edge routes of the structured picture, Flow Builder style: straight down the spine; out of a
 * branching element's bottom to its split line, across to each branch column, down to the branch (its
 * label just under the split line); branch ends down to the merge line and across into the merge
 * element's top; a Loop's body back along the line under it, up the channel on its left into the Loop's
 * left side; After Last out of the Loop's right side and down; a fault out of the right side into the
 * fault column. Jumps (Go To and the like) only get their first part here: jumps.ts finishes them.
 */
import type { Analysis } from './analyse';
import { runDeep, type Deep } from './deep';
import { GAP } from './place';
import type { PlanItem } from './plan';
import type { Size } from './sizes';
import type { EdgeRoute, LayoutEdgeInput, Point } from '../types';

export interface PendingJump {
  edge: number;
  /** Points so far; the last one is where the line turns toward the jump channel (horizontally, rightward). */
  points: Point[];
  /** A label already placed (Go To outcomes keep theirs in their column). */
  label?: EdgeRoute['label'];
}

export function routePlan(
  a: Analysis,
  roots: PlanItem[][],
  jump: boolean[],
  sizes: Size[],
  labelOf: (edge: number) => Size | undefined,
): { routes: (EdgeRoute | undefined)[]; jumps: PendingJump[] } {
  const routes: (EdgeRoute | undefined)[] = new Array(a.edges.length);
  const jumps: PendingJump[] = [];
  const itemOf: (PlanItem | undefined)[] = new Array(a.n);
  const pending = [...roots];
  for (let seq = pending.pop(); seq; seq = pending.pop()) {
    for (const item of seq) {
      itemOf[item.node] = item;
      for (const br of item.branches ?? []) pending.push(br.seq);
      for (const side of item.sides) pending.push(side.seq);
    }
  }
  const loopOfEnd = new Map<number, number>();
  for (const [loop, end] of a.loopEndOf) loopOfEnd.set(end, loop);

  const box = (v: number) => {
    const it = itemOf[v] as PlanItem;
    const s = sizes[v] as Size;
    return {
      cx: it.cx,
      top: it.top,
      left: it.cx - s.width / 2,
      right: it.cx + s.width / 2,
      cy: it.top + s.height / 2,
      bottom: it.top + s.height,
    };
  };
  const text = (i: number) => (a.edges[i] as LayoutEdgeInput).label ?? '';
  const labelAt = (i: number, cx: number, top: number): EdgeRoute['label'] => {
    const s = labelOf(i);
    return s ? { x: cx - s.width / 2, y: top, width: s.width, height: s.height, text: text(i) } : undefined;
  };
  const set = (i: number, points: Point[], label?: EdgeRoute['label']) => {
    routes[i] = label ? { points: tidy(points), label } : { points: tidy(points) };
  };

  /** From `p` (the last point, on a vertical line) to wherever edge i's DAG target is. */
  const finish = (i: number, points: Point[], label: EdgeRoute['label']) => {
    const p = points[points.length - 1] as Point;
    const t = a.dagTarget[i] as number;
    if (t >= a.n) {
      const loop = loopOfEnd.get(t);
      const lb = loop === undefined ? undefined : itemOf[loop]?.geom?.loopBack;
      if (loop === undefined || !lb) {
        jumps.push(label ? { edge: i, points, label } : { edge: i, points });
        return;
      }
      const l = box(loop);
      const y = (itemOf[loop] as PlanItem).top + lb.y;
      const x = l.cx + lb.x;
      set(i, [...points, { x: p.x, y }, { x, y }, { x, y: l.cy }, { x: l.left, y: l.cy }], label);
      return;
    }
    const tb = box(t);
    // A target placed above where the line is (two paths met where the plan did not expect them): the
    // line would run up through everything between. Drawn as a Go To instead, as Builder would.
    if (tb.top < p.y + GAP.mergeLine) {
      // Out of an element's bottom: a stub down, as a Go To after it (its marker below, right of the line).
      const stub = points.length === 1 ? [...points, { x: p.x, y: p.y + GAP.label * 3 }] : points;
      jumps.push(label ? { edge: i, points: stub, label } : { edge: i, points: stub });
      return;
    }
    if (Math.abs(tb.cx - p.x) < 0.5 && tb.top > p.y) {
      set(i, [...points, { x: p.x, y: tb.top }], label);
      return;
    }
    const y = tb.top - GAP.mergeLine;
    set(i, [...points, { x: p.x, y }, { x: tb.cx, y }, { x: tb.cx, y: tb.top }], label);
  };

  function* routeSeq(seq: PlanItem[]): Deep<void> {
    for (const item of seq) {
      const b = box(item.node);
      if (item.branches && item.geom) {
        const g = item.geom;
        for (let idx = 0; idx < item.branches.length; idx++) {
          const br = item.branches[idx] as (typeof item.branches)[number];
          const bx = b.cx + (g.xs[idx] as number);
          const lab = labelAt(br.edge, bx, b.top + g.labelTop);
          const splitY = b.top + g.splitY;
          const points: Point[] =
            item.loop && idx > 0
              ? [
                  { x: b.right, y: b.cy },
                  { x: bx, y: b.cy },
                ]
              : [
                  { x: b.cx, y: b.bottom },
                  { x: b.cx, y: splitY },
                  { x: bx, y: splitY },
                ];
          if (br.jump) {
            points.push({ x: bx, y: b.top + g.rowTop - GAP.stub });
            jumps.push(lab ? { edge: br.edge, points, label: lab } : { edge: br.edge, points });
          } else finish(br.edge, points, lab);
          yield routeSeq(br.seq);
        }
      } else if (item.next !== undefined) {
        const i = item.next;
        const points = [{ x: b.cx, y: b.bottom }];
        if (jump[i]) jumps.push({ edge: i, points: [...points, { x: b.cx, y: b.bottom + GAP.label * 3 }] });
        else finish(i, points, labelAt(i, b.cx, b.bottom + 2 * GAP.label));
      }
      for (const side of item.sides) {
        const f = box((side.seq[0] as PlanItem).node);
        set(
          side.edge,
          [
            { x: b.right, y: b.cy },
            { x: f.cx, y: b.cy },
            { x: f.cx, y: f.top },
          ],
          labelAt(side.edge, f.cx, b.cy + GAP.label),
        );
        yield routeSeq(side.seq);
      }
      // Fault connectors that are jumps leave from the right side.
      for (const i of a.out[item.node] as number[]) {
        if (jump[i] && (a.edges[i] as LayoutEdgeInput).kind === 'fault')
          jumps.push({ edge: i, points: [{ x: b.right, y: b.cy }] });
      }
    }
  }
  for (const seq of roots) runDeep(routeSeq(seq));
  return { routes, jumps };
}

/** Drops repeated points and the middle of three collinear points. */
export function tidy(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 1e-6 && Math.abs(last.y - p.y) < 1e-6) continue;
    const prev = out[out.length - 2];
    if (
      last &&
      prev &&
      ((Math.abs(prev.x - last.x) < 1e-6 && Math.abs(last.x - p.x) < 1e-6) ||
        (Math.abs(prev.y - last.y) < 1e-6 && Math.abs(last.y - p.y) < 1e-6))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
