import type { Edge, Node } from '@xyflow/react';
import type { Box, LayoutGeometry, Point } from '../../layout/types';
import { elementKind } from '../../model/elements';
import { elementColor } from '../../render/elementLook';
import type { EdgeStatus, NodeStatus } from '../../model/diff/types';
import type { EdgeKind, FlowGraph, GraphNode } from '../../model/graph';

interface FlowNodeData extends Record<string, unknown> {
  node: GraphNode;
  builderName: string;
  icon: string;
  color: string;
  /** A one-line summary under the label (Start: the trigger). */
  detail?: string;
  hasFault: boolean;
  goToTarget: boolean;
  /** In a comparison: what happened to this element. */
  status?: NodeStatus;
  /** A renamed element's other name, as its badge says it: "was Old_Name" (or "now New_Name" on the Before side). */
  renameNote?: string;
}

/** "… 12 unchanged" in the Changes-only mode. */
interface FoldNodeData extends Record<string, unknown> {
  count: number;
  members: string[];
  /** The folded elements' labels (their ids when absent). */
  labels?: string[];
}

interface FlowEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  goTo: boolean;
  label?: string;
  points: Point[];
  labelBox?: Box;
  /** A Go To's stub (the route's first points), drawn instead of the whole line until it is highlighted. */
  stub?: Point[];
  /** The Go To's target label, for the stub's "Go To …" marker. */
  targetLabel?: string;
  /**
   * Stubs ending at the same point (a wait's events, a fault and a Go To): which one this is, so their
   * markers stack.
   */
  stubSlot?: number;
  /** Another stub ends at the same point (a removed and an added one): the two sit one above the other. */
  stubTwin?: boolean;
  status?: EdgeStatus;
  /** A comparison: the connector stayed but its label changed; what it said before. */
  labelWas?: string;
}

/** An End the layout added after a path that ends (not an element: nothing to select). */
interface EndNodeData extends Record<string, unknown> {
  /** In a comparison: drawn with the unchanged (an End is never a change). */
  dimmed: boolean;
}

export type ElementNodeType = Node<FlowNodeData, 'flow'>;
export type FoldNodeType = Node<FoldNodeData, 'fold'>;
export type EndNodeType = Node<EndNodeData, 'end'>;
export type FlowNodeType = ElementNodeType | FoldNodeType | EndNodeType;

/** What to draw of a comparison's union graph (see views/diff/visible.ts); everything when absent. */
export interface CanvasFilter {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  folds: { id: string; count: number; box: Box; members: string[]; labels?: string[] }[];
}
type StatusNode = GraphNode & { status?: NodeStatus; renamedFrom?: string };
export type FlowEdgeType = Edge<FlowEdgeData, 'flow'>;

/** FlowGraph + layout → React Flow nodes and edges (built once per layout, not per render). */
export function toFlowElements(
  graph: FlowGraph,
  layout: LayoutGeometry,
  startDetail?: string,
  filter?: CanvasFilter,
  /** Union id → the rename badge's note ("was Old_Name"). */
  renamedFrom?: ReadonlyMap<string, string>,
  /** A comparison's Before side: that version's own labels for elements and connectors. */
  labels?: { nodes: ReadonlyMap<string, string>; edges: ReadonlyMap<string, string | undefined> },
  /** A comparison's After side: connector labels that changed, with what they said before. */
  labelsWas?: ReadonlyMap<string, string | undefined>,
): { nodes: FlowNodeType[]; edges: FlowEdgeType[] } {
  const faults = new Set(graph.edges.filter((e) => e.kind === 'fault').map((e) => e.source));
  const goToTargets = new Set(graph.edges.filter((e) => e.goTo).map((e) => e.target));
  const nodes: FlowNodeType[] = [];
  for (const n of graph.nodes as StatusNode[]) {
    const box = layout.nodes[n.id];
    if (!box || (filter && !filter.nodes.has(n.id))) continue;
    const relabelled = labels?.nodes.get(n.id);
    const node = relabelled === undefined ? n : { ...n, label: relabelled };
    const kind = elementKind(n.type);
    nodes.push({
      id: n.id,
      type: 'flow',
      ...placed(box, true),
      data: {
        node,
        builderName: kind.builderName,
        icon: kind.icon,
        color: elementColor(n.type),
        detail: n.type === 'start' ? startDetail : undefined,
        hasFault: faults.has(n.id),
        goToTarget: goToTargets.has(n.id),
        status: n.status,
        renameNote: renamedFrom?.get(n.id),
      },
      draggable: false,
      connectable: false,
    });
  }
  for (const f of filter?.folds ?? []) {
    nodes.push({
      id: f.id,
      type: 'fold',
      // A fold is a node of Changes only's graph: connectors lead into it and out of it.
      ...placed(f.box, true),
      data: { count: f.count, members: f.members, labels: f.labels },
      draggable: false,
      connectable: false,
    });
  }
  const stubbed: FlowEdgeData[] = [];
  const targetLabels = new Map(graph.nodes.map((n) => [n.id, labels?.nodes.get(n.id) ?? n.label]));
  const edges: FlowEdgeType[] = [];
  for (const e of graph.edges) {
    const route = layout.edges[e.id];
    if (!route || (filter && !filter.edges.has(e.id))) continue;
    const own = labels?.edges.has(e.id) ? labels.edges.get(e.id) : e.label;
    // A bundle of parallel connectors is labelled with how many it stands for ("Rule 1 + 999 more").
    const label = route.bundle !== undefined && route.label?.text ? route.label.text : own;
    const was = labelsWas?.get(e.id);
    const data: FlowEdgeData = {
      ...(labelsWas?.has(e.id) ? { labelWas: was ?? '' } : {}),
      kind: e.kind,
      goTo: e.goTo,
      label,
      points: route.points,
      labelBox: route.label,
      status: (e as { status?: EdgeStatus }).status,
    };
    // Go To connectors, and connectors the layout had to draw as jumps, show as stubs until selected.
    if (e.goTo || route.jump) {
      data.stub = route.jump?.stub ?? route.points.slice(0, 2);
      data.targetLabel = targetLabels.get(e.target) ?? e.target;
      stubbed.push(data);
    }
    edges.push({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'flow',
      data,
      selectable: false,
      focusable: false,
    });
  }
  addEnds(graph, layout, filter, nodes, edges);
  stackStubMarkers(stubbed);
  return { nodes, edges };
}

/** The Ends the layout added, after the paths that end (shown with the element they follow). */
function addEnds(
  graph: FlowGraph,
  layout: LayoutGeometry,
  filter: CanvasFilter | undefined,
  nodes: FlowNodeType[],
  edges: FlowEdgeType[],
) {
  const inDiff = graph.nodes.some((n) => (n as StatusNode).status !== undefined);
  for (const end of layout.ends ?? []) {
    const box = layout.nodes[end.id];
    const route = layout.edges[end.edge];
    if (!box || !route || (filter && !filter.nodes.has(end.source))) continue;
    nodes.push({
      id: end.id,
      type: 'end',
      ...placed(box, false),
      data: { dimmed: inDiff },
      draggable: false,
      connectable: false,
      selectable: false,
      focusable: false,
      style: { pointerEvents: 'none' },
    });
    const data: FlowEdgeData = { kind: end.kind, goTo: false, label: end.label, points: route.points };
    if (route.label) data.labelBox = route.label;
    if (inDiff) data.status = 'unchanged';
    edges.push({
      id: end.edge,
      source: end.source,
      target: end.id,
      type: 'flow',
      className: 'fs-end-edge',
      data,
      selectable: false,
      focusable: false,
    });
  }
}

/**
 * Stub markers are one line of text to the right of the stub's end: where two would overlap (a wait's
 * events, a fault and a Go To leaving one element), the later ones move down a row.
 */
function stackStubMarkers(stubs: FlowEdgeData[]) {
  const placed: { x0: number; x1: number; y: number }[] = [];
  const ends = stubs.map((d) => ({ d, end: (d.stub as Point[])[(d.stub as Point[]).length - 1] as Point }));
  const at = new Map<string, number>();
  for (const { end } of ends) at.set(`${end.x},${end.y}`, (at.get(`${end.x},${end.y}`) ?? 0) + 1);
  for (const { d, end } of ends) if ((at.get(`${end.x},${end.y}`) ?? 0) > 1) d.stubTwin = true;
  ends.sort((a, b) => a.end.y - b.end.y || a.end.x - b.end.x);
  for (const { d, end } of ends) {
    const text = `${d.kind === 'fault' ? 'Fault → ' : d.label ? `${d.label} → ` : '↪ '}${d.targetLabel ?? ''}`;
    const x0 = end.x + 4;
    const x1 = x0 + Math.min(200, text.length * 6.2 + 14);
    let slot = 0;
    while (placed.some((p) => Math.abs(p.y - (end.y + slot * 20)) < 18 && p.x0 < x1 && x0 < p.x1)) slot++;
    d.stubSlot = slot;
    placed.push({ x0, x1, y: end.y + slot * 20 });
  }
}

/**
 * Where a node is and how big, with its connection points (top in; bottom out unless it ends a path): React
 * Flow needs sizes and handles up front, or edges to nodes not yet drawn vanish (STACK-NOTES).
 */
function placed(box: { x: number; y: number; width: number; height: number }, out: boolean) {
  const handle = (type: 'target' | 'source', y: number) => ({
    type,
    position: (type === 'target' ? 'top' : 'bottom') as never,
    x: box.width / 2,
    y,
    width: 1,
    height: 1,
    id: null,
  });
  return {
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
    handles: out ? [handle('target', 0), handle('source', box.height)] : [handle('target', 0)],
  };
}
