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
export function beforeLabels({ diff }: Comparison): LabelOverrides {
  const nodes = new Map<string, string>();
  for (const n of diff.graph.nodes) if (n.labelBefore !== undefined) nodes.set(n.id, n.labelBefore);
  const edges = new Map<string, string | undefined>();
  for (const c of diff.connectors) if (c.status === 'relabelled') edges.set(c.id, c.labelBefore || undefined);
  return { nodes, edges };
}
