import type { ConnectorChange, ConnectorSummary, DiffGraph, DiffGraphEdge, Rewire } from './types';

/**
 * The one connector change list, on the union graph (docs/diff-format.md, "Connectors"): each rewire once
 * (its removed and its added edge), then every other added or removed union edge, then the relabelled
 * ones. A connector that only follows a renamed element is paired in the union graph, so it is no entry;
 * it is counted in `followRename`.
 *
 * `unionIdOf` maps a before-version node id to its union id (rewire targets are named in the before version).
 */
export function connectorChanges(
  graph: DiffGraph,
  rewired: readonly Rewire[],
  unionIdOf: ReadonlyMap<string, string>,
): ConnectorChange[] {
  const out: ConnectorChange[] = [];
  const covered = new Set<string>();
  // Changed union edges by slot (source, kind, outcome / path key): a rewire's removed and added edge.
  const slot = (source: string, kind: string, key: string | undefined) => `${source}\u0001${kind}\u0001${key ?? ''}`;
  const bySlot = new Map<string, DiffGraphEdge[]>();
  if (rewired.length > 0)
    for (const e of graph.edges) {
      if (e.status === 'unchanged') continue;
      const k = slot(e.source, e.kind, e.key);
      const list = bySlot.get(k);
      if (list) list.push(e);
      else bySlot.set(k, [e]);
    }
  for (const r of rewired) {
    const edges = bySlot.get(slot(r.source, r.kind, r.key)) ?? [];
    for (const e of edges) covered.add(e.id);
    const added = edges.find((e) => e.status === 'added' && e.target === r.after) ?? edges[0];
    const c: ConnectorChange = {
      id: added?.id ?? `${r.source}->${r.after}#${r.kind}`,
      status: 'rewired',
      edgeIds: edges.map((e) => e.id),
      kind: r.kind,
      source: r.source,
      target: r.after,
      targetBefore: unionIdOf.get(r.before) ?? r.before,
      goTo: added?.goTo ?? false,
    };
    if (r.key !== undefined) c.key = r.key;
    if (r.label !== undefined) c.label = r.label;
    if (r.labelBefore !== undefined) c.labelBefore = r.labelBefore;
    out.push(c);
  }
  for (const e of graph.edges) {
    if (e.status === 'unchanged' || covered.has(e.id)) continue;
    out.push(change(e, e.status));
  }
  for (const e of graph.edges) {
    if (!e.before || (e.before.label ?? '') === (e.label ?? '')) continue;
    const c = change(e, 'relabelled');
    c.labelBefore = e.before.label ?? '';
    out.push(c);
  }
  return out;
}

function change(e: DiffGraphEdge, status: ConnectorChange['status']): ConnectorChange {
  const c: ConnectorChange = {
    id: e.id,
    status,
    edgeIds: [e.id],
    kind: e.kind,
    source: e.source,
    target: e.target,
    goTo: e.goTo,
  };
  if (e.key !== undefined) c.key = e.key;
  if (e.label !== undefined) c.label = e.label;
  return c;
}

/** Counts of the list, and of the connectors that are the same but for a renamed element at one end. */
export function connectorSummary(changes: readonly ConnectorChange[], graph: DiffGraph): ConnectorSummary {
  const s: ConnectorSummary = { added: 0, removed: 0, rewired: 0, relabelled: 0, followRename: 0 };
  for (const c of changes) s[c.status]++;
  for (const e of graph.edges)
    if (e.before && (e.before.source !== e.source || e.before.target !== e.target)) s.followRename++;
  return s;
}
