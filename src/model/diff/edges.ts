import { START_ID, type GraphEdge } from '../graph';
import type { Matching } from './match';
import type { Side } from './sides';
import type { EdgeDiff, Rewire } from './types';

/** Edge identity: the same source, target, kind and outcome/path key (a fault and a next edge to one target differ). */
export const edgeKey = (source: string, target: string, e: GraphEdge): string => `${source}\u0001${target}\u0001${e.kind}\u0001${e.key ?? ''}`;

/**
 * Connectors compared by the names each version uses: a connector to or from a renamed element is
 * removed under the old name and added under the new one (the reader sees the rename on the node).
 * Repeated identical connectors (a legacy step's `connectors[]`) count as a multiset.
 */
export function diffEdges(before: Side, after: Side): EdgeDiff[] {
  const pending = queues(before.graph.edges, (e) => edgeKey(e.source, e.target, e));
  const out: EdgeDiff[] = [];
  for (const e of after.graph.edges) {
    const twin = pending.get(edgeKey(e.source, e.target, e))?.shift();
    const d = edgeDiff(e, twin ? 'unchanged' : 'added');
    if (twin && twin.goTo !== e.goTo) d.wasGoTo = twin.goTo;
    out.push(d);
  }
  for (const list of pending.values()) for (const e of list) out.push(edgeDiff(e, 'removed'));
  return out;
}

function edgeDiff(e: GraphEdge, status: EdgeDiff['status']): EdgeDiff {
  const d: EdgeDiff = { source: e.source, target: e.target, kind: e.kind, goTo: e.goTo, status };
  if (e.key !== undefined) d.key = e.key;
  if (e.label !== undefined) d.label = e.label;
  return d;
}

/** Groups items by key, keeping their order; the lists are consumed as queues. */
export function queues<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/**
 * Rewired connectors: the same (matched) source, kind and key on both sides, one connector each, whose
 * target is a different element once renames are accounted for. Reported beside the removed and added
 * edges, as one change a reviewer reads.
 */
export function findRewires(before: Side, after: Side, m: Matching): Rewire[] {
  const hasStart = before.nodeType.get(START_ID) === 'start' && after.nodeType.get(START_ID) === 'start';
  const sourceInAfter = (id: string) => (id === START_ID ? (hasStart ? START_ID : undefined) : m.toAfter.get(id));
  const slot = (source: string, e: GraphEdge) => `${source}\u0001${e.kind}\u0001${e.key ?? ''}`;
  const beforeSlots = new Map<string, GraphEdge[]>();
  for (const e of before.graph.edges) {
    const s = sourceInAfter(e.source);
    if (s === undefined) continue;
    const k = slot(s, e);
    beforeSlots.set(k, [...(beforeSlots.get(k) ?? []), e]);
  }
  const afterSlots = queues(after.graph.edges, (e) => slot(e.source, e));
  // A dangling target on either side names the element the other side has: the same target, not a rewire.
  const targetInAfter = (t: string) => m.toAfter.get(t) ?? (before.nodeType.get(t) === 'missing' || after.nodeType.get(t) === 'missing' || t === START_ID ? t : `\u0000${t}`);
  const out: Rewire[] = [];
  for (const [k, as] of afterSlots) {
    const bs = beforeSlots.get(k);
    if (!bs || bs.length !== 1 || as.length !== 1) continue;
    const b = bs[0] as GraphEdge;
    const a = as[0] as GraphEdge;
    if (targetInAfter(b.target) === a.target) continue;
    const r: Rewire = { source: a.source, kind: a.kind, before: b.target, after: a.target };
    if (a.key !== undefined) r.key = a.key;
    if (a.label !== undefined) r.label = a.label;
    out.push(r);
  }
  return out;
}
