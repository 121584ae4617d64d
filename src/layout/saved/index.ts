/**
 * The saved engine: a free-form flow drawn where its author put it (place.ts), its connectors routed
 * around the cards on a grid (grid.ts, route.ts), labels on their connectors (labels.ts). Pure and
 * synchronous. A connector the router cannot draw cleanly (no way round, or only along an unrelated
 * connector) is drawn as a Go To stub; past a time budget the rest are too, with a notice.
 */
import { finish } from '../result';
import type { Box, EdgeRoute, LayoutGraphInput, LayoutResult, Point } from '../types';
import { buildGrid, type Grid, nearest } from './grid';
import { BoxIndex, type LabelRequest, pillSize, placeLabels } from './labels';
import { placeSaved } from './place';
import { type RouteEdge, Router } from './route';

/** Grid points at most (the router keeps about 50 bytes for each); past it the grid has fewer tracks. */
const MAX_GRID_POINTS = 1_000_000;
/** Routing gives up on one connector past this many A* expansions… */
const MAX_EXPANSIONS = 30_000;
/** …and on the rest of the flow past this many milliseconds. */
const ROUTE_BUDGET_MS = 4000;
const STUB = 20;

export interface SavedTimings {
  placeMs: number;
  routeMs: number;
}

export function layoutSaved(
  graph: LayoutGraphInput,
): Pick<LayoutResult, 'width' | 'height' | 'nodes' | 'edges' | 'notice'> & { timings: SavedTimings } {
  const t0 = performance.now();
  const { boxes } = placeSaved(graph);
  const t1 = performance.now();
  const index = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });
  const inputs = graph.edges.filter((e) => index.has(e.source) && index.has(e.target));
  const routeEdges: RouteEdge[] = inputs.map((e) => ({
    s: index.get(e.source) as number,
    t: index.get(e.target) as number,
  }));
  const grid = buildGrid(boxes, inputs.length, MAX_GRID_POINTS);
  const router = new Router(grid, boxes, routeEdges, MAX_EXPANSIONS);
  const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const distance = (e: RouteEdge) => {
    const a = centre(boxes[e.s] as Box);
    const b = centre(boxes[e.t] as Box);
    return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
  };
  const order = routeEdges
    .map((_, k) => k)
    .sort((a, b) => distance(routeEdges[a] as RouteEdge) - distance(routeEdges[b] as RouteEdge) || a - b);
  const routes: EdgeRoute[] = new Array(inputs.length);
  let late = 0;
  for (const k of order) {
    const e = routeEdges[k] as RouteEdge;
    let found: ReturnType<Router['route']>;
    // A Go To is drawn as a stub whatever its route (render/edges.ts): it needs no way round the cards.
    if (inputs[k]?.goTo) found = undefined;
    else if (performance.now() - t1 < ROUTE_BUDGET_MS) found = router.route(k);
    else late++;
    if (found?.clean && !inputs[k]?.goTo) routes[k] = { points: found.points };
    else {
      const points = found?.points ?? straight(boxes[e.s] as Box, boxes[e.t] as Box);
      routes[k] = { points, jump: { stub: points.slice(0, 2) } };
    }
  }
  const cards = new BoxIndex();
  for (const b of boxes) cards.add(b);
  const taken = new BoxIndex();
  // A stub's "↪ Target" marker is a label too (render/edges.ts draws it right of the stub's end): the stub
  // leaves by the first side whose marker touches no card and no other marker.
  inputs.forEach((e, k) => {
    const r = routes[k] as EdgeRoute;
    if (!r.jump) return;
    const target = graph.nodes[index.get(e.target) as number];
    const width = Math.min(pillSize(`${e.label ?? ''} → ${target?.label ?? e.target}`).width, 212);
    const b = boxes[routeEdges[k]?.s as number] as Box;
    const stubs = stubsOf(b);
    const marker = (stub: Point[]) => {
      const end = stub[1] as Point;
      return { x: end.x + 4, y: end.y - 10, width, height: 20 };
    };
    const stub = stubs.find((st) => !cards.touches(marker(st)) && !taken.touches(marker(st))) ?? (stubs[0] as Point[]);
    r.jump = { stub };
    taken.add(marker(stub));
  });
  const requests: LabelRequest[] = [];
  inputs.forEach((e, k) => {
    const route = routes[k] as EdgeRoute;
    if (e.label && !route.jump) requests.push({ route, text: e.label, shared: sharedOn(grid, router) });
  });
  placeLabels(requests, cards, taken);
  const nodes = new Map<string, Box>();
  graph.nodes.forEach((n, i) => {
    if (!nodes.has(n.id)) nodes.set(n.id, boxes[i] as Box);
  });
  const edges = new Map<string, EdgeRoute>();
  inputs.forEach((e, k) => {
    edges.set(e.id, routes[k] as EdgeRoute);
  });
  const done = finish(nodes, edges);
  const count = (v: number) => v.toLocaleString('en-US');
  const notice =
    late > 0
      ? `${count(late)} of ${count(inputs.length)} connectors drawn as Go To stubs: ` +
        'routing them all would take too long'
      : undefined;
  return { ...done, ...(notice ? { notice } : {}), timings: { placeMs: t1 - t0, routeMs: performance.now() - t1 } };
}

/** Out of the source's bottom, across, into the target's top (may cross cards: drawn as a stub only). */
function straight(s: Box, t: Box): Point[] {
  const a = { x: s.x + s.width / 2, y: s.y + s.height };
  const b = { x: t.x + t.width / 2, y: t.y };
  const mid = a.y + 16;
  return [a, { x: a.x, y: mid }, { x: b.x, y: mid }, b].filter(
    (p, i, all) => i === 0 || p.x !== (all[i - 1] as Point).x || p.y !== (all[i - 1] as Point).y,
  );
}

/** Stubs out of a card's bottom, right and top (a marker right of a stub out of the left would cover the card). */
function stubsOf(b: Box): Point[][] {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  return [
    [
      { x: cx, y: b.y + b.height },
      { x: cx, y: b.y + b.height + STUB },
    ],
    [
      { x: b.x + b.width, y: cy },
      { x: b.x + b.width + STUB, y: cy },
    ],
    [
      { x: cx, y: b.y },
      { x: cx, y: b.y - STUB },
    ],
  ];
}

function sharedOn(grid: Grid, router: Router): (c: Point, horizontal: boolean) => boolean {
  return (c, horizontal) => {
    const i = nearest(grid.xs, c.x);
    const j = nearest(grid.ys, c.y);
    const p = j * grid.nx + i;
    const before = horizontal ? p - 1 : p - grid.nx;
    const segs = horizontal ? [p * 2, before * 2] : [p * 2 + 1, before * 2 + 1];
    return segs.some((s) => s >= 0 && router.usersOf(s) > 1);
  };
}
