/**
 * The ELK engine (elkjs layered, DOWN, orthogonal) for graphs the structured engine declines: free-form
 * flows whose connectors cross between branches everywhere. Go To connectors are left out of ELK and
 * routed afterwards like every jump. Options as measured below (and, for time, in STACK-NOTES.md).
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { KIND_ORDER, START_ID } from '../model/graph';
import { obstaclesOf, routeJumps } from './structured/jumps';
import { finish } from './result';
import { labelSize, nodeSize } from './structured/sizes';
import type { Box, EdgeRoute, ElkLike, LayoutEdgeInput, LayoutGraphInput, LayoutResult, Point } from './types';

/**
 * Tuned over the 318 corpus flows, ELK forced (issue 12; `npx tsx scripts/elk-tune.ts` counts crossings over
 * the rendered SVG, what a reader sees wrong, upward connectors, outcome order, Start's place and time).
 * The settings before (thoroughness 1, LONGEST_PATH_SOURCE layering) drew 390 crossings, MS_Teams_Managment
 * 33; these draw 251 (13), with fewer connectors on cards or one another (25, was 28), in about the same
 * time: thoroughness 1 gave up on crossings early; ELK's own NETWORK_SIMPLEX layering, BALANCED alignment
 * and 16 px between connectors do the rest. ELK's plain defaults draw fewer crossings still (194), but their
 * GREEDY cycle breaking draws the flow against its direction: it reverses the one connector that several
 * loops share (a screen's way into its decision) instead of each loop's way back, so the flow's first
 * screen lands at the bottom. MODEL_ORDER over flowOrder() turns upward only the connectors that go back.
 */
const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.thoroughness': '10',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.edgeEdge': '16',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '16',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'TAIL_LAYER',
};

export async function layoutWithElk(
  graph: LayoutGraphInput,
  elk: ElkLike,
): Promise<Pick<LayoutResult, 'width' | 'height' | 'nodes' | 'edges'>> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  // Model order drives ELK's left-to-right order: give each node's edges in Builder order.
  const ordered = edges
    .map((e, i) => ({ e, i }))
    .sort((p, q) => KIND_ORDER[p.e.kind] - KIND_ORDER[q.e.kind] || p.i - q.i);
  const bySource = new Map<string, LayoutEdgeInput[]>();
  for (const { e } of ordered) {
    const list = bySource.get(e.source);
    if (list) list.push(e);
    else bySource.set(e.source, [e]);
  }
  // Branches leave through ports in a fixed order along the bottom (ELK numbers the south side's ports
  // right to left), faults through the right side, so outcomes keep rule order.
  const incoming = new Map<string, number>();
  for (const e of edges) if (!e.goTo) incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
  const elkEdges: ElkExtendedEdge[] = [];
  const children: ElkNode[] = [];
  for (const n of flowOrder(graph.nodes, bySource)) {
    const child: ElkNode = { id: n.id, ...nodeSize(n.type) };
    // Start heads the picture (ELK's first layer), whatever the cycles: with GREEDY cycle breaking it fell
    // to the bottom of 21 corpus flows, and other options must not bring that back.
    if (n.id === START_ID) child.layoutOptions = { 'elk.layered.layering.layerConstraint': 'FIRST' };
    const outs = (bySource.get(n.id) ?? []).filter((e) => !e.goTo);
    const down = outs.filter((e) => e.kind !== 'fault');
    if (outs.length > 1) {
      child.layoutOptions = { ...child.layoutOptions, 'elk.portConstraints': 'FIXED_ORDER' };
      child.ports = outs.map((e, k) => ({
        id: `${e.id}#port`,
        width: 0,
        height: 0,
        layoutOptions:
          e.kind === 'fault'
            ? { 'elk.port.side': 'EAST', 'elk.port.index': '0' }
            : { 'elk.port.side': 'SOUTH', 'elk.port.index': String(down.length - 1 - k) },
      }));
    }
    children.push(child);
    for (const e of outs) {
      const edge: ElkExtendedEdge = {
        id: e.id,
        sources: [outs.length > 1 ? `${e.id}#port` : e.source],
        targets: [e.target],
      };
      if (e.label) edge.labels = [{ id: `${e.id}#label`, text: e.label, ...labelSize(e.label) }];
      // A plain chain (one way out, one way in) is the spine: keep it straight.
      if (down.length === 1 && e.kind !== 'fault' && incoming.get(e.target) === 1)
        edge.layoutOptions = { 'elk.layered.priority.straightness': '10' };
      elkEdges.push(edge);
    }
  }
  const root: ElkNode = { id: '$root', layoutOptions: ELK_OPTIONS, children, edges: elkEdges };
  const out = await elk.layout(root);

  // By id in Maps: an element may be called `__proto__` or `constructor`.
  const nodes = new Map<string, Box>();
  for (const c of out.children ?? [])
    nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const routes = new Map<string, EdgeRoute>();
  for (const e of (out.edges ?? []) as ElkExtendedEdge[]) {
    const s = e.sections?.[0];
    if (!s) continue;
    const route: EdgeRoute = {
      points: [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x, y: p.y })),
    };
    const l = e.labels?.[0];
    if (l?.text) route.label = { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0, text: l.text };
    routes.set(e.id, route);
  }
  const jumps = edges.filter((e) => e.goTo);
  const requests = jumps.map((e) => {
    const s = nodes.get(e.source) as Box;
    const start: Point = { x: s.x + s.width, y: s.y + s.height / 2 };
    const target = nodes.get(e.target) as Box;
    return e.label ? { points: [start], target, text: e.label } : { points: [start], target };
  });
  routeJumps(requests, obstaclesOf(nodes.values(), routes.values())).forEach((r, k) => {
    routes.set((jumps[k] as LayoutEdgeInput).id, r);
  });
  return finish(nodes, routes);
}

/**
 * Nodes in reverse DFS post-order from Start (children visited right to left), then the rest: every
 * connector that does not close a cycle points forward, so ELK's MODEL_ORDER cycle breaking reverses
 * only real loop-backs (element arrays come in metadata order, which says nothing about the flow), and
 * siblings keep Builder's left-to-right order.
 */
function flowOrder<N extends { id: string }>(nodes: readonly N[], bySource: Map<string, LayoutEdgeInput[]>): N[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const order: N[] = [];
  const roots = [...(byId.has(START_ID) ? [START_ID] : []), ...nodes.map((n) => n.id)];
  for (const root of roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    const post: N[] = [];
    const stack: [string, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const outs = bySource.get(top[0]) ?? [];
      if (top[1] >= outs.length) {
        stack.pop();
        post.push(byId.get(top[0]) as N);
        continue;
      }
      const e = outs[outs.length - 1 - top[1]] as LayoutEdgeInput;
      top[1]++;
      if (!e.goTo && !seen.has(e.target) && byId.has(e.target)) {
        seen.add(e.target);
        stack.push([e.target, 0]);
      }
    }
    order.push(...post.reverse());
  }
  return order;
}
