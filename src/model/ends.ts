/**
 * Where a flow's paths end, for the picture only: Flow Builder's Auto-Layout draws an End after every
 * path that leads nowhere — an element with no connector on, a Decision outcome or a Wait event without
 * one, a Loop without After Last, a scheduled path with nothing on it. The metadata stores none of them
 * (until API 68's `ends` elements, which are graph nodes), so they are read here from the elements' own
 * data: an outcome without a connector is not an edge of the graph.
 *
 * These are not part of `graph --json`, the diff, its change list or any count: the layout turns them
 * into End nodes (structured engine only, as Builder draws Ends only in Auto-Layout) and the views draw
 * what the layout placed.
 */
import type { EdgeKind, FlowGraph } from './graph';
import { elementIndex, START_ID } from './graph';
import { findConnectors } from './connectors';
import { asList, asObjList, isObj, type Obj, str, type FlowDoc } from './types';

/** A path that ends: the element it leaves, and which of its paths (kind, outcome key) with its label. */
export interface OpenPath {
  source: string;
  kind: EdgeKind;
  key?: string;
  label?: string;
}

const connected = (obj: Obj, field: string) =>
  asList(obj[field]).some((c) => isObj(c) && str(c.targetReference) !== undefined);

/** Outcomes (rules, wait events, scheduled paths) with no connector, and a default with none. */
function listPaths(source: string, data: Obj, list: string, kind: EdgeKind, out: OpenPath[]): void {
  for (const item of asObjList(data[list])) {
    if (connected(item, 'connector')) continue;
    const key = str(item.name) ?? str(item.pathName);
    const label = str(item.label) ?? key ?? (item.pathType === 'AsyncAfterCommit' ? 'Run Asynchronously' : undefined);
    const path: OpenPath = { source, kind };
    if (key !== undefined) path.key = key;
    if (label !== undefined) path.label = label;
    out.push(path);
  }
}

/** Every path of one flow version that ends, in document order. */
export function openPaths(doc: FlowDoc): OpenPath[] {
  const out: OpenPath[] = [];
  const index = elementIndex(doc);
  if (doc.start) {
    const scheduled = asObjList(doc.start.scheduledPaths).length > 0;
    if (!connected(doc.start, 'connector') && doc.startElementReference === undefined)
      out.push(
        scheduled ? { source: START_ID, kind: 'next', label: 'Run Immediately' } : { source: START_ID, kind: 'next' },
      );
    listPaths(START_ID, doc.start, 'scheduledPaths', 'scheduledPath', out);
  }
  for (const el of doc.elements) {
    const id = index.nodeIdOf(el) as string;
    const data = el.data;
    switch (el.type) {
      case 'ends':
        break;
      case 'decisions':
        listPaths(id, data, 'rules', 'outcome', out);
        if (!connected(data, 'defaultConnector'))
          out.push({ source: id, kind: 'default', label: str(data.defaultConnectorLabel) ?? 'Default Outcome' });
        break;
      case 'waits':
        listPaths(id, data, 'waitEvents', 'waitEvent', out);
        if (!connected(data, 'defaultConnector'))
          out.push({ source: id, kind: 'default', label: str(data.defaultConnectorLabel) ?? 'Default Path' });
        break;
      case 'loops':
        if (!connected(data, 'noMoreValuesConnector')) out.push({ source: id, kind: 'loopEnd', label: 'After Last' });
        break;
      default:
        if (!findConnectors(data, { type: el.type }).some((c) => c.kind !== 'fault'))
          out.push({ source: id, kind: 'next' });
    }
  }
  return out;
}

const pathKey = (source: string, kind: EdgeKind, key: string | undefined) => JSON.stringify([source, kind, key ?? '']);

/**
 * A comparison's open paths on its union graph: a path that ends in either version and that no
 * connector of the union (added, removed or kept) continues — one whose connector was added or removed
 * is drawn by that connector, and an End beside it would draw the outcome twice.
 */
export function unionOpenPaths(
  before: FlowDoc,
  after: FlowDoc,
  graph: Pick<FlowGraph, 'edges'> & { nodes: readonly { id: string; beforeId?: string; afterId?: string }[] },
): OpenPath[] {
  const fromBefore = new Map<string, string>();
  const fromAfter = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.beforeId !== undefined) fromBefore.set(n.beforeId, n.id);
    if (n.afterId !== undefined) fromAfter.set(n.afterId, n.id);
  }
  const taken = new Set(graph.edges.map((e) => pathKey(e.source, e.kind, e.key)));
  const out: OpenPath[] = [];
  const add = (paths: OpenPath[], ids: Map<string, string>) => {
    for (const p of paths) {
      const source = ids.get(p.source);
      if (source === undefined) continue;
      const k = pathKey(source, p.kind, p.key);
      if (taken.has(k)) continue;
      taken.add(k);
      out.push({ ...p, source });
    }
  };
  add(openPaths(after), fromAfter);
  add(openPaths(before), fromBefore);
  return out;
}
