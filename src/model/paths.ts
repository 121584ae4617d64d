import { type FlowGraph, type GraphEdge, START_ID } from './graph';

/** The elements and connectors of a path set: every path merged into one picture. */
export interface PathSet {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** How many distinct paths lead from Start to an element. */
export interface PathCount {
  count: number;
  /**
   * `cap`: there are more than `count` (the cap) paths; `budget`: counting stopped after its time budget with
   * `count` found, so there are at least that many; absent: exactly `count`.
   */
  more?: 'cap' | 'budget';
}

export type PathsTo =
  | ({ reachable: true; count: PathCount } & PathSet)
  | { reachable: false; reason: 'no path from Start' };

export const PATH_CAP = 10_000;
/** Steps the exact count may take on a graph where the fast count is not exact (irreducible cycles). */
const COUNT_BUDGET = 2_000_000;

interface Adjacency {
  out: Map<string, GraphEdge[]>;
  into: Map<string, GraphEdge[]>;
}
const adjacencies = new WeakMap<FlowGraph, Adjacency>();

function adjacencyOf(graph: FlowGraph): Adjacency {
  const known = adjacencies.get(graph);
  if (known) return known;
  const out = new Map<string, GraphEdge[]>();
  const into = new Map<string, GraphEdge[]>();
  for (const n of graph.nodes) {
    out.set(n.id, []);
    into.set(n.id, []);
  }
  for (const e of graph.edges) {
    out.get(e.source)?.push(e);
    into.get(e.target)?.push(e);
  }
  const adjacency = { out, into };
  adjacencies.set(graph, adjacency);
  return adjacency;
}

/** Every node reachable from `from` (itself included), following `next`. */
function closure(from: string, next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set([from]);
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop())
    for (const n of next(id))
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
  return seen;
}

const hasStart = (graph: FlowGraph) => graph.nodes.some((n) => n.id === START_ID);

/**
 * How do we get here? Every element and connector on some way from Start to `target`, merged, and how many
 * distinct paths there are.
 *
 * The set is what can run before the element: reachable from Start and reaching it. Loops count as they run:
 * a Loop's For Each body and the connector back to the Loop are part of the way to whatever comes after the
 * loop (and to the body's own elements, reached again on the next item); so is any other cycle, a Go To back
 * included, and a fault path that leads on to the element.
 *
 * The count is of simple paths (no element twice, so going round a loop is not another path; two connectors
 * between the same elements — two outcomes to one element — are two paths). It is exact on every flow whose
 * cycles are entered at one element (loops, Go To back to an earlier element): counted over the graph without
 * its back connectors in linear time. A flow with a cycle entered in two places is counted path by path, within
 * a budget. Counts stop at `cap` (more: 'cap').
 */
export function pathsTo(graph: FlowGraph, target: string, options: { cap?: number } = {}): PathsTo {
  const cap = options.cap ?? PATH_CAP;
  const { out, into } = adjacencyOf(graph);
  if (!hasStart(graph) || !out.has(target)) return { reachable: false, reason: 'no path from Start' };
  const forward = closure(START_ID, (id) => (out.get(id) ?? []).map((e) => e.target));
  if (!forward.has(target)) return { reachable: false, reason: 'no path from Start' };
  const backward = closure(target, (id) => (into.get(id) ?? []).map((e) => e.source));
  const nodes = new Set([...forward].filter((id) => backward.has(id)));
  const edges = new Set(graph.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)).map((e) => e.id));
  return { reachable: true, nodes, edges, count: countPaths(out, nodes, target, cap) };
}

/**
 * What runs after: every element and connector downstream of `from` (itself included), loops included: from
 * inside a Loop's body, the way back to the Loop, the rest of the body and what follows the loop.
 */
export function runsAfter(graph: FlowGraph, from: string): PathSet {
  const { out } = adjacencyOf(graph);
  if (!out.has(from)) return { nodes: new Set(), edges: new Set() };
  const nodes = closure(from, (id) => (out.get(id) ?? []).map((e) => e.target));
  const edges = new Set(graph.edges.filter((e) => nodes.has(e.source)).map((e) => e.id));
  return { nodes, edges };
}

/**
 * Simple paths from Start to `target` inside `nodes` (the way there). A depth-first walk from Start marks back
 * connectors; without them the set is acyclic and paths are summed in topological order (saturating at cap + 1).
 * That is exact when every back connector's target dominates its source (a reducible graph: a simple path never
 * takes a back connector); otherwise the paths are walked one by one within COUNT_BUDGET.
 */
function countPaths(out: Map<string, GraphEdge[]>, nodes: Set<string>, target: string, cap: number): PathCount {
  const inside = (id: string) => (out.get(id) ?? []).filter((e) => nodes.has(e.target));
  // Iterative DFS: postorder and back connectors.
  const state = new Map<string, 1 | 2>();
  const post: string[] = [];
  const back = new Set<GraphEdge>();
  const stack: { id: string; edges: GraphEdge[]; i: number }[] = [{ id: START_ID, edges: inside(START_ID), i: 0 }];
  state.set(START_ID, 1);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const e = top.edges[top.i++];
    if (e === undefined) {
      state.set(top.id, 2);
      post.push(top.id);
      stack.pop();
    } else if (state.get(e.target) === 1) back.add(e);
    else if (!state.has(e.target)) {
      state.set(e.target, 1);
      stack.push({ id: e.target, edges: inside(e.target), i: 0 });
    }
  }
  const order = post.reverse();
  if (back.size > 0 && !reducible(order, inside, back)) return walkPaths(inside, target, cap);
  const ways = new Map<string, number>([[START_ID, 1]]);
  for (const id of order) {
    const here = ways.get(id) ?? 0;
    if (here === 0) continue;
    for (const e of inside(id))
      if (!back.has(e)) ways.set(e.target, Math.min(cap + 1, (ways.get(e.target) ?? 0) + here));
  }
  const count = ways.get(target) ?? 0;
  return count > cap ? { count: cap, more: 'cap' } : { count };
}

/** Whether every back connector's target dominates its source (Cooper, Harvey and Kennedy's dominators). */
function reducible(order: string[], inside: (id: string) => GraphEdge[], back: Set<GraphEdge>): boolean {
  const rank = new Map(order.map((id, i) => [id, i]));
  const preds = new Map<string, string[]>(order.map((id) => [id, []]));
  for (const id of order) for (const e of inside(id)) preds.get(e.target)?.push(id);
  const idom = new Map<string, string>([[START_ID, START_ID]]);
  const intersect = (a: string, b: string) => {
    let x = a;
    let y = b;
    while (x !== y) {
      while ((rank.get(x) ?? 0) > (rank.get(y) ?? 0)) x = idom.get(x) as string;
      while ((rank.get(y) ?? 0) > (rank.get(x) ?? 0)) y = idom.get(y) as string;
    }
    return x;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of order) {
      if (id === START_ID) continue;
      let dom: string | undefined;
      for (const p of preds.get(id) ?? []) if (idom.has(p)) dom = dom === undefined ? p : intersect(p, dom);
      if (dom !== undefined && idom.get(id) !== dom) {
        idom.set(id, dom);
        changed = true;
      }
    }
  }
  const dominates = (a: string, b: string) => {
    for (let x = b; ; x = idom.get(x) as string) {
      if (x === a) return true;
      if (x === START_ID) return false;
    }
  };
  for (const e of back) if (!dominates(e.target, e.source)) return false;
  return true;
}

/** Simple paths one by one (a depth-first walk that never revisits an element on the current path). */
function walkPaths(inside: (id: string) => GraphEdge[], target: string, cap: number): PathCount {
  let count = 0;
  let steps = 0;
  const onPath = new Set([START_ID]);
  const stack: { id: string; edges: GraphEdge[]; i: number }[] = [{ id: START_ID, edges: inside(START_ID), i: 0 }];
  while (stack.length > 0) {
    if (++steps > COUNT_BUDGET) return { count, more: 'budget' };
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const e = top.edges[top.i++];
    if (e === undefined) {
      onPath.delete(top.id);
      stack.pop();
    } else if (e.target === target) {
      if (++count > cap) return { count: cap, more: 'cap' };
    } else if (!onPath.has(e.target)) {
      onPath.add(e.target);
      stack.push({ id: e.target, edges: inside(e.target), i: 0 });
    }
  }
  return { count };
}

/** The nodes of `nodes` from Start on: a depth-first walk's reverse postorder (topological, back connectors aside). */
export function pathOrder(graph: FlowGraph, nodes: ReadonlySet<string>): string[] {
  const { out } = adjacencyOf(graph);
  if (!nodes.has(START_ID)) return [...nodes];
  const seen = new Set([START_ID]);
  const post: string[] = [];
  const next = (id: string) => (out.get(id) ?? []).filter((e) => nodes.has(e.target));
  const stack: { id: string; edges: GraphEdge[]; i: number }[] = [{ id: START_ID, edges: next(START_ID), i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const e = top.edges[top.i++];
    if (e === undefined) {
      post.push(top.id);
      stack.pop();
    } else if (!seen.has(e.target)) {
      seen.add(e.target);
      stack.push({ id: e.target, edges: next(e.target), i: 0 });
    }
  }
  return post.reverse();
}
