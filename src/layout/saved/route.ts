/**
 * Connectors of the saved picture, one at a time on the routing grid (grid.ts), shortest first: A* over
 * (grid point, direction of travel) with a cost for length, bends and leaving or entering a card by an
 * unusual side, a small one for crossing another connector, and a prohibitive one for running along an
 * unrelated connector (one sharing neither end element). Connectors leaving one element, or entering
 * one, may share their runs. Cards' insides are never entered.
 */
import type { Box, Point } from '../types';
import { tidy } from '../structured/route';
import { CLEARANCE, type Grid, nearest } from './grid';
import { MinHeap } from './heap';

export interface RouteEdge {
  s: number;
  t: number;
}

export interface Routed {
  points: Point[];
  /** Grid points the route runs through, exit to entry (each next to the one before). */
  path: number[];
  /** Whether it had to run along an unrelated connector (or found no way at all). */
  clean: boolean;
}

const BEND = 24;
/** Above 1: A* looks toward the goal first, a little less than optimal, far fewer states opened. */
const HEURISTIC_WEIGHT = 1.5;
/** Sides: 0 top, 1 right, 2 bottom, 3 left. Leaving by the bottom, entering by the top is Builder's way. */
const LEAVE_COST = [90, 16, 0, 28];
const ENTER_COST = [0, 28, 90, 16];
const SHARE_COST = [0, 1500, 6000];
const CROSS_COST = 18;
const TOUCH_COST = 160;
/** Running past another card's port: a reader would take the line for one entering or leaving that card. */
const PORT_COST = 80;
/** Leaving by a port connectors enter by (or the reverse): two arrows on one line. */
const PORT_MIX = 150;

interface Port {
  point: number;
  axis: number;
  side: number;
  boundary: Point;
}

export class Router {
  // Typed arrays over the grid (Maps made each step ten times slower). States are point * 2 + axis.
  private readonly g: Float32Array;
  private readonly parent: Int32Array;
  /** The search that last reached a state (+ search id), or closed it (- search id). */
  private readonly stamp: Int32Array;
  private search = 0;
  /** Segment (point * 2 + axis, from its left or top end) → the first connector on it + 1; more in segMore. */
  private readonly segFirst: Int32Array;
  private readonly segMore = new Map<number, number[]>();
  /** Grid point → the last connector through it + 1. */
  private readonly pointOwner: Int32Array;
  /** Bits: 1 runs horizontally through, 2 vertically, 4 turns there. */
  private readonly pointUse: Uint8Array;
  /** Grid point → the node + 1 whose port it is. */
  private readonly portOf: Int32Array;
  /** Bits: 1 a connector leaves by this port point, 2 one enters by it. */
  private readonly portUse: Uint8Array;
  private readonly heap = new MinHeap();

  constructor(
    private readonly grid: Grid,
    private readonly boxes: readonly Box[],
    private readonly edges: readonly RouteEdge[],
    private readonly maxExpansions: number,
  ) {
    const n = grid.nx * grid.ny;
    this.g = new Float32Array(2 * n);
    this.parent = new Int32Array(2 * n);
    this.stamp = new Int32Array(2 * n);
    this.segFirst = new Int32Array(2 * n);
    this.pointOwner = new Int32Array(n);
    this.pointUse = new Uint8Array(n);
    this.portOf = new Int32Array(n);
    this.portUse = new Uint8Array(n);
    boxes.forEach((_, v) => {
      for (let side = 0; side < 4; side++) {
        const p = this.port(v, side);
        if (p) this.portOf[p.point] = v + 1;
      }
    });
  }

  private relation(a: number, b: number): number {
    const ea = this.edges[a] as RouteEdge;
    const eb = this.edges[b] as RouteEdge;
    if (ea.s === eb.s || ea.t === eb.t) return 0;
    if (ea.s === eb.t || ea.t === eb.s) return 1;
    return 2;
  }

  /** The worst relation between edge e and the connectors already on segment seg. */
  private shareLevel(seg: number, e: number): number {
    const first = this.segFirst[seg] as number;
    if (first === 0) return -1;
    let worst = this.relation(first - 1, e);
    if (worst < 2) for (const o of this.segMore.get(seg) ?? []) worst = Math.max(worst, this.relation(o, e));
    return worst;
  }

  /** How many connectors run along a segment. */
  usersOf(seg: number): number {
    return this.segFirst[seg] ? 1 + (this.segMore.get(seg)?.length ?? 0) : 0;
  }

  private unrelatedAt(p: number, e: number): boolean {
    const owner = this.pointOwner[p] as number;
    return owner !== 0 && this.relation(owner - 1, e) === 2;
  }

  port(v: number, side: number): Port | undefined {
    const b = this.boxes[v] as Box;
    const { xs, ys, nx } = this.grid;
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    let i: number;
    let j: number;
    if (side === 0 || side === 2) {
      i = nearest(xs, cx);
      j = nearest(ys, side === 0 ? b.y - CLEARANCE : b.y + b.height + CLEARANCE);
    } else {
      j = nearest(ys, cy);
      i = nearest(xs, side === 3 ? b.x - CLEARANCE : b.x + b.width + CLEARANCE);
    }
    const point = j * nx + i;
    if (this.grid.blocked[point]) return undefined;
    const x = xs[i] as number;
    const y = ys[j] as number;
    const boundary =
      side === 0
        ? { x, y: b.y }
        : side === 2
          ? { x, y: b.y + b.height }
          : side === 1
            ? { x: b.x + b.width, y }
            : { x: b.x, y };
    return { point, axis: side === 0 || side === 2 ? 1 : 0, side, boundary };
  }

  route(e: number): Routed | undefined {
    const edge = this.edges[e] as RouteEdge;
    const self = edge.s === edge.t;
    const starts = (self ? [1] : [2, 1, 3, 0]).map((k) => this.port(edge.s, k)).filter((p): p is Port => !!p);
    const goals = (self ? [0] : [0, 3, 1, 2]).map((k) => this.port(edge.t, k)).filter((p): p is Port => !!p);
    if (starts.length === 0 || goals.length === 0) return undefined;
    const found = this.astar(e, starts, goals);
    if (!found) return undefined;
    const nx = this.grid.nx;
    for (let k = 1; k < found.path.length; k++) {
      const p = found.path[k - 1] as number;
      const q = found.path[k] as number;
      const seg = Math.floor(p / nx) === Math.floor(q / nx) ? Math.min(p, q) * 2 : Math.min(p, q) * 2 + 1;
      if (this.shareLevel(seg, e) === 2) found.clean = false;
    }
    this.occupy(e, found.path);
    const first = found.path[0] as number;
    const last = found.path[found.path.length - 1] as number;
    this.portUse[first] = (this.portUse[first] as number) | 1;
    this.portUse[last] = (this.portUse[last] as number) | 2;
    return found;
  }

  private astar(e: number, starts: Port[], goals: Port[]): Routed | undefined {
    const { xs, ys, nx, ny, blocked } = this.grid;
    const edge = this.edges[e] as RouteEdge;
    const heap = this.heap;
    const id = ++this.search;
    const { g, parent, stamp } = this;
    heap.clear();
    const gxs = goals.map((p) => xs[p.point % nx] as number);
    const gys = goals.map((p) => ys[Math.floor(p.point / nx)] as number);
    const h = (p: number) => {
      const x = xs[p % nx] as number;
      const y = ys[Math.floor(p / nx)] as number;
      let best = Infinity;
      for (let k = 0; k < gxs.length; k++)
        best = Math.min(best, Math.abs(x - (gxs[k] as number)) + Math.abs(y - (gys[k] as number)));
      return best;
    };
    const goalAt = new Map<number, Port[]>();
    for (const p of goals) goalAt.set(p.point, [...(goalAt.get(p.point) ?? []), p]);
    const startOf = new Map<number, Port>();
    for (const p of starts) {
      const s = p.point * 2 + p.axis;
      const cost = (LEAVE_COST[p.side] as number) + ((this.portUse[p.point] as number) & 2 ? PORT_MIX : 0);
      if (stamp[s] === id && (g[s] as number) <= cost) continue;
      stamp[s] = id;
      g[s] = cost;
      parent[s] = -1;
      startOf.set(s, p);
      heap.push(cost + HEURISTIC_WEIGHT * h(p.point), s);
    }
    let best = Infinity;
    let bestState = -1;
    let bestGoal: Port | undefined;
    let expansions = 0;
    while (heap.size > 0) {
      const f = heap.topKey();
      const s = heap.pop();
      if (f >= best) break;
      if (stamp[s] === -id) continue;
      stamp[s] = -id;
      if (++expansions > this.maxExpansions) break;
      const p = s >> 1;
      const axis = s & 1;
      const gs = g[s] as number;
      const here = goalAt.get(p);
      if (here) {
        for (const goal of here) {
          const mix = (this.portUse[goal.point] as number) & 1 ? PORT_MIX : 0;
          const total = gs + (goal.axis === axis ? 0 : BEND) + (ENTER_COST[goal.side] as number) + mix;
          if (total < best && !(startOf.get(s)?.point === p && parent[s] === -1)) {
            best = total;
            bestState = s;
            bestGoal = goal;
          }
        }
      }
      const i = p % nx;
      const j = (p - i) / nx;
      for (let d = 0; d < 4; d++) {
        const ni = d === 0 ? i + 1 : d === 1 ? i - 1 : i;
        const nj = d === 2 ? j + 1 : d === 3 ? j - 1 : j;
        if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
        const q = nj * nx + ni;
        if (blocked[q]) continue;
        const na = d < 2 ? 0 : 1;
        const seg = na === 0 ? Math.min(p, q) * 2 : Math.min(p, q) * 2 + 1;
        let cost =
          gs + Math.abs((xs[ni] as number) - (xs[i] as number)) + Math.abs((ys[nj] as number) - (ys[j] as number));
        if (na !== axis) {
          cost += BEND;
          if (this.unrelatedAt(p, e)) cost += TOUCH_COST;
        }
        const share = this.shareLevel(seg, e);
        if (share >= 0) cost += SHARE_COST[share] as number;
        else if (this.unrelatedAt(q, e)) {
          const use = this.pointUse[q] as number;
          cost += use & 4 ? TOUCH_COST : use & (na === 0 ? 2 : 1) ? CROSS_COST : 0;
        }
        const owner = this.portOf[q] as number;
        if (owner !== 0 && owner - 1 !== edge.s && owner - 1 !== edge.t) cost += PORT_COST;
        const ns = q * 2 + na;
        const st = stamp[ns] as number;
        if (st === -id || (st === id && (g[ns] as number) <= cost)) continue;
        stamp[ns] = id;
        g[ns] = cost;
        parent[ns] = s;
        heap.push(cost + HEURISTIC_WEIGHT * h(q), ns);
      }
    }
    if (!bestGoal || bestState < 0) return undefined;
    const states: number[] = [];
    for (let s = bestState; s >= 0; s = parent[s] as number) states.push(s);
    states.reverse();
    const start = startOf.get(states[0] as number) as Port;
    const path = states.map((s) => s >> 1);
    const pts: Point[] = [
      start.boundary,
      ...path.map((p) => ({ x: xs[p % nx] as number, y: ys[Math.floor(p / nx)] as number })),
      bestGoal.boundary,
    ];
    return { points: tidy(pts), path, clean: true };
  }

  private occupy(e: number, path: number[]): void {
    const nx = this.grid.nx;
    for (let k = 0; k < path.length; k++) {
      const p = path[k] as number;
      const prev = path[k - 1];
      const next = path[k + 1];
      const hPrev = prev !== undefined && Math.floor(prev / nx) === Math.floor(p / nx);
      const hNext = next !== undefined && Math.floor(next / nx) === Math.floor(p / nx);
      const turn = prev !== undefined && next !== undefined && hPrev !== hNext;
      this.pointOwner[p] = e + 1;
      const use = (turn ? 4 : 0) | (hPrev || hNext ? 1 : 0) | (!hPrev || !hNext ? 2 : 0);
      this.pointUse[p] = (this.pointUse[p] as number) | use;
      if (next === undefined) continue;
      const seg = hNext ? Math.min(p, next) * 2 : Math.min(p, next) * 2 + 1;
      if (this.segFirst[seg] === 0) this.segFirst[seg] = e + 1;
      else {
        const more = this.segMore.get(seg);
        if (more) more.push(e);
        else this.segMore.set(seg, [e]);
      }
    }
  }
}
