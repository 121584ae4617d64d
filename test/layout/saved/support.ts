/** Shared by the saved engine's tests: the order check and a FlowGraph around a layout input. */
import type { LayoutResult } from '../../../src/layout/types';
import type { FlowGraph } from '../../../src/model/graph';

interface P {
  x: number;
  y: number;
}

/**
 * Pairs of positioned nodes drawn out of their saved order: a saved left of b (or above it) but a's card's
 * left edge or centre drawn right of b's (or below it). Empty when the order is kept on both axes.
 */
export function orderFaults(positions: Readonly<Record<string, P>>, layout: LayoutResult, ids: string[]): string[] {
  const bad: string[] = [];
  const placed = ids.filter((id) => Object.hasOwn(positions, id) && layout.nodes[id]);
  const TOL = 0.01;
  for (const a of placed) {
    for (const b of placed) {
      const pa = positions[a] as P;
      const pb = positions[b] as P;
      const na = layout.nodes[a];
      const nb = layout.nodes[b];
      if (!na || !nb) continue;
      if (pa.x < pb.x && (na.x > nb.x + TOL || na.x + na.width / 2 > nb.x + nb.width / 2 + TOL))
        bad.push(`${a} is saved left of ${b} but drawn right of it`);
      if (pa.y < pb.y && (na.y > nb.y + TOL || na.y + na.height / 2 > nb.y + nb.height / 2 + TOL))
        bad.push(`${a} is saved above ${b} but drawn below it`);
      if (bad.length > 5) return bad;
    }
  }
  return bad;
}

/** The FlowGraph renderSvg draws, around plain nodes and edges. */
export function flowGraph(
  nodes: readonly { id: string; type: string; label?: string }[],
  edges: readonly { id: string; source: string; target: string; kind: string; label?: string; goTo?: boolean }[],
): FlowGraph {
  return {
    flow: { name: 'Generated', label: 'Generated' },
    nodes: nodes.map((n) => ({ id: n.id, type: n.type, label: n.label ?? n.id })),
    edges: edges.map((e) => ({ ...e, goTo: e.goTo ?? false })) as FlowGraph['edges'],
    warnings: [],
  };
}
