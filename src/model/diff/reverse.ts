import { START_ID } from '../graph';
import { connectorChanges, connectorSummary } from './connectors';
import { summarise } from './summary';
import type {
  DiffGraphEdge,
  DiffGraphNode,
  EdgeDiff,
  FlowDiff,
  NodeDiff,
  NodeStatus,
  PropertyChange,
  ResourceDiff,
  Rewire,
} from './types';

const flip = <S extends string>(s: S): S => (s === 'added' ? 'removed' : s === 'removed' ? 'added' : s) as S;
const swapChanges = (cs: PropertyChange[]): PropertyChange[] =>
  cs.map((c) => {
    const r: PropertyChange = { path: c.path };
    if (c.after !== undefined) r.before = c.after;
    if (c.before !== undefined) r.after = c.before;
    return r;
  });
/** `x` / `xBefore` read the other way round; `''` in a `…Before` field means "had none". */
function swapPair<T extends object>(target: T, field: string, now: string | undefined, was: string | undefined) {
  const t = target as Record<string, string | undefined>;
  delete t[field];
  delete t[`${field}Before`];
  if (was === undefined) {
    if (now !== undefined) t[field] = now;
    return;
  }
  if (was !== '') t[field] = was;
  t[`${field}Before`] = now ?? '';
}

/**
 * The diff read the other way round — what `diffFlows(after, before)` gives, without diffing again (the
 * app's Swap). Equal to it up to the order of lists (docs/diff-format.md, "Invariants").
 */
export function reverseDiff(d: FlowDiff): FlowDiff {
  const graphNodes = new Map(d.graph.nodes.map((n) => [n.id, n]));
  // The union ids of the reversed diff: the before version's ids, then the after version's removed ones.
  const used = new Set<string>();
  for (const n of d.graph.nodes) if (n.beforeId !== undefined) used.add(n.beforeId);
  const newId = new Map<string, string>();
  const startFirst = [...d.graph.nodes].sort((a, b) => Number(b.type === 'start') - Number(a.type === 'start'));
  for (const n of startFirst) {
    if (n.beforeId !== undefined) {
      newId.set(n.id, n.beforeId);
      continue;
    }
    const name = n.afterId ?? n.id;
    let id = name;
    for (let k = 1; used.has(id); k++) id = `${name}~before${k > 1 ? k : ''}`;
    used.add(id);
    newId.set(n.id, id);
  }
  const idOf = (unionId: string) => newId.get(unionId) ?? unionId;

  const nodes: DiffGraphNode[] = d.graph.nodes.map((n) => {
    const r: DiffGraphNode = { ...n, id: idOf(n.id), status: flip(n.status) };
    delete r.renamedFrom;
    delete r.beforeId;
    delete r.afterId;
    delete r.labelBefore;
    delete r.unreachableBefore;
    if (n.afterId !== undefined) r.beforeId = n.afterId;
    if (n.beforeId !== undefined) r.afterId = n.beforeId;
    if (n.status === 'renamed' && n.afterId !== undefined) r.renamedFrom = n.afterId;
    if (n.labelBefore !== undefined) {
      r.label = n.labelBefore;
      r.labelBefore = n.label;
    }
    if (n.unreachableBefore !== undefined) {
      if (n.unreachableBefore) r.unreachable = true;
      else delete r.unreachable;
      r.unreachableBefore = n.unreachable === true;
    }
    return r;
  });
  const edges = reverseUnionEdges(d.graph.edges, idOf);
  const graph = { ...d.graph, nodes, edges };

  // After-version names → before-version names, for the by-name lists.
  const toBefore = new Map<string, string>();
  for (const n of d.graph.nodes)
    if (n.afterId !== undefined && n.beforeId !== undefined) toBefore.set(n.afterId, n.beforeId);
  const diffNodes = d.nodes.map((n) => reverseNode(n, graphNodes.get(n.graphId ?? n.id)));
  for (const n of diffNodes) {
    // Removed here = added in `d`, where it kept its own id in the union graph.
    const unionId = n.status === 'removed' ? newId.get(n.id) : undefined;
    if (unionId !== undefined && unionId !== n.id) n.graphId = unionId;
  }
  const byName = d.edges.map(reverseEdge);
  const rewired = d.rewired.map((r) => reverseRewire(r, toBefore.get(r.source) ?? r.source));
  // The reversed diff's before version is the after one: its node ids → the new union ids.
  const unionIdOf = new Map<string, string>();
  for (const n of d.graph.nodes) if (n.afterId !== undefined) unionIdOf.set(n.afterId, idOf(n.id));
  const connectors = connectorChanges(graph, rewired, unionIdOf);
  const resources = d.resources.map((r): ResourceDiff => {
    const back: ResourceDiff = { ...r, status: flip(r.status), changes: swapChanges(r.changes) };
    if (r.renamedFrom !== undefined) Object.assign(back, { id: r.renamedFrom, renamedFrom: r.id });
    return back;
  });
  const properties = swapChanges(d.properties);
  const summary = summarise(diffNodes, byName, resources, properties, connectorSummary(connectors, graph));
  return { summary, nodes: diffNodes, edges: byName, rewired, connectors, resources, properties, graph };
}

function reverseNode(n: NodeDiff, g: DiffGraphNode | undefined): NodeDiff {
  const status: NodeStatus = flip(n.status);
  const r: NodeDiff = {
    id: n.status === 'renamed' ? (n.renamedFrom ?? n.id) : n.id,
    type: n.type,
    label: n.id === START_ID ? n.label : (g?.labelBefore ?? n.label),
    status,
    changes: swapChanges(n.changes),
  };
  if (n.status === 'renamed') r.renamedFrom = n.id;
  return r;
}

function reverseEdge(e: EdgeDiff): EdgeDiff {
  const r: EdgeDiff = { ...e, status: flip(e.status) };
  swapPair(r, 'key', e.key, e.keyBefore);
  swapPair(r, 'label', e.label, e.labelBefore);
  delete r.wasGoTo;
  if (e.wasGoTo !== undefined) {
    r.goTo = e.wasGoTo;
    r.wasGoTo = e.goTo;
  }
  return r;
}

function reverseRewire(r: Rewire, source: string): Rewire {
  const out: Rewire = { ...r, source, before: r.after, after: r.before };
  swapPair(out, 'label', r.label, r.labelBefore);
  return out;
}

function reverseUnionEdges(edges: readonly DiffGraphEdge[], idOf: (id: string) => string): DiffGraphEdge[] {
  const ids = new Set<string>();
  const out: DiffGraphEdge[] = [];
  // The reversed after version's edges first (unchanged and removed here), then its removed ones.
  const ordered = [...edges.filter((e) => e.status !== 'added'), ...edges.filter((e) => e.status === 'added')];
  for (const e of ordered) {
    const source = idOf(e.source);
    const target = idOf(e.target);
    const r: DiffGraphEdge = { ...e, source, target, status: flip(e.status) };
    delete r.before;
    if (e.before) {
      delete r.key;
      delete r.label;
      if (e.before.key !== undefined) r.key = e.before.key;
      if (e.before.label !== undefined) r.label = e.before.label;
      r.goTo = e.before.goTo;
      r.before = { source: e.source, target: e.target, goTo: e.goTo };
      if (e.key !== undefined) r.before.key = e.key;
      if (e.label !== undefined) r.before.label = e.label;
    }
    const base = `${source}->${target}#${r.kind}${r.key !== undefined ? `#${r.key}` : ''}`;
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}~${k}`;
    ids.add(id);
    r.id = id;
    out.push(r);
  }
  return out;
}
