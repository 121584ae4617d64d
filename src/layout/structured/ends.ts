/**
 * Auto-Layout's Ends: every path that ends (the graph's `openPaths`, from model/ends.ts) gets an End node
 * and a connector to it, of the path's kind and with its label, so the engine places and routes them like
 * any element. Ids cannot be an element's: `$end:` and `$` never start an API name, and a hostile name
 * that does is stepped past with `~2`….
 */
import type { EndMark, LayoutEdgeInput, LayoutGraphInput } from '../types';

/** The node type of an End the layout added (`$` keeps it apart from any metadata array). */
export const END_TYPE = '$end';

export function withEnds(graph: LayoutGraphInput): { graph: LayoutGraphInput; ends: EndMark[] } {
  const paths = graph.openPaths;
  if (!paths || paths.length === 0) return { graph, ends: [] };
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const fresh = (base: string, taken: Set<string>) => {
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}~${k}`;
    taken.add(id);
    return id;
  };
  const sources = new Set(nodeIds);
  const nodes = [...graph.nodes];
  const edges: LayoutEdgeInput[] = [...graph.edges];
  const ends: EndMark[] = [];
  for (const p of paths) {
    if (!sources.has(p.source)) continue;
    const tail = `${p.kind}${p.key !== undefined ? `#${p.key}` : ''}`;
    const id = fresh(`$end:${p.source}#${tail}`, nodeIds);
    const edge = fresh(`$end:${p.source}->${tail}`, edgeIds);
    nodes.push({ id, type: END_TYPE, label: 'End' });
    const e: LayoutEdgeInput = { id: edge, source: p.source, target: id, kind: p.kind };
    if (p.label !== undefined) e.label = p.label;
    edges.push(e);
    const mark: EndMark = { id, edge, source: p.source, kind: p.kind };
    if (p.label !== undefined) mark.label = p.label;
    ends.push(mark);
  }
  return { graph: { nodes, edges }, ends };
}
