import { START_ID } from '../graph';
import type { ConnectorChange, FlowDiff, NodeStatus, PropertyChange } from './types';

/**
 * The review's change list: one entry per thing a reviewer reads — an element, a connector change (a
 * rewired connector is one entry, not a removed and an added edge), a resource, a flow property. It is
 * made from the diff's one connector list (`FlowDiff.connectors`), so the app, `diff --md` and `pr`
 * list and count the same things. A relabelled connector is no entry of its own: its element's property
 * change says it (and the canvas marks the connector). `n` / `p` step through it; `nodeId` is what the
 * canvas pans to and selects.
 */
export type ChangeGroup = 'elements' | 'connectors' | 'resources' | 'properties';
export type ChangeStatus = NodeStatus | 'rewired';
export interface ChangeItem {
  key: string;
  group: ChangeGroup;
  status: ChangeStatus;
  /** Plain words for the list: "Check Amount", "Check Amount → Big Deal (Outcome: Over 1M)". */
  title: string;
  /** A short second line: "Decision", "was Old_Name", "variables". */
  detail?: string;
  /** The union-graph node to pan to and select. */
  nodeId?: string;
  /** Union-graph edge ids to highlight. */
  edgeIds?: string[];
  changes?: PropertyChange[];
}

/** Where each union node is drawn, to list changes in reading order (top to bottom, left to right). */
export interface Positions {
  [id: string]: { x: number; y: number } | undefined;
}

/** Names in Builder's words, from `src/describe` (the model cannot import it): raw names by default. */
export interface ChangeWords {
  typeName: (type: string) => string;
  propertyName: (apiName: string) => string | undefined;
}
const RAW: ChangeWords = { typeName: (t) => t, propertyName: () => undefined };

/** Builds the list from a diff; element and connector entries follow the picture when positions are known. */
export function changeList(diff: FlowDiff, positions?: Positions, words: Partial<ChangeWords> = {}): ChangeItem[] {
  const { typeName, propertyName } = { ...RAW, ...words };
  const name = nodeNames(diff);
  const items: ChangeItem[] = [];
  for (const n of diff.nodes) {
    if (n.status === 'unchanged') continue;
    items.push({
      key: `node:${n.id}`,
      group: 'elements',
      status: n.status,
      title: n.id === START_ID ? 'Start' : n.label || n.id,
      detail: n.status === 'renamed' ? `${typeName(n.type)} · was ${n.renamedFrom ?? '?'}` : typeName(n.type),
      nodeId: n.graphId ?? n.id,
      changes: n.changes,
    });
  }
  for (const c of diff.connectors) {
    const item = connectorItem(c, name);
    if (item) items.push(item);
  }
  for (const r of diff.resources) {
    if (r.status === 'unchanged') continue;
    items.push({
      key: `res:${r.type}:${r.id}`,
      group: 'resources',
      status: r.status,
      title: r.id,
      detail: r.status === 'renamed' ? `${typeName(r.type)} · was ${r.renamedFrom ?? '?'}` : typeName(r.type),
      changes: r.changes,
    });
  }
  for (const p of diff.properties) {
    const head = p.path.split(/[.[]/)[0] ?? p.path;
    const word = propertyName(head);
    items.push({
      key: `prop:${p.path}`,
      group: 'properties',
      status: 'changed',
      // The property's Builder name; the metadata path stays behind the details panel's toggle.
      title: word ?? humanise(head),
      detail: word ? undefined : 'flow property',
      changes: [p],
    });
  }
  return positions ? inReadingOrder(items, positions) : items;
}

/** `interviewLabel` → "Interview label": a property without a Builder name, still not a metadata path. */
function humanise(field: string): string {
  const words = field
    .replace(/__c$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** A union node's name for a reader: its label ("Start" for the start). */
export function nodeNames(diff: FlowDiff): (id: string) => string {
  const label = new Map(diff.graph.nodes.map((n) => [n.id, n.label]));
  return (id) => (id === START_ID ? 'Start' : (label.get(id) ?? id));
}

/** The change list's entry for a connector change (none for a relabelled one), in the change list's words. */
export function connectorItem(c: ConnectorChange, name: (id: string) => string): ChangeItem | undefined {
  const what = c.label ? ` (${c.label})` : c.kind === 'fault' ? ' (Fault)' : '';
  switch (c.status) {
    case 'rewired':
      return {
        key: `rewire:${c.source}:${c.kind}:${c.key ?? ''}`,
        group: 'connectors',
        status: 'rewired',
        title: `${name(c.source)}${what}: ${name(c.targetBefore ?? '')} → ${name(c.target)}`,
        detail: 'connector now goes elsewhere',
        nodeId: c.source,
        edgeIds: c.edgeIds,
      };
    case 'added':
    case 'removed':
      return {
        key: `edge:${c.id}`,
        group: 'connectors',
        status: c.status,
        title: `${name(c.source)}${what} → ${name(c.target)}`,
        detail: c.goTo ? 'Go To connector' : undefined,
        nodeId: c.source,
        edgeIds: c.edgeIds,
      };
    case 'relabelled':
      return undefined;
  }
}

const RANK: Record<ChangeGroup, number> = { elements: 0, connectors: 1, resources: 2, properties: 3 };

function inReadingOrder(items: ChangeItem[], positions: Positions): ChangeItem[] {
  const order = (i: ChangeItem) => {
    // Own keys only: an element may be called `constructor`.
    const p = i.nodeId !== undefined && Object.hasOwn(positions, i.nodeId) ? positions[i.nodeId] : undefined;
    return p ? [p.y, p.x] : [Infinity, Infinity];
  };
  const indexed = items.map((item, i) => ({ item, i }));
  indexed.sort((a, b) => {
    const g = RANK[a.item.group] - RANK[b.item.group];
    if (g !== 0) return g;
    const [ay, ax] = order(a.item) as [number, number];
    const [by, bx] = order(b.item) as [number, number];
    return ay - by || ax - bx || a.i - b.i;
  });
  return indexed.map((x) => x.item);
}
