import type { GraphEdge, GraphNode } from '../graph';
import { pairEdges } from './edges';
import type { Matching } from './match';
import type { Side } from './sides';
import type { DiffGraph, DiffGraphEdge, DiffGraphNode, EdgeBefore, EdgeStatus, NodeStatus } from './types';

/**
 * The union graph, laid out once for every diff view.
 *
 * Node ids: every after node keeps its id (a renamed element appears once, under its after name). A
 * before node maps to its match; the start, and a dangling target, present on both sides is one node.
 * Any other before node is removed and keeps its before id unless an after node already uses it (an
 * element of another type took the name, or a placeholder became a real element or the reverse), then
 * it becomes `Name~before` (`~before2`, … if that is taken too). So hiding `added` nodes shows exactly
 * the before picture, and hiding `removed` ones the after picture.
 *
 * Edges: both sides' edges with endpoints mapped to union ids, paired after that mapping as the EdgeDiff
 * list pairs them (same source, target and kind; the same outcome first). So, unlike the by-name EdgeDiff
 * list (where a connector to a renamed element is removed + added, because the metadata names differ), a
 * connector that only follows a rename appears once, `unchanged`, with the before connector it stands for
 * in `before`: the picture should not show churn the reader would not call a change.
 */
export function unionGraph(
  before: Side,
  after: Side,
  m: Matching,
  nodeStatus: ReadonlyMap<string, NodeStatus>,
): { graph: DiffGraph; unionIdOf: Map<string, string> } {
  const afterIds = new Set(after.graph.nodes.map((n) => n.id));
  const used = new Set(afterIds);
  const unionIdOf = new Map<string, string>();
  for (const n of before.graph.nodes) {
    let id = m.toAfter.get(n.id);
    if (id === undefined && (n.type === 'missing' || n.type === 'start') && after.nodeType.get(n.id) === n.type)
      id = n.id;
    if (id === undefined) {
      id = n.id;
      for (let k = 1; used.has(id); k++) id = `${n.id}~before${k > 1 ? k : ''}`;
      used.add(id);
    }
    unionIdOf.set(n.id, id);
  }

  const renamedFrom = new Map([...m.renamed].map((a) => [a, m.toBefore.get(a) as string]));
  // Union id → the before node it stands for (matched elements, a shared start or placeholder, removed nodes).
  const beforeOf = new Map<string, GraphNode>();
  for (const n of before.graph.nodes) beforeOf.set(unionIdOf.get(n.id) as string, n);
  const node = (n: GraphNode, id: string, status: NodeStatus, side: 'before' | 'after'): DiffGraphNode => {
    const b = side === 'before' ? n : beforeOf.get(id);
    // One literal per shape, field by field: a spread and properties added later made it 30% slower.
    const { type, label } = n;
    const d: DiffGraphNode =
      side === 'before'
        ? { id, type, label, status, beforeId: n.id }
        : b
          ? { id, type, label, status, beforeId: b.id, afterId: n.id }
          : { id, type, label, status, afterId: n.id };
    if (n.unreachable) d.unreachable = true;
    const was = renamedFrom.get(id);
    if (was !== undefined) d.renamedFrom = was;
    if (b && side === 'after' && b.label !== n.label) d.labelBefore = b.label;
    if (b && side === 'after' && !b.unreachable !== !n.unreachable) d.unreachableBefore = b.unreachable === true;
    return d;
  };
  const nodes: DiffGraphNode[] = [];
  const removed = before.graph.nodes.filter((n) => !afterIds.has(unionIdOf.get(n.id) as string));
  // A removed start still heads the picture.
  for (const n of removed)
    if (n.type === 'start') nodes.push(node(n, unionIdOf.get(n.id) as string, 'removed', 'before'));
  for (const n of after.graph.nodes) {
    const status =
      n.type === 'missing'
        ? before.nodeType.get(n.id) === 'missing'
          ? 'unchanged'
          : 'added'
        : (nodeStatus.get(n.id) ?? 'added');
    nodes.push(node(n, n.id, status, 'after'));
  }
  for (const n of removed)
    if (n.type !== 'start') nodes.push(node(n, unionIdOf.get(n.id) as string, 'removed', 'before'));

  const mapped = (e: GraphEdge) => ({
    e,
    source: unionIdOf.get(e.source) ?? e.source,
    target: unionIdOf.get(e.target) ?? e.target,
  });
  const edges: DiffGraphEdge[] = [];
  const ids = new Set<string>();
  const add = (e: GraphEdge, source: string, target: string, status: EdgeStatus, twin?: GraphEdge) => {
    const base = `${source}->${target}#${e.kind}${e.key !== undefined ? `#${e.key}` : ''}`;
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}~${k}`;
    ids.add(id);
    // The before connector only where it differs (a renamed end, another owner, label or Go To flag): most
    // connectors are the same on both sides, and an object for each made a 1,000-element diff 40% slower.
    const differs =
      twin !== undefined &&
      (twin.source !== e.source ||
        twin.target !== e.target ||
        twin.key !== e.key ||
        twin.label !== e.label ||
        twin.goTo !== e.goTo);
    edges.push(
      differs ? { ...e, id, source, target, status, before: edgeBefore(twin) } : { ...e, id, source, target, status },
    );
  };
  const { twins, leftover } = pairEdges(
    before.graph.edges.map(mapped),
    after.graph.edges.map((e) => ({ e, source: e.source, target: e.target })),
  );
  after.graph.edges.forEach((e, i) => {
    const twin = twins[i]?.e;
    add(e, e.source, e.target, twin ? 'unchanged' : 'added', twin);
  });
  for (const x of leftover) add(x.e, x.source, x.target, 'removed');

  return {
    graph: {
      flow: after.graph.flow,
      nodes,
      edges,
      warnings: mergeWarnings(before.graph.warnings, after.graph.warnings),
    },
    unionIdOf,
  };
}

function edgeBefore(e: GraphEdge): EdgeBefore {
  const b: EdgeBefore = { source: e.source, target: e.target, goTo: e.goTo };
  if (e.key !== undefined) b.key = e.key;
  if (e.label !== undefined) b.label = e.label;
  return b;
}

/** Warnings of both versions: shared ones once, the others marked with their version. */
function mergeWarnings(before: string[], after: string[]): string[] {
  const b = new Set(before);
  const a = new Set(after);
  return [
    ...after.map((w) => (b.has(w) ? w : `After: ${w}`)),
    ...before.filter((w) => !a.has(w)).map((w) => `Before: ${w}`),
  ];
}
