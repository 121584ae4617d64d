import { START_ID, type FlowGraph } from '../../model/graph';
import type { LayoutGeometry } from '../../layout/types';

/**
 * The order Tab visits the elements in: the flow's own order, as a reader follows it. From Start, depth
 * first along the connectors, a branch's paths left to right as drawn, fault paths after the others; then
 * what Start does not reach, top to bottom, left to right. Ids not in the graph are not ranked.
 */
export function flowOrder(graph: FlowGraph, layout: LayoutGeometry): Map<string, number> {
  const x = (id: string) => layout.nodes[id]?.x ?? 0;
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = out.get(e.source) ?? [];
    list.push(e.target);
    out.set(e.source, list);
  }
  const isFault = new Set(graph.edges.filter((e) => e.kind === 'fault').map((e) => `${e.source}\u0000${e.target}`));
  const rank = new Map<string, number>();
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (rank.has(id)) continue;
      rank.set(id, rank.size);
      const next = [...new Set(out.get(id) ?? [])].sort(
        (a, b) => Number(isFault.has(`${id}\u0000${a}`)) - Number(isFault.has(`${id}\u0000${b}`)) || x(a) - x(b),
      );
      // Pushed last-first, so the leftmost path is visited first.
      for (let i = next.length - 1; i >= 0; i--) if (!rank.has(next[i] as string)) stack.push(next[i] as string);
    }
  };
  if (graph.nodes.some((n) => n.id === START_ID)) visit(START_ID);
  const rest = graph.nodes
    .map((n) => n.id)
    .filter((id) => !rank.has(id))
    .sort((a, b) => (layout.nodes[a]?.y ?? 0) - (layout.nodes[b]?.y ?? 0) || x(a) - x(b));
  for (const id of rest) visit(id);
  return rank;
}
