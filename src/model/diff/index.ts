import { START_ID } from '../graph';
import type { FlowDoc } from '../types';
import { connectorChanges, connectorSummary } from './connectors';
import { diffEdges, findRewires } from './edges';
import { matchElements } from './match';
import { ownProps } from './own';
import { side, type Side } from './sides';
import { renamedReading, unexplained } from './refs';
import { diffResources } from './resources';
import type { FlowDiff, NodeDiff, NodeStatus, PropertyChange } from './types';
import { summarise } from './summary';
export { changeSize, isEmptyDiff } from './summary';
import { unionGraph } from './union';
import { compareObjects } from './values';

/**
 * Two versions of a flow → their structural diff (DESIGN.md contract). Pure and deterministic; swapping
 * the arguments mirrors the result (added ↔ removed, before ↔ after, renamedFrom ↔ id).
 */
export function diffFlows(before: FlowDoc, after: FlowDoc): FlowDiff {
  const b = side(before);
  const a = side(after);
  const m = matchElements(b, a);
  const { resources, renames } = diffResources(before, after);
  const nodes = diffNodes(b, a, m.toBefore, m.renamed);
  if (renames.size > 0) followRenames(nodes, renames);
  // Statuses of after nodes by id (a removed node may share its name with an added one of another type).
  const { graph, unionIdOf } = unionGraph(
    b,
    a,
    m,
    new Map(nodes.filter((n) => n.status !== 'removed').map((n) => [n.id, n.status])),
  );
  for (const n of nodes) {
    if (n.status !== 'removed') continue;
    const id = unionIdOf.get(n.id);
    if (id !== undefined && id !== n.id) n.graphId = id;
  }
  const edges = diffEdges(b, a);
  const rewired = findRewires(b, a, m);
  const connectors = connectorChanges(graph, rewired, unionIdOf);
  let properties: PropertyChange[] = [];
  compareObjects('', before.properties, after.properties, properties);
  if (renames.size > 0) properties = unexplained(properties, renamedReading(renames));
  const summary = summarise(nodes, edges, resources, properties, connectorSummary(connectors, graph));
  return { summary, nodes, edges, rewired, connectors, resources, properties, graph };
}

function diffNodes(b: Side, a: Side, toBefore: Map<string, string>, renamed: Set<string>): NodeDiff[] {
  const nodes: NodeDiff[] = [];
  const startOf = (s: Side) => (s.nodeType.get(START_ID) === 'start' ? ownProps(s.doc.start ?? {}) : undefined);
  const sb = startOf(b);
  const sa = startOf(a);
  if (sb || sa) {
    const changes: PropertyChange[] = [];
    if (sb && sa) compareObjects('', sb, sa, changes);
    const status: NodeStatus = !sb ? 'added' : !sa ? 'removed' : changes.length > 0 ? 'changed' : 'unchanged';
    nodes.push({ id: START_ID, type: 'start', label: 'Start', status, changes });
  }
  for (const id of a.order) {
    const ae = a.elements.get(id);
    if (!ae) continue;
    const was = toBefore.get(id);
    const be = was === undefined ? undefined : b.elements.get(was);
    const node: NodeDiff = { id, type: ae.element.type, label: ae.element.label, status: 'added', changes: [] };
    if (be) {
      compareObjects('', be.own, ae.own, node.changes);
      node.status = renamed.has(id) ? 'renamed' : node.changes.length > 0 ? 'changed' : 'unchanged';
      if (renamed.has(id)) node.renamedFrom = be.id;
    }
    nodes.push(node);
  }
  const matched = new Set(toBefore.values());
  for (const id of b.order) {
    const be = b.elements.get(id);
    if (be && !matched.has(id))
      nodes.push({ id, type: be.element.type, label: be.element.label, status: 'removed', changes: [] });
  }
  return nodes;
}

/** A renamed resource is one change: an element whose only changes are references to it is unchanged. */
function followRenames(nodes: NodeDiff[], renames: ReadonlyMap<string, string>): void {
  const reading = renamedReading(renames);
  for (const n of nodes) {
    if (n.changes.length === 0) continue;
    n.changes = unexplained(n.changes, reading);
    if (n.status === 'changed' && n.changes.length === 0) n.status = 'unchanged';
  }
}
