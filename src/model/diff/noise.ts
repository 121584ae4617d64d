/**
 * Quieter diffs (issue 15): changes a reviewer may hide because they change nothing that runs — only in
 * descriptions, only in labels, only the API version, only the canvas mode, or only a namespace token
 * (`%%%NAMESPACED_ORG%%%` prefixes, which packaging tools rewrite). docs/diff-format.md, "Noise filters".
 */
import type { Value } from '../types';
import { connectorSummary } from './connectors';
import { canonical } from './own';
import { type Reading, unexplained } from './refs';
import { summarise } from './summary';
import type { DiffGraphEdge, FlowDiff, PropertyChange } from './types';

export type NoiseKind = 'description' | 'label' | 'api-version' | 'canvas-mode' | 'namespace';
/** In the order the toggles, `--ignore` and links name them. */
export const NOISE_KINDS: readonly NoiseKind[] = ['description', 'label', 'api-version', 'canvas-mode', 'namespace'];

export interface NoiseFiltered {
  /** The diff with the hidden changes taken out: statuses, property changes, summary and union graph agree. */
  diff: FlowDiff;
  /** How many changes each filter hides on its own (what its toggle says), every kind present. */
  hidden: Record<NoiseKind, number>;
}

/** Where a property change sits: an element (or the start), a resource, or the flow itself. */
type Owner = 'node' | 'resource' | 'flow';

/** The field a path ends in, without its item key: `rules[Big].label` → `label`. */
const fieldOf = (path: string): string => {
  const last = path.slice(path.lastIndexOf('.') + 1);
  const i = last.indexOf('[');
  return i >= 0 ? last.slice(0, i) : last;
};

/** Whether a change is one the kind hides by itself (the namespace filter reads pairs: `namespaceReading`). */
const HIDES: Record<Exclude<NoiseKind, 'namespace'>, (c: PropertyChange, owner: Owner) => boolean> = {
  description: (c) => fieldOf(c.path) === 'description',
  label: (c) => fieldOf(c.path) === 'label' || fieldOf(c.path) === 'defaultConnectorLabel',
  'api-version': (c, owner) => owner === 'flow' && c.path === 'apiVersion',
  'canvas-mode': (c, owner) => owner === 'flow' && /^processMetadataValues\[CanvasMode(?:#\d+)?\]/.test(c.path),
};

/** A namespace token as packaging tools write them: `%%%NAMESPACED_ORG%%%`, `%%%NAMESPACE_DOT%%%`. */
const TOKEN = /%%%[A-Z_]+%%%/g;
function stripTokens(v: Value): Value {
  if (typeof v === 'string') return v.replace(TOKEN, '');
  if (Array.isArray(v)) return v.map(stripTokens);
  const out: Record<string, Value> = {};
  for (const [k, x] of Object.entries(v))
    Object.defineProperty(out, k.replace(TOKEN, ''), { value: stripTokens(x), enumerable: true });
  return out;
}
/** Changes that read alike once namespace tokens are taken out: a value, or an item keyed by a tokened name. */
const namespaceReading: Reading = {
  value: (v) => canonical(stripTokens(v)),
  path: (p) => p.replace(TOKEN, ''),
};

/** The changes of one owner that `ignore` leaves; the list itself when it hides none. */
function kept(changes: PropertyChange[], owner: Owner, ignore: ReadonlySet<NoiseKind>): PropertyChange[] {
  if (changes.length === 0) return changes;
  const hides = NOISE_KINDS.filter((k): k is Exclude<NoiseKind, 'namespace'> => k !== 'namespace' && ignore.has(k));
  let out = hides.length === 0 ? changes : changes.filter((c) => !hides.some((k) => HIDES[k](c, owner)));
  if (ignore.has('namespace')) out = unexplained(out, namespaceReading);
  return out.length === changes.length ? changes : out;
}

/** The number of property changes a diff reports (elements, resources, flow): what the filters take out. */
export const noiseMeasure = (d: FlowDiff): number =>
  d.nodes.reduce((n, x) => n + x.changes.length, 0) +
  d.resources.reduce((n, x) => n + x.changes.length, 0) +
  d.properties.length;

/** The diff without the changes `ignore` names. With nothing to ignore, the same diff. */
export function filterNoise(diff: FlowDiff, ignore: ReadonlySet<NoiseKind>): NoiseFiltered {
  const total = noiseMeasure(diff);
  const hidden = {} as Record<NoiseKind, number>;
  for (const k of NOISE_KINDS) hidden[k] = total - noiseMeasure(quieter(diff, new Set([k])));
  return { diff: ignore.size === 0 ? diff : quieter(diff, ignore), hidden };
}

/**
 * The diff with the changes `ignore` hides taken out. An element or resource left with no change is
 * `unchanged` (a renamed one stays renamed); with labels hidden, relabelled connectors are none and the
 * union graph keeps no label before. Returns `diff` itself when nothing is hidden.
 */
function quieter(diff: FlowDiff, ignore: ReadonlySet<NoiseKind>): FlowDiff {
  let touched = false;
  const nodes = diff.nodes.map((n) => {
    const changes = kept(n.changes, 'node', ignore);
    if (changes === n.changes) return n;
    touched = true;
    return { ...n, changes, status: n.status === 'changed' && changes.length === 0 ? 'unchanged' : n.status };
  });
  const resources = diff.resources.map((r) => {
    const changes = kept(r.changes, 'resource', ignore);
    if (changes === r.changes) return r;
    touched = true;
    return { ...r, changes, status: r.status === 'changed' && changes.length === 0 ? 'unchanged' : r.status };
  });
  const properties = kept(diff.properties, 'flow', ignore);
  const labels = ignore.has('label') && hasLabelChange(diff);
  if (!touched && properties === diff.properties && !labels) return diff;

  const statusOf = new Map(nodes.map((n) => [n.graphId ?? n.id, n.status]));
  let graphNodes = diff.graph.nodes.map((g) => {
    const status = statusOf.get(g.id);
    return status !== undefined && status !== g.status ? { ...g, status } : g;
  });
  let graphEdges = diff.graph.edges;
  let { edges, rewired, connectors } = diff;
  if (labels) {
    graphNodes = graphNodes.map((g) => {
      if (g.labelBefore === undefined) return g;
      const { labelBefore: _, ...rest } = g;
      return rest;
    });
    graphEdges = graphEdges.map(sameLabel);
    edges = edges.map((e) => {
      if (e.labelBefore === undefined) return e;
      const { labelBefore: _, ...rest } = e;
      return rest;
    });
    rewired = rewired.map(({ labelBefore: _, ...r }) => r);
    connectors = connectors.filter((c) => c.status !== 'relabelled').map(({ labelBefore: _, ...c }) => c);
  }
  const graph = { ...diff.graph, nodes: graphNodes, edges: graphEdges };
  const summary = summarise(nodes, edges, resources, properties, connectorSummary(connectors, graph));
  return { summary, nodes, edges, rewired, connectors, resources, properties, graph };
}

const hasLabelChange = (d: FlowDiff): boolean =>
  d.connectors.some((c) => c.labelBefore !== undefined) || d.graph.nodes.some((g) => g.labelBefore !== undefined);

/** An edge whose before connector had another label, with that label made the edge's own. */
function sameLabel(e: DiffGraphEdge): DiffGraphEdge {
  if (!e.before || (e.before.label ?? '') === (e.label ?? '')) return e;
  const { label: _, ...before } = e.before;
  return { ...e, before: e.label === undefined ? before : { ...before, label: e.label } };
}

/** Reads `--ignore description,label` / a link's `ignore=`; unknown names come back in `unknown`. */
export function readNoiseKinds(text: string): { kinds: Set<NoiseKind>; unknown: string[] } {
  const kinds = new Set<NoiseKind>();
  const unknown: string[] = [];
  for (const part of text.split(',')) {
    const k = part.trim();
    if (!k) continue;
    const kind = NOISE_KINDS.find((n) => n === k);
    if (kind) kinds.add(kind);
    else unknown.push(k);
  }
  return { kinds, unknown };
}

/** The kinds in their order, as `--ignore` and links write them (`description,label`). */
export const writeNoiseKinds = (kinds: ReadonlySet<NoiseKind>): string =>
  NOISE_KINDS.filter((k) => kinds.has(k)).join(',');
