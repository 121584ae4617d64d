import type {
  ConnectorSummary,
  DiffSummary,
  EdgeDiff,
  FlowDiff,
  NodeDiff,
  PropertyChange,
  ResourceDiff,
} from './types';

/** The counts of a diff (docs/diff-format.md, "summary"). */
export function summarise(
  nodes: NodeDiff[],
  edges: EdgeDiff[],
  resources: ResourceDiff[],
  properties: PropertyChange[],
  connectors: ConnectorSummary,
): DiffSummary {
  const s: DiffSummary = {
    nodes: { added: 0, removed: 0, changed: 0, renamed: 0, unchanged: 0 },
    edges: { added: 0, removed: 0 },
    connectors,
    resources: { added: 0, removed: 0, changed: 0, renamed: 0 },
    properties: properties.length,
  };
  for (const n of nodes) s.nodes[n.status]++;
  for (const e of edges) if (e.status !== 'unchanged') s.edges[e.status]++;
  for (const r of resources) if (r.status !== 'unchanged') s.resources[r.status]++;
  return s;
}

/** True when the diff reports nothing: every node unchanged, no connector, resource or property change. */
export const isEmptyDiff = (d: FlowDiff): boolean => changeSize(d) === 0;

/** How much a diff reports: its counted nodes and connectors, resources and flow properties (a change set's order). */
export function changeSize(d: FlowDiff): number {
  const s = d.summary;
  return (
    s.nodes.added +
    s.nodes.removed +
    s.nodes.changed +
    s.nodes.renamed +
    s.edges.added +
    s.edges.removed +
    s.resources.added +
    s.resources.removed +
    s.resources.changed +
    s.resources.renamed +
    s.properties
  );
}
