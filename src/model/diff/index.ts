import { START_ID } from '../graph';
import type { FlowDoc, FlowResource, Obj } from '../types';
import { connectorChanges, connectorSummary } from './connectors';
import { diffEdges, findRewires } from './edges';
import { matchElements } from './match';
import { ownProps } from './own';
import { side, type Side } from './sides';
import type { FlowDiff, NodeDiff, NodeStatus, PropertyChange, ResourceDiff } from './types';
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
  const nodes = diffNodes(b, a, m.toBefore, m.renamed);
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
  const resources = diffResources(before.resources, after.resources);
  const properties: PropertyChange[] = [];
  compareObjects('', before.properties, after.properties, properties);
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

/** Resources by type and name (a repeated name gets `#2`…); changes are their properties but the name. */
function diffResources(before: FlowResource[], after: FlowResource[]): ResourceDiff[] {
  const keyed = (list: FlowResource[]) => {
    const m = new Map<string, FlowResource>();
    for (const r of list) {
      let k = `${r.type}\u0001${r.name}`;
      for (let n = 2; m.has(k); n++) k = `${r.type}\u0001${r.name}#${n}`;
      m.set(k, r);
    }
    return m;
  };
  const kb = keyed(before);
  const ka = keyed(after);
  const own = (r: FlowResource): Obj => ownProps(r.data, ['name']);
  const out: ResourceDiff[] = [];
  for (const [k, r] of ka) {
    const was = kb.get(k);
    const changes: PropertyChange[] = [];
    if (was) compareObjects('', own(was), own(r), changes);
    out.push({
      id: idOf(k),
      type: r.type,
      status: !was ? 'added' : changes.length > 0 ? 'changed' : 'unchanged',
      changes,
    });
  }
  for (const [k, r] of kb) if (!ka.has(k)) out.push({ id: idOf(k), type: r.type, status: 'removed', changes: [] });
  return out;
}

const idOf = (key: string) => key.slice(key.indexOf('\u0001') + 1);
