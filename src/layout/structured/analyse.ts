/**
 * Graph analysis for the structured engine: edge order, back edges (loop-backs), the acyclic "flow"
 * graph and its post-dominators. A decision's branches merge at its immediate post-dominator — the
 * first element every path from it reaches — which is how Flow Builder's auto-layout reads merges
 * from metadata that never stores them.
 */
import { KIND_ORDER } from '../../model/graph';
import type { EndMark, LayoutEdgeInput, LayoutGraphInput } from '../types';
import { withEnds } from './ends';

export interface Analysis {
  n: number;
  ids: string[];
  types: string[];
  /** Node labels (for the Go To markers' widths), when the graph has them. */
  labels: (string | undefined)[];
  edges: LayoutEdgeInput[];
  /** Per node: indices into `edges` of its outgoing edges, in Builder's left-to-right order. */
  out: number[][];
  /** Per node: number of incoming edges that are neither Go To nor back edges. */
  inDegree: number[];
  /** Per edge: a loop-back (closes a cycle through a Loop; found by DFS in Builder order). */
  back: boolean[];
  /** Per edge: drawn as a jump — a Go To, or a connector closing a cycle that is not a Loop. */
  jump: boolean[];
  /** Virtual node ids: EXIT = n; loopEnd(L) = the virtual "end of L's body" node, or -1. */
  exit: number;
  loopEndOf: Map<number, number>;
  /** Per edge: its target in the flow DAG (a loop-back edge targets its loop's virtual body end). */
  dagTarget: number[];
  /** Immediate post-dominator of every DAG node (real and virtual), dead ends aside; -1 for EXIT. */
  ipdom: Int32Array;
  /** The nearest common post-dominator of two DAG nodes. */
  meet: (a: number, b: number) => number;
  /** Start node index, or -1. */
  start: number;
  /** The Ends added after the graph's open paths (their nodes and edges are in `ids` and `edges`). */
  ends: EndMark[];
}

/** Always succeeds: what cannot be drawn as branches and loops is drawn as jumps. */
export function analyse(input: LayoutGraphInput): Analysis {
  const { graph, ends } = withEnds(input);
  const n = graph.nodes.length;
  const ids = graph.nodes.map((node) => node.id);
  const types = graph.nodes.map((node) => node.type);
  const labels = graph.nodes.map((node) => node.label);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const edges = graph.edges.filter((e) => index.has(e.source) && index.has(e.target));
  const src = edges.map((e) => index.get(e.source) as number);
  const tgt = edges.map((e) => index.get(e.target) as number);
  const out: number[][] = ids.map(() => []);
  edges.forEach((_, i) => {
    (out[src[i] as number] as number[]).push(i);
  });
  for (const list of out)
    list.sort(
      (x, y) =>
        KIND_ORDER[(edges[x] as LayoutEdgeInput).kind] - KIND_ORDER[(edges[y] as LayoutEdgeInput).kind] || x - y,
    );

  const back = findBackEdges(n, edges, out, tgt, index.get('$start') ?? -1);
  // A cycle that is not a Loop (a "retry" screen, a decision jumping back) is drawn as Flow Builder
  // converts it: as a Go To.
  const jump = edges.map((e) => e.goTo === true);
  for (let i = 0; i < edges.length; i++) {
    if (back[i] && types[tgt[i] as number] !== 'loops') {
      back[i] = false;
      jump[i] = true;
    }
  }
  let dag = buildDag(n, edges, out, tgt, back, jump);
  if (!dag) {
    // Something enters a Loop's body from outside it: draw every loop-back as a jump instead.
    for (let i = 0; i < edges.length; i++) {
      if (back[i]) {
        back[i] = false;
        jump[i] = true;
      }
    }
    dag = buildDag(n, edges, out, tgt, back, jump) as Dag;
  }
  const inDegree = new Array<number>(n).fill(0);
  edges.forEach((_, i) => {
    const t = tgt[i] as number;
    if (!jump[i] && !back[i]) inDegree[t] = (inDegree[t] as number) + 1;
  });
  const start = index.get('$start') ?? -1;
  const roots = start >= 0 ? [start] : [];
  for (let v = 0; v < n; v++) if (inDegree[v] === 0 && v !== start) roots.push(v);
  const live = findLive(dag.succ.length, dag.succ, dag.order, n, roots);
  const { ipdom, meet } = postDominators(dag.succ.length, dag.succ, dag.order, n, live);
  return {
    n,
    ids,
    types,
    labels,
    edges,
    out,
    inDegree,
    back,
    jump,
    exit: n,
    loopEndOf: dag.loopEndOf,
    dagTarget: dag.dagTarget,
    ipdom,
    meet,
    start,
    ends,
  };
}

interface Dag {
  loopEndOf: Map<number, number>;
  dagTarget: number[];
  succ: number[][];
  order: number[];
}

/** The flow DAG: no Go To, no faults; a loop-back targets its Loop's virtual body end. Undefined if cyclic. */
function buildDag(
  n: number,
  edges: LayoutEdgeInput[],
  out: number[][],
  tgt: number[],
  back: boolean[],
  jump: boolean[],
): Dag | undefined {
  // Virtual nodes: EXIT (n), then one "body end" per loop that something loops back to.
  const exit = n;
  const loopEndOf = new Map<number, number>();
  edges.forEach((_, i) => {
    const t = tgt[i] as number;
    if (back[i] && !loopEndOf.has(t)) loopEndOf.set(t, n + 1 + loopEndOf.size);
  });
  const total = n + 1 + loopEndOf.size;
  const dagTarget = edges.map((_, i) => (back[i] ? (loopEndOf.get(tgt[i] as number) as number) : (tgt[i] as number)));
  const succ: number[][] = [];
  for (let v = 0; v < n; v++) {
    const s: number[] = [];
    for (const i of out[v] as number[])
      if (!jump[i] && (edges[i] as LayoutEdgeInput).kind !== 'fault') s.push(dagTarget[i] as number);
    succ.push(s.length > 0 ? s : [exit]);
  }
  succ.push([]);
  for (const [loop, end] of loopEndOf) {
    const after = (out[loop] as number[]).find((i) => (edges[i] as LayoutEdgeInput).kind === 'loopEnd' && !jump[i]);
    // After Last may itself loop back (a nested loop's After Last returning to the outer loop).
    succ[end] = [after === undefined ? exit : (dagTarget[after] as number)];
  }
  const order = topoOrder(total, succ);
  return order ? { loopEndOf, dagTarget, succ, order } : undefined;
}

/** Iterative DFS from Start, then from every other unvisited node, in Builder order (no Go To, no faults). */
function findBackEdges(n: number, edges: LayoutEdgeInput[], out: number[][], tgt: number[], start: number): boolean[] {
  const back = new Array<boolean>(edges.length).fill(false);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  // Start, then elements nothing leads to (unreachable entry points), then the rest (unreachable cycles).
  const hasIn = new Uint8Array(n);
  edges.forEach((e, i) => {
    if (!e.goTo) hasIn[tgt[i] as number] = 1;
  });
  const roots = start >= 0 ? [start] : [];
  for (let v = 0; v < n; v++) if (!hasIn[v]) roots.push(v);
  for (let v = 0; v < n; v++) roots.push(v);
  for (const root of roots) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [v, k] = top;
      const list = out[v] as number[];
      if (k >= list.length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = k + 1;
      const i = list[k] as number;
      // A fault followed first made a plain merge below it look like a loop-back (and so a Go To).
      const e = edges[i] as LayoutEdgeInput;
      if (e.goTo || e.kind === 'fault') continue;
      const t = tgt[i] as number;
      if (state[t] === 1) back[i] = true;
      else if (state[t] === 0) {
        state[t] = 1;
        stack.push([t, 0]);
      }
    }
  }
  return back;
}

/** Kahn's algorithm; undefined when the graph has a cycle. */
function topoOrder(total: number, succ: number[][]): number[] | undefined {
  const indeg = new Int32Array(total);
  for (const s of succ) for (const t of s) indeg[t] = (indeg[t] as number) + 1;
  const order: number[] = [];
  for (let v = 0; v < total; v++) if (indeg[v] === 0) order.push(v);
  for (let k = 0; k < order.length; k++) {
    for (const t of succ[order[k] as number] as number[]) {
      indeg[t] = (indeg[t] as number) - 1;
      if (indeg[t] === 0) order.push(t);
    }
  }
  return order.length === total ? order : undefined;
}

/**
 * Elements that lead to their piece of the flow's main end: from each root (Start first), follow the
 * longest path to its last element and mark everything that reaches it. The rest are dead ends (an
 * error screen, a "no records" branch): Flow Builder ends such a branch with End and still merges the
 * other branches, so dead ends must not stop a merge.
 */
function findLive(total: number, succ: number[][], order: number[], exit: number, roots: number[]): Uint8Array {
  const height = new Int32Array(total);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] as number;
    for (const t of succ[v] as number[]) height[v] = Math.max(height[v] as number, (height[t] as number) + 1);
  }
  const pred: number[][] = Array.from({ length: total }, () => []);
  succ.forEach((s, v) => {
    for (const t of s) (pred[t] as number[]).push(v);
  });
  const live = new Uint8Array(total);
  live[exit] = 1;
  const reach = (from: number) => {
    const stack = [from];
    live[from] = 1;
    while (stack.length > 0) {
      for (const p of pred[stack.pop() as number] as number[]) {
        if (!live[p]) {
          live[p] = 1;
          stack.push(p);
        }
      }
    }
  };
  // A branch that loops back to its Loop is never a dead end: when the longest path ends in an End inside
  // the body, a Decision there would "merge" on that path and draw its loop-back down through it. (Only
  // the loop's end counts: what leads to it keeps its own liveness, or merges elsewhere would move.)
  for (let v = exit + 1; v < total; v++) live[v] = 1;
  for (const root of roots) {
    let v = root;
    for (;;) {
      let next = -1;
      for (const t of succ[v] as number[])
        if (t !== exit && (next < 0 || (height[t] as number) > (height[next] as number))) next = t;
      if (next < 0) break;
      v = next;
    }
    if (!live[v]) reach(v);
  }
  return live;
}

interface PostDominators {
  ipdom: Int32Array;
  meet: (a: number, b: number) => number;
}

/**
 * Post-dominator tree of a DAG in one pass over reverse topological order (EXIT is the root). A live
 * element's merge only counts its live successors.
 */
function postDominators(
  total: number,
  succ: number[][],
  order: number[],
  exit: number,
  live: Uint8Array,
): PostDominators {
  const ipdom = new Int32Array(total).fill(-2);
  const depth = new Int32Array(total);
  ipdom[exit] = -1;
  const meet = (a: number, b: number): number => {
    while (a !== b) {
      if ((depth[a] as number) >= (depth[b] as number)) a = ipdom[a] as number;
      else b = ipdom[b] as number;
    }
    return a;
  };
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] as number;
    if (v === exit) continue;
    const all = succ[v] as number[];
    const liveSucc = live[v] ? all.filter((t) => live[t]) : [];
    const s = liveSucc.length > 0 ? liveSucc : all;
    let d = s.length > 0 ? (s[0] as number) : exit;
    for (let j = 1; j < s.length; j++) d = meet(d, s[j] as number);
    ipdom[v] = d;
    depth[v] = (depth[d] as number) + 1;
  }
  return { ipdom, meet };
}
