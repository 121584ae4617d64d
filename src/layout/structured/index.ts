/**
 * The structured engine: analysis → plan → placement → routes → jumps. Pure and synchronous.
 * Elements not reachable from Start get their own columns to the right of the main flow.
 */
import type { Analysis } from './analyse';
import { obstaclesOf, routeJumps, type JumpRequest } from './jumps';
import { assign, labelSizer, placePlan, type Block } from './place';
import type { Plan, PlanItem } from './plan';
import { extent } from './profile';
import { finish } from '../result';
import { routePlan } from './route';
import type { Size } from './sizes';
import type { Box, EdgeRoute, LayoutEdgeInput, LayoutResult } from '../types';

const ORPHAN_GAP = 120;
const ORPHAN_SHELF_WIDTH = 1600;

export interface StructuredTimings {
  placeMs: number;
  routeMs: number;
}

export function layoutStructured(
  a: Analysis,
  plan: Plan,
): Pick<LayoutResult, 'width' | 'height' | 'nodes' | 'edges' | 'ends'> & { timings: StructuredTimings } {
  const t0 = performance.now();
  const { sizes, rootBlocks } = placePlan(a, plan.roots, plan.jump);
  arrangeRoots(plan.roots, rootBlocks);
  const t1 = performance.now();

  const labelOf = labelSizer(a);
  const { routes, jumps } = routePlan(a, plan.roots, plan.jump, sizes, labelOf);

  const boxes: (Box | undefined)[] = new Array(a.n);
  const pending = [...plan.roots];
  for (let seq = pending.pop(); seq; seq = pending.pop()) {
    for (const item of seq) {
      const s = sizes[item.node] as Size;
      boxes[item.node] = { x: item.cx - s.width / 2, y: item.top, width: s.width, height: s.height };
      for (const br of item.branches ?? []) pending.push(br.seq);
      for (const side of item.sides) pending.push(side.seq);
    }
  }
  const nodeIndex = new Map<string, number>();
  a.ids.forEach((id, v) => {
    nodeIndex.set(id, v);
  });
  const requests: JumpRequest[] = jumps.map((j) => {
    const e = a.edges[j.edge] as LayoutEdgeInput;
    const req: JumpRequest = { points: j.points, target: boxes[nodeIndex.get(e.target) as number] as Box };
    if (j.label) req.label = j.label;
    else if (e.label) req.text = e.label;
    return req;
  });
  const placed = boxes.filter((b): b is Box => b !== undefined);
  routeJumps(
    requests,
    obstaclesOf(
      placed,
      routes.filter((r): r is EdgeRoute => r !== undefined),
    ),
  ).forEach((route, k) => {
    routes[(jumps[k] as { edge: number }).edge] = route;
  });

  const nodes = new Map<string, Box>();
  a.ids.forEach((id, v) => {
    nodes.set(id, boxes[v] as Box);
  });
  const edges = new Map<string, EdgeRoute>();
  a.edges.forEach((e, i) => {
    const r = routes[i];
    if (r) edges.set(e.id, r);
  });
  const done = finish(nodes, edges);
  if (a.ends.length > 0)
    return { ...done, ends: a.ends, timings: { placeMs: t1 - t0, routeMs: performance.now() - t1 } };
  return { ...done, timings: { placeMs: t1 - t0, routeMs: performance.now() - t1 } };
}

/** The first root (Start) at the origin; the others on shelves to its right. */
function arrangeRoots(roots: PlanItem[][], blocks: Block[]): void {
  const first = blocks[0];
  if (!first) return;
  assign(roots[0] as PlanItem[], 0, 0);
  const mainRight = extent(first.prof).r;
  const left0 = (Number.isFinite(mainRight) ? mainRight : 0) + ORPHAN_GAP;
  let x = left0;
  let y = 0;
  let shelf = 0;
  for (let k = 1; k < roots.length; k++) {
    const b = blocks[k] as Block;
    const { l, r } = extent(b.prof);
    const width = r - l;
    if (x > left0 && x + width > left0 + ORPHAN_SHELF_WIDTH) {
      x = left0;
      y += shelf + ORPHAN_GAP / 2;
      shelf = 0;
    }
    assign(roots[k] as PlanItem[], x - l, y);
    x += width + ORPHAN_GAP / 2;
    shelf = Math.max(shelf, b.h);
  }
}
