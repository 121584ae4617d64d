import { assertNever, elementIndex, START_ID, type FlowGraph, type GraphEdge, type GraphNode } from '../model/graph';
import type { FlowDoc, FlowElement } from '../model/types';
import type { LinePiece } from './changeLine';

/** The graph node of an element (buildGraph's ids: its name, or `Name~2`… for a repeated name). */
export function nodeIdOf(el: FlowElement | 'start', doc: FlowDoc): string {
  if (el === 'start') return START_ID;
  return elementIndex(doc).nodeIdOf(el) ?? el.name;
}

/** "Outcome: Over 1M", "Fault", "For Each": how Builder labels a connector. */
export function edgeKindLabel(e: GraphEdge): string {
  switch (e.kind) {
    case 'next':
      return e.label ?? 'Next';
    case 'fault':
      return 'Fault';
    case 'timeout':
      return 'Timeout';
    case 'default':
      return e.label ?? 'Default Outcome';
    case 'outcome':
      return `Outcome: ${e.label ?? e.key ?? ''}`;
    case 'waitEvent':
      return `Wait path: ${e.label ?? e.key ?? ''}`;
    case 'scheduledPath':
      return `Scheduled path: ${e.label ?? e.key ?? ''}`;
    case 'experimentPath':
    case 'actionPath':
      return `Path: ${e.label ?? e.key ?? ''}`;
    case 'loopNext':
      return 'For Each';
    case 'loopEnd':
      return 'After Last';
    default:
      return assertNever(e.kind);
  }
}

/**
 * A connector as Builder says it, for a change list or a PR comment: "Next", "Fault path",
 * "Outcome *Over 1M*", "Scheduled path *3 Days After Close*", "For each item", "After last item".
 */
export function connectorWords(kind: GraphEdge['kind'], label?: string, key?: string): LinePiece[] {
  const named = (noun: string): LinePiece[] => [`${noun} `, { em: label || key || '' }];
  switch (kind) {
    case 'next':
      return [label || 'Next'];
    case 'fault':
      return ['Fault path'];
    case 'timeout':
      return ['Timeout path'];
    case 'default':
      return label ? ['Default outcome ', { em: label }] : ['Default outcome'];
    case 'outcome':
      return named('Outcome');
    case 'waitEvent':
      return named('Path');
    case 'scheduledPath':
      return named('Scheduled path');
    case 'experimentPath':
    case 'actionPath':
      return named('Path');
    case 'loopNext':
      return ['For each item'];
    case 'loopEnd':
      return ['After last item'];
    default:
      return assertNever(kind);
  }
}

export interface Connection {
  edge: GraphEdge;
  /** The node at the other end (target for outgoing, source for incoming). */
  other: GraphNode | undefined;
  otherId: string;
}

export interface Connections {
  node: GraphNode | undefined;
  incoming: Connection[];
  outgoing: Connection[];
  badges: Badge[];
}

export type Badge = 'fault' | 'goToTarget' | 'unreachable' | 'missingTarget';

export const BADGE_TEXT: Record<Badge, string> = {
  fault: 'Has fault path',
  goToTarget: 'Go To target',
  unreachable: 'Unreachable',
  missingTarget: 'Connects to a missing element',
};

export function connectionsOf(id: string, graph: FlowGraph): Connections {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = graph.edges
    .filter((e) => e.source === id)
    .map((edge) => ({ edge, other: byId.get(edge.target), otherId: edge.target }));
  const incoming = graph.edges
    .filter((e) => e.target === id)
    .map((edge) => ({ edge, other: byId.get(edge.source), otherId: edge.source }));
  const node = byId.get(id);
  const badges: Badge[] = [];
  if (outgoing.some((c) => c.edge.kind === 'fault')) badges.push('fault');
  if (incoming.some((c) => c.edge.goTo)) badges.push('goToTarget');
  if (node?.unreachable) badges.push('unreachable');
  if (outgoing.some((c) => c.other?.type === 'missing')) badges.push('missingTarget');
  return { node, incoming, outgoing, badges };
}
