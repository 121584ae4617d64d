/** Shared by the saved engine's tests: the order check and a FlowGraph around a layout input. */
import type { LayoutGraphInput, LayoutResult, Point } from '../../../src/layout/types';
import type { FlowGraph } from '../../../src/model/graph';
import { rng } from '../../support/generate';

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

/**
 * Positions as an author lays a free-form flow out by hand: rows by distance from Start, each element under
 * its first source, its other targets in new columns to the right (as Builder's Auto-Layout would put
 * them), each a few pixels off the grid.
 */
export function withPositions(graph: LayoutGraphInput, seed = 7): LayoutGraphInput {
  const random = rng(seed);
  const outs = new Map<string, string[]>();
  for (const e of graph.edges) if (!e.goTo) outs.set(e.source, [...(outs.get(e.source) ?? []), e.target]);
  const cell = new Map<string, { row: number; col: number }>();
  let columns = 0;
  const stack: [string, number, number][] = [['$start', 0, 0]];
  while (stack.length > 0) {
    const [id, row, col] = stack.pop() as [string, number, number];
    if (cell.has(id)) continue;
    cell.set(id, { row, col });
    const next = (outs.get(id) ?? []).filter((t) => !cell.has(t));
    next.forEach((t, k) => {
      stack.push([t, row + 1, k === 0 ? col : ++columns]);
    });
  }
  const positions: Record<string, Point> = Object.create(null);
  let extra = 0;
  for (const n of graph.nodes) {
    if (n.type === 'missing') continue;
    const c = cell.get(n.id) ?? { row: 0, col: ++columns + extra++ };
    positions[n.id] = {
      x: 50 + c.col * 180 + Math.round(random() * 12),
      y: 50 + c.row * 130 + Math.round(random() * 8),
    };
  }
  return { ...graph, positions };
}
