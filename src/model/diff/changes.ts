import type { FlowDiff, NodeStatus, PropertyChange } from '../model/diff/types';
import { START_ID } from '../model/graph';

/**
 * The review's change list: one entry per thing a reviewer reads — an element, a connector change (a
 * rewired connector is one entry, not a removed and an added edge), a resource, a flow property.
 * `n` / `p` step through it; `nodeId` is what the canvas pans to and selects.
 */
export type ChangeGroup = 'elements' | 'connectors' | 'resources' | 'properties';
export interface ChangeItem {
  key: string;
  group: ChangeGroup;
  status: NodeStatus | 'rewired';
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

export interface Positions {
  [id: string]: { x: number; y: number } | undefined;
}

/** Builds the list from a diff; element and connector entries follow the picture (top to bottom, left to right) when positions are known. */
export function changeList(
  diff: FlowDiff,
  positions?: Positions,
  typeName: (type: string) => string = (t) => t,
): ChangeItem[] {
  const label = new Map(diff.graph.nodes.map((n) => [n.id, n.label]));
  const unionId = new Map<string, string>();
  for (const n of diff.nodes) {
    const gid = n.graphId ?? n.id;
    if (n.status !== 'removed' || !unionId.has(n.id)) unionId.set(n.id, gid);
    if (n.renamedFrom && !unionId.has(n.renamedFrom)) unionId.set(n.renamedFrom, gid);
  }
  const name = (id: string) => (id === START_ID ? 'Start' : (label.get(unionId.get(id) ?? id) ?? id));
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
  const rewiredEdges = new Set<string>();
  for (const r of diff.rewired) {
    const ids = diff.graph.edges
      .filter(
        (e) =>
          e.status !== 'unchanged' &&
          e.source === (unionId.get(r.source) ?? r.source) &&
          e.kind === r.kind &&
          (e.key ?? '') === (r.key ?? ''),
      )
      .map((e) => e.id);
    ids.forEach((id) => {
      rewiredEdges.add(id);
    });
    const what = r.label ? ` (${r.label})` : r.kind === 'fault' ? ' (Fault)' : '';
    items.push({
      key: `rewire:${r.source}:${r.kind}:${r.key ?? ''}`,
      group: 'connectors',
      status: 'rewired',
      title: `${name(r.source)}${what}: ${name(r.before)} → ${name(r.after)}`,
      detail: 'connector now goes elsewhere',
      nodeId: unionId.get(r.source) ?? r.source,
      edgeIds: ids,
    });
  }
  for (const e of diff.graph.edges) {
    if (e.status === 'unchanged' || rewiredEdges.has(e.id)) continue;
    const what = e.label ? ` (${e.label})` : e.kind === 'fault' ? ' (Fault)' : '';
    items.push({
      key: `edge:${e.id}`,
      group: 'connectors',
      status: e.status,
      title: `${name(e.source)}${what} → ${name(e.target)}`,
      detail: e.goTo ? 'Go To connector' : undefined,
      nodeId: e.source,
      edgeIds: [e.id],
    });
  }
  for (const r of diff.resources) {
    if (r.status === 'unchanged') continue;
    items.push({
      key: `res:${r.type}:${r.id}`,
      group: 'resources',
      status: r.status,
      title: r.id,
      detail: typeName(r.type),
      changes: r.changes,
    });
  }
  for (const p of diff.properties) {
    const head = p.path.split(/[.[]/)[0] ?? p.path;
    const word = PROPERTY_WORDS[head];
    items.push({
      key: `prop:${p.path}`,
      group: 'properties',
      status: 'changed',
      title: word ? `${word}${p.path === head ? '' : ` (${p.path})`}` : p.path,
      detail: word ? undefined : 'flow property',
      changes: [p],
    });
  }
  if (positions) {
    const order = (i: ChangeItem) => {
      const p = i.nodeId ? positions[i.nodeId] : undefined;
      return p ? [p.y, p.x] : [Infinity, Infinity];
    };
    const rank: Record<ChangeGroup, number> = { elements: 0, connectors: 1, resources: 2, properties: 3 };
    const indexed = items.map((item, i) => ({ item, i }));
    indexed.sort((a, b) => {
      const g = rank[a.item.group] - rank[b.item.group];
      if (g !== 0) return g;
      const [ay, ax] = order(a.item) as [number, number];
      const [by, bx] = order(b.item) as [number, number];
      return ay - by || ax - bx || a.i - b.i;
    });
    return indexed.map((x) => x.item);
  }
  return items;
}

/** Flow properties in Flow Builder's words (the API name stays in the property's before/after). */
const PROPERTY_WORDS: Record<string, string> = {
  apiVersion: 'API version',
  status: 'Status',
  processType: 'Flow type',
  runInMode: 'Run mode',
  label: 'Flow label',
  description: 'Description',
  interviewLabel: 'Interview label',
  processMetadataValues: 'Builder settings',
  environments: 'Environments',
  triggerOrder: 'Trigger order',
  isTemplate: 'Template',
  isAdditionalPermissionRequiredToRun: 'Extra permission to run',
  areMetricsLoggedToDataCloud: 'Metrics logged to Data Cloud',
  migratedFromWorkflowRuleName: 'Migrated from workflow rule',
  sourceTemplate: 'Source template',
  timeZoneSidKey: 'Time zone',
};

export const STATUS_WORD: Record<ChangeItem['status'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  renamed: 'Renamed',
  unchanged: 'Unchanged',
  rewired: 'Rewired',
};
export const STATUS_MARK: Record<ChangeItem['status'], string> = {
  added: '+',
  removed: '−',
  changed: '~',
  renamed: '↻',
  unchanged: '·',
  rewired: '⇄',
};
