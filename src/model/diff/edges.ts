import { START_ID, type GraphEdge } from '../graph';
import type { Matching } from './match';
import type { Side } from './sides';
import type { EdgeDiff, Rewire } from './types';

/** Edge identity: the same source, target, kind and outcome/path key (a fault and a next edge to one target differ). */
const edgeKey = (source: string, target: string, e: GraphEdge): string =>
  `${source}\u0001${target}\u0001${e.kind}\u0001${e.key ?? ''}`;
/** The connector as the picture shows it: from where, to where, of which kind (not which outcome owns it). */
const endsKey = (source: string, target: string, e: GraphEdge): string => `${source}\u0001${target}\u0001${e.kind}`;

export interface Ends {
  e: GraphEdge;
  source: string;
  target: string;
}

/**
 * Pairs each after connector with a before one going from the same element to the same element with the
 * same kind: the same outcome / path first, then any. An outcome renamed (or two outcomes swapping
 * targets) while the arrows stay put is no connector added or removed — the decision's rules show the
 * rename, `rewired` shows the swap. Counts as a multiset. Returns each after edge's twin, and the before
 * edges left over (removed).
 */
export function pairEdges<T extends Ends>(
  before: readonly T[],
  after: readonly T[],
): { twins: (T | undefined)[]; leftover: T[] } {
  const byKey = queues(before, (x) => edgeKey(x.source, x.target, x.e));
  const taken = new Set<T>();
  const twins: (T | undefined)[] = after.map((x) => {
    const twin = byKey.get(edgeKey(x.source, x.target, x.e))?.shift();
    if (twin) taken.add(twin);
    return twin;
  });
  const byEnds = queues(
    before.filter((x) => !taken.has(x)),
    (x) => endsKey(x.source, x.target, x.e),
  );
  after.forEach((x, i) => {
    if (twins[i]) return;
    const twin = byEnds.get(endsKey(x.source, x.target, x.e))?.shift();
    if (twin) {
      taken.add(twin);
      twins[i] = twin;
    }
  });
  return { twins, leftover: before.filter((x) => !taken.has(x)) };
}

/**
 * Connectors compared by the names each version uses (paired by `pairEdges`): a connector to or from a
 * renamed element is removed under the old name and added under the new one (the reader sees the rename
 * on the node). Repeated identical connectors (a legacy step's `connectors[]`) count as a multiset.
 */
export function diffEdges(before: Side, after: Side): EdgeDiff[] {
  const ends = (e: GraphEdge): Ends => ({ e, source: e.source, target: e.target });
  const { twins, leftover } = pairEdges(before.graph.edges.map(ends), after.graph.edges.map(ends));
  const out: EdgeDiff[] = [];
  after.graph.edges.forEach((e, i) => {
    const twin = twins[i]?.e;
    const d = edgeDiff(e, twin ? 'unchanged' : 'added');
    if (twin && twin.goTo !== e.goTo) d.wasGoTo = twin.goTo;
    if (twin && (twin.key ?? '') !== (e.key ?? '')) d.keyBefore = twin.key ?? '';
    if (twin && (twin.label ?? '') !== (e.label ?? '')) d.labelBefore = twin.label ?? '';
    out.push(d);
  });
  for (const x of leftover) out.push(edgeDiff(x.e, 'removed'));
  return out;
}

function edgeDiff(e: GraphEdge, status: EdgeDiff['status']): EdgeDiff {
  const d: EdgeDiff = { source: e.source, target: e.target, kind: e.kind, goTo: e.goTo, status };
  if (e.key !== undefined) d.key = e.key;
  if (e.label !== undefined) d.label = e.label;
  return d;
}

/** Groups items by key, keeping their order; the lists are consumed as queues. */
function queues<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
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
  const targetInAfter = (t: string) =>
    m.toAfter.get(t) ??
    (before.nodeType.get(t) === 'missing' || after.nodeType.get(t) === 'missing' || t === START_ID ? t : `\u0000${t}`);
  const out: Rewire[] = [];
  for (const [k, as] of afterSlots) {
    const bs = beforeSlots.get(k);
    if (bs?.length !== 1 || as.length !== 1) continue;
    const b = bs[0] as GraphEdge;
    const a = as[0] as GraphEdge;
    if (targetInAfter(b.target) === a.target) continue;
    const r: Rewire = { source: a.source, kind: a.kind, before: b.target, after: a.target };
    if (a.key !== undefined) r.key = a.key;
    if (a.label !== undefined) r.label = a.label;
    if ((b.label ?? '') !== (a.label ?? '')) r.labelBefore = b.label ?? '';
    out.push(r);
  }
  return out;
}
