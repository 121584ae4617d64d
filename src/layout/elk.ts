/**
 * The ELK engine (elkjs layered, DOWN, orthogonal) for graphs the structured engine declines: free-form
 * flows whose connectors cross between branches everywhere. Go To connectors are left out of ELK and
 * routed afterwards like every jump. Options as measured in STACK-NOTES.md.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { KIND_ORDER } from '../model/graph';
import { routeJumps } from './jumps';
import { finish } from './result';
import { labelSize, nodeSize } from './sizes';
import type { Box, EdgeRoute, ElkLike, LayoutEdgeInput, LayoutGraphInput, LayoutResult, Point } from './types';

export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
  'elk.layered.thoroughness': '1',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'TAIL_LAYER',
};

export async function layoutWithElk(graph: LayoutGraphInput, elk: ElkLike): Promise<Pick<LayoutResult, 'width' | 'height' | 'nodes' | 'edges'>> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  // Model order drives ELK's left-to-right order: give each node's edges in Builder order.
  const ordered = edges.map((e, i) => ({ e, i })).sort((p, q) => KIND_ORDER[p.e.kind] - KIND_ORDER[q.e.kind] || p.i - q.i);
  const bySource = new Map<string, LayoutEdgeInput[]>();
  for (const { e } of ordered) {
    const list = bySource.get(e.source);
    if (list) list.push(e);
    else bySource.set(e.source, [e]);
  }
  const elkEdges: ElkExtendedEdge[] = [];
  for (const n of graph.nodes) {
    for (const e of bySource.get(n.id) ?? []) {
      if (e.goTo) continue;
      const edge: ElkExtendedEdge = { id: e.id, sources: [e.source], targets: [e.target] };
      if (e.label) edge.labels = [{ id: `${e.id}#label`, text: e.label, ...labelSize(e.label) }];
      elkEdges.push(edge);
    }
  }
  const root: ElkNode = {
    id: '$root',
    layoutOptions: ELK_OPTIONS,
    children: graph.nodes.map((n) => ({ id: n.id, ...nodeSize(n.type) })),
    edges: elkEdges,
  };
  const out = await elk.layout(root);

  const nodes: Record<string, Box> = {};
  for (const c of out.children ?? []) nodes[c.id] = { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
  const routes: Record<string, EdgeRoute> = {};
  for (const e of (out.edges ?? []) as ElkExtendedEdge[]) {
    const s = e.sections?.[0];
    if (!s) continue;
    const route: EdgeRoute = { points: [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x, y: p.y })) };
    const l = e.labels?.[0];
    if (l && l.text) route.label = { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0, text: l.text };
    routes[e.id] = route;
  }
  const jumps = edges.filter((e) => e.goTo);
  const requests = jumps.map((e) => {
    const s = nodes[e.source] as Box;
    const start: Point = { x: s.x + s.width, y: s.y + s.height / 2 };
    return e.label ? { points: [start], target: nodes[e.target] as Box, text: e.label } : { points: [start], target: nodes[e.target] as Box };
  });
  routeJumps(requests, Object.values(nodes)).forEach((r, k) => {
    routes[(jumps[k] as LayoutEdgeInput).id] = r;
  });
  return finish(nodes, routes);
}
