import type { FlowGraph } from '../model/graph';
import type { Highlight } from './types';

export const NO_HIGHLIGHT: Highlight = { nodes: new Set(), edges: new Set() };

/** The element, its connectors and their other ends. */
export function highlightOf(graph: FlowGraph | undefined, id: string): Highlight {
  const nodes = new Set([id]);
  const edges = new Set<string>();
  for (const e of graph?.edges ?? []) {
    if (e.source === id || e.target === id) {
      edges.add(e.id);
      nodes.add(e.source);
      nodes.add(e.target);
    }
  }
  return { nodes, edges };
}
