import type { Comparison } from '../../state/store';

/** Labels to draw instead of the union graph's (which are the after version's). */
export interface LabelOverrides {
  nodes: ReadonlyMap<string, string>;
  edges: ReadonlyMap<string, string | undefined>;
}

/**
 * The before version's own words on the shared layout: an element relabelled, an outcome renamed or a
 * scheduled path reworded must read as it was in Before (and in the left pane of Side by side).
 */
export function beforeLabels({ diff, before }: Comparison): LabelOverrides {
  // Union id → the element's API name in the before version.
  const beforeName = new Map<string, string>();
  for (const n of diff.nodes) {
    if (n.status === 'added') continue;
    beforeName.set(n.graphId ?? n.id, n.renamedFrom ?? n.id);
  }
  const name = (unionId: string) => beforeName.get(unionId) ?? unionId;
  const nodeLabel = new Map(before.graph.nodes.map((n) => [n.id, n.label]));
  const nodes = new Map<string, string>();
  for (const n of diff.graph.nodes) {
    if (n.status === 'added') continue;
    const label = nodeLabel.get(name(n.id));
    if (label !== undefined && label !== n.label) nodes.set(n.id, label);
  }
  const key = (source: string, target: string, kind: string, k: string | undefined) =>
    `${source}\u0000${target}\u0000${kind}\u0000${k ?? ''}`;
  const edgeLabel = new Map(before.graph.edges.map((e) => [key(e.source, e.target, e.kind, e.key), e.label]));
  const edges = new Map<string, string | undefined>();
  for (const e of diff.graph.edges) {
    if (e.status === 'added') continue;
    const k = key(name(e.source), name(e.target), e.kind, e.key);
    if (!edgeLabel.has(k)) continue;
    const label = edgeLabel.get(k);
    if (label !== e.label) edges.set(e.id, label);
  }
  return { nodes, edges };
}
