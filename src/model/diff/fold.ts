import { START_ID } from '../graph';
import type { DiffGraph, DiffGraphEdge, DiffGraphNode } from './types';

/** The node type of a fold: "… 4 unchanged", a run of unchanged elements drawn as one node on its path. */
export const FOLD_TYPE = 'fold';

/** A run (or parallel runs) of unchanged elements between the same shown elements, drawn as one node. */
export interface Fold {
  /** Its node id in the folded graph (`fold:` and its first element's id). */
  id: string;
  /** The union node ids it stands for, in the union graph's order. */
  members: string[];
}

/** What Changes only draws: the changes, their neighbours and the folds between them, as one graph. */
export interface FoldedGraph {
  /** Shown union nodes (unchanged ids), fold nodes (`type: 'fold'`) and the connectors between them. */
  graph: DiffGraph;
  folds: Fold[];
  /** Union node id → the fold that stands for it (absent: the node is shown, or not in the union graph). */
  foldOf: ReadonlyMap<string, string>;
  /** The union nodes that are changes: changed elements and the ends of changed connectors. */
  changed: ReadonlySet<string>;
}

/** A connector is a change when it was added or removed, or it stayed but its label or Go To flag changed. */
export const isChangedEdge = (e: DiffGraphEdge) =>
  e.status !== 'unchanged' ||
  (e.before !== undefined && ((e.before.label ?? '') !== (e.label ?? '') || e.before.goTo !== e.goTo));

/** Neighbours along ordinary connectors; fault paths and Go To jumps tie far parts of a flow together. */
const chains = (e: DiffGraphEdge) => e.kind !== 'fault' && !e.goTo;

/**
 * Changes only, as GitHub folds a diff's unchanged lines: every change (a changed, added, removed or
 * renamed element, and both ends of a changed connector) with its direct neighbours on every path (one
 * element of context before and after), Start, and anything in `reveal`; every connected run of the other
 * (unchanged) elements becomes one fold node on the path it stands for, connected to the element before it
 * and the one after it, so the picture stays one flow. Runs that lead from and to the same shown elements
 * (the branches of an unchanged decision between two changes) share one fold; a run of one element is
 * shown rather than folded (the fold would take its place and say less). Pure: the layout places the result.
 */
export function foldChanges(union: DiffGraph, reveal: ReadonlySet<string> = new Set()): FoldedGraph {
  const changed = new Set(union.nodes.filter((n) => n.status !== 'unchanged').map((n) => n.id));
  for (const e of union.edges) {
    if (!isChangedEdge(e)) continue;
    changed.add(e.source);
    changed.add(e.target);
  }
  const ids = new Set(union.nodes.map((n) => n.id));
  const shown = new Set([...changed, ...[...reveal].filter((id) => ids.has(id))]);
  if (ids.has(START_ID)) shown.add(START_ID);
  for (const e of union.edges) {
    if (changed.has(e.source)) shown.add(e.target);
    if (changed.has(e.target)) shown.add(e.source);
  }
  const groups = hiddenRuns(union, shown);
  // A run of one element is drawn as itself.
  for (const g of groups) if (g.length === 1) shown.add(g[0] as string);
  const folds: Fold[] = [];
  const foldOf = new Map<string, string>();
  for (const members of groups) {
    if (members.length < 2) continue;
    let id = `fold:${members[0]}`;
    while (ids.has(id)) id += '~';
    folds.push({ id, members });
    for (const m of members) foldOf.set(m, id);
  }
  return { graph: foldedGraph(union, foldOf, folds), folds, foldOf, changed };
}

/**
 * The hidden (not shown) nodes in runs: connected along ordinary connectors, merged when they are entered
 * from and lead to the same shown elements.
 */
function hiddenRuns(union: DiffGraph, shown: ReadonlySet<string>): string[][] {
  const order = new Map(union.nodes.map((n, i) => [n.id, i]));
  const adj = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adj.get(a);
    if (list) list.push(b);
    else adj.set(a, [b]);
  };
  const from = new Map<string, Set<string>>();
  const to = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    const s = m.get(k);
    if (s) s.add(v);
    else m.set(k, new Set([v]));
  };
  for (const e of union.edges) {
    const s = shown.has(e.source);
    const t = shown.has(e.target);
    if (!s && !t && chains(e)) {
      link(e.source, e.target);
      link(e.target, e.source);
    } else if (s && !t) add(from, e.target, e.source);
    else if (!s && t) add(to, e.source, e.target);
  }
  const seen = new Set<string>();
  const bySignature = new Map<string, string[]>();
  for (const n of union.nodes) {
    if (shown.has(n.id) || seen.has(n.id)) continue;
    const members: string[] = [];
    const entries = new Set<string>();
    const exits = new Set<string>();
    const stack = [n.id];
    seen.add(n.id);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      members.push(id);
      for (const x of from.get(id) ?? []) entries.add(x);
      for (const x of to.get(id) ?? []) exits.add(x);
      for (const next of adj.get(id) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    // JSON of two sorted lists: no separator inside an id can make two signatures equal.
    const signature = JSON.stringify([[...entries].sort(), [...exits].sort()]);
    const group = bySignature.get(signature);
    if (group) group.push(...members);
    else bySignature.set(signature, members);
  }
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return [...bySignature.values()].map((g) => g.sort(byOrder));
}

/** The union graph with each fold's members replaced by its node and their connectors by the fold's. */
function foldedGraph(union: DiffGraph, foldOf: ReadonlyMap<string, string>, folds: Fold[]): DiffGraph {
  const firstOf = new Map(folds.map((f) => [f.members[0] as string, f]));
  const nodes: DiffGraphNode[] = [];
  for (const n of union.nodes) {
    const fold = firstOf.get(n.id);
    if (fold) {
      const count = fold.members.length;
      nodes.push({ id: fold.id, type: FOLD_TYPE, label: `… ${count} unchanged`, status: 'unchanged' });
    } else if (!foldOf.has(n.id)) nodes.push(n);
  }
  const edgeIds = new Set(union.edges.map((e) => e.id));
  const made = new Set<string>();
  const edges: DiffGraphEdge[] = [];
  for (const e of union.edges) {
    const source = foldOf.get(e.source) ?? e.source;
    const target = foldOf.get(e.target) ?? e.target;
    if (source === e.source && target === e.target) {
      edges.push(e);
      continue;
    }
    if (source === target) continue;
    // Into a fold: the shown element's own connector (its outcome, its label). Out of a fold: a plain next
    // step (or fault path) from the fold; what the folded elements' outcomes were called is folded with them.
    const out = source !== e.source;
    const kind = out ? (e.kind === 'fault' ? 'fault' : 'next') : e.kind;
    const key = out ? undefined : e.key;
    const base = `${source}->${target}#${kind}${key === undefined ? '' : `#${key}`}${e.goTo ? '#goto' : ''}`;
    if (made.has(base)) continue;
    made.add(base);
    let id = base;
    while (edgeIds.has(id)) id += '~';
    edgeIds.add(id);
    const edge: DiffGraphEdge = { id, source, target, kind, goTo: e.goTo, status: 'unchanged' };
    if (key !== undefined) edge.key = key;
    if (!out && e.label !== undefined) edge.label = e.label;
    edges.push(edge);
  }
  return { flow: union.flow, nodes, edges, warnings: [] };
}
