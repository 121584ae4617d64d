/**
 * The branch/merge plan of a structured flow: sequences of elements, where a branching element (a
 * Decision, Wait, Loop, Start with scheduled paths) holds one sequence per outgoing path that ends at
 * its merge element (its immediate post-dominator), and fault paths hang off the side.
 * A graph whose paths meet anywhere else (two paths sharing elements before their merge, a fault path
 * rejoining the main path without Go To) is not structured: the caller falls back to ELK.
 */
import type { Analysis } from './analyse';
import { runDeep, type Deep } from './deep';
import type { LayoutEdgeInput } from '../types';

export interface PlanItem {
  node: number;
  /** Filled by placement: top relative to its sequence's origin; then absolute centre x and top. */
  y: number;
  cx: number;
  top: number;
  /** Filled by placement for branching elements. */
  geom?: SplitGeom;
  /** A branching element: one branch per non-fault outgoing edge, in Builder order. */
  branches?: PlanBranch[];
  /** A Loop: the For Each body sits below it, After Last goes round the right. */
  loop?: boolean;
  /** Fault paths, drawn to the right. */
  sides: PlanSide[];
  /** For an element that does not branch: its one outgoing connector (not a fault), if any. */
  next?: number;
}

interface PlanBranch {
  edge: number;
  seq: PlanItem[];
  /** A Go To outcome: a stub column in its rule's place; its line is routed after placement. */
  jump: boolean;
}

export interface PlanSide {
  edge: number;
  seq: PlanItem[];
  /** Filled by placement: the fault column's entry (top centre) relative to the owning sequence's origin. */
  dx: number;
  dy: number;
}

/** Where a branching element's parts sit, relative to its top centre. */
export interface SplitGeom {
  /** The split line under the element. */
  splitY: number;
  labelTop: number;
  /** Top of the branch row (the branches' first elements) and its bottom. */
  rowTop: number;
  rowBottom: number;
  /** Centre x of each branch column. */
  xs: number[];
  /** A Loop's loop-back channel: the line under the body and the vertical left of it. */
  loopBack?: { y: number; x: number };
}

export interface Plan {
  roots: PlanItem[][];
  /** Per edge: drawn as a jump (Go To, a cycle that is not a Loop, or two paths meeting before their merge). */
  jump: boolean[];
  /** How many connectors that are not Go To had to be drawn as jumps. */
  demoted: number;
  /**
   * Every element's nesting depth (branches and fault paths it sits in), summed: what placement costs,
   * as each nested block's profile grows with its depth (5,000 Decisions nested in one another: 12.5M).
   */
  cost: number;
  /** The deepest nesting. */
  deepest: number;
}

/**
 * Claims every element for exactly one place. A connector into an element that already has its place
 * (two paths meeting before their merge, a fault path rejoining) becomes a jump, as Flow Builder does
 * when it converts a free-form flow to auto-layout: it keeps its place in the post-dominator
 * analysis, so merges stay where the flow's shape puts them.
 */
export function buildPlan(a: Analysis): Plan {
  const owner = new Uint8Array(a.n);
  // A fault path back to a Loop is drawn as a jump too (the loop-back channel is for the body's end).
  const jump = a.jump.map((j, i) => j || (a.back[i] === true && (a.edges[i] as LayoutEdgeInput).kind === 'fault'));
  let demoted = jump.filter((j, i) => j && !(a.edges[i] as LayoutEdgeInput).goTo).length;
  const edge = (i: number) => a.edges[i] as LayoutEdgeInput;
  const pendingSides: { item: PlanItem; edge: number; depth: number }[] = [];
  const demote = (i: number) => {
    jump[i] = true;
    demoted++;
  };

  /** A sequence from `entry` (reached by edge `via`, or -1) up to `stop` or a virtual node. */
  let cost = 0;
  let deepest = 0;
  function* walkDeep(entry: number, stop: number, via: number, depth: number): Deep<PlanItem[]> {
    const seq: PlanItem[] = [];
    let cur = entry;
    while (cur !== stop && cur < a.n) {
      if (owner[cur]) {
        if (via >= 0) demote(via);
        break;
      }
      owner[cur] = 1;
      cost += depth;
      if (depth > deepest) deepest = depth;
      const item: PlanItem = { node: cur, sides: [], y: 0, cx: 0, top: 0 };
      seq.push(item);
      for (const i of a.out[cur] as number[]) {
        if (edge(i).kind === 'fault' && !jump[i] && !a.back[i]) pendingSides.push({ item, edge: i, depth: depth + 1 });
      }
      const be = (a.out[cur] as number[]).filter((i) => edge(i).kind !== 'fault');
      const loop = a.types[cur] === 'loops' && be.some((i) => edge(i).kind === 'loopNext');
      if (be.length >= 2 || loop) {
        let merge = a.ipdom[cur] as number;
        // Start's paths (Run Immediately, scheduled paths) only merge where all of them meet.
        if (cur === a.start)
          merge = be
            .filter((i) => !jump[i])
            .map((i) => a.dagTarget[i] as number)
            .reduce((m, t) => a.meet(m, t), merge);
        // A Loop without After Last: its only way on is the body, which must stay its branch.
        const bodyEnd = loop ? a.loopEndOf.get(cur) : undefined;
        if (bodyEnd !== undefined && be.some((i) => edge(i).kind === 'loopNext' && a.dagTarget[i] === merge))
          merge = a.ipdom[bodyEnd] as number;
        const branches: PlanBranch[] = [];
        for (const i of be) {
          const seq = jump[i] ? [] : ((yield walkDeep(a.dagTarget[i] as number, merge, i, depth + 1)) as PlanItem[]);
          branches.push({ edge: i, jump: jump[i] as boolean, seq });
        }
        item.branches = branches;
        if (loop) item.loop = true;
        cur = merge;
        via = -1;
      } else {
        const only = be[0];
        if (only !== undefined) item.next = only;
        cur = only === undefined || jump[only] ? a.exit : (a.dagTarget[only] as number);
        via = only ?? -1;
      }
    }
    return seq;
  }
  const walk = (entry: number, stop: number, via: number, depth: number): PlanItem[] =>
    runDeep(walkDeep(entry, stop, via, depth));

  const drainSides = () => {
    for (let k = 0; k < pendingSides.length; k++) {
      const { item, edge: i, depth } = pendingSides[k] as (typeof pendingSides)[number];
      const target = a.dagTarget[i] as number;
      if (owner[target]) demote(i);
      else item.sides.push({ edge: i, seq: walk(target, a.exit, i, depth), dx: 0, dy: 0 });
    }
    pendingSides.length = 0;
  };

  const roots: PlanItem[][] = [];
  const candidates: number[] = [];
  if (a.start >= 0) candidates.push(a.start);
  for (let v = 0; v < a.n; v++) if (a.inDegree[v] === 0 && v !== a.start) candidates.push(v);
  for (let v = 0; v < a.n; v++) candidates.push(v);
  for (const v of candidates) {
    if (owner[v]) continue;
    roots.push(walk(v, a.exit, -1, 0));
    drainSides();
  }
  return { roots, jump, demoted, cost, deepest };
}
