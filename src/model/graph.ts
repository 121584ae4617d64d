import { asList, type FlowDoc, type FlowElement, type Value } from './types';
import { findConnectors, type EdgeKind, type FoundConnector } from './connectors';

export { assertNever, findConnectors, KIND_ORDER, type EdgeKind } from './connectors';

export const START_ID = '$start';

export interface GraphNode {
  id: string;
  /** Metadata array name, `start` for $start, `missing` for a placeholder of a dangling target. */
  type: string;
  label: string;
  /** Not reachable from Start (only set when the flow has a start). */
  unreachable?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label?: string;
  goTo: boolean;
  /** The owning structure's name for outcome, wait event, scheduled and experiment paths. */
  key?: string;
}

export interface FlowHeader {
  name: string;
  label: string;
  processType?: string;
  status?: string;
  apiVersion?: string;
}

export interface FlowGraph {
  flow: FlowHeader;
  nodes: GraphNode[];
  edges: GraphEdge[];
  warnings: string[];
}

const hasStartOf = (doc: FlowDoc) => doc.start !== undefined || doc.startElementReference !== undefined;

/**
 * The one rule for element node ids: an element's node is its API name; a name that repeats (or is the
 * start's) gets `Name~2`, `Name~3`… on its later elements, skipping ids another element already has.
 * Returns the ids in document order, and how many elements share each repeated name.
 */
function nameElements(doc: FlowDoc): { ids: string[]; repeated: Map<string, number> } {
  const taken = new Set<string>(hasStartOf(doc) ? [START_ID] : []);
  const repeated = new Map<string, number>();
  const ids = doc.elements.map((el) => {
    let id = el.name;
    if (taken.has(id)) {
      let n = repeated.get(el.name) ?? 1;
      do id = `${el.name}~${++n}`;
      while (taken.has(id));
      repeated.set(el.name, n);
    }
    taken.add(id);
    return id;
  });
  return { ids, repeated };
}

/** Element ↔ graph node, both ways (the same ids buildGraph gives). */
export interface ElementIndex {
  /** Node id → element, for every element (not $start or placeholders). */
  elements: ReadonlyMap<string, FlowElement>;
  nodeIdOf(element: FlowElement): string | undefined;
}
const indexes = new WeakMap<FlowDoc, ElementIndex>();

/** Which element each graph node stands for; computed once per (immutable) FlowDoc. */
export function elementIndex(doc: FlowDoc): ElementIndex {
  const known = indexes.get(doc);
  if (known) return known;
  const { ids } = nameElements(doc);
  const elements = new Map<string, FlowElement>();
  const nodeOf = new Map<FlowElement, string>();
  doc.elements.forEach((el, i) => {
    elements.set(ids[i] as string, el);
    nodeOf.set(el, ids[i] as string);
  });
  const index: ElementIndex = { elements, nodeIdOf: (el) => nodeOf.get(el) };
  indexes.set(doc, index);
  return index;
}

/** FlowDoc → FlowGraph: every element a node, every connector an edge (DESIGN.md contract). */
export function buildGraph(doc: FlowDoc): FlowGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const warnings: string[] = [];
  const ids = new Set<string>();
  const edgeIds = new Set<string>();
  const suffixFrom = new Map<string, number>();
  const hasStart = hasStartOf(doc);
  if (hasStart) {
    nodes.push({ id: START_ID, type: 'start', label: 'Start' });
    ids.add(START_ID);
  }
  const addEdge = (source: string, c: FoundConnector) => {
    const base = `${source}->${c.target}#${c.kind}${c.key ? `#${c.key}` : ''}`;
    let id = base;
    if (edgeIds.has(id)) {
      // Parallel connectors: resume from the last suffix taken (1,000 of them were quadratic).
      let n = suffixFrom.get(base) ?? 2;
      for (id = `${base}~${n}`; edgeIds.has(id); id = `${base}~${n}`) n++;
      suffixFrom.set(base, n + 1);
    }
    edgeIds.add(id);
    const edge: GraphEdge = { id, source, target: c.target, kind: c.kind, goTo: c.goTo };
    if (c.label !== undefined) edge.label = c.label;
    if (c.key !== undefined) edge.key = c.key;
    edges.push(edge);
  };
  if (doc.start) {
    const hasScheduledPaths = asList(doc.start.scheduledPaths).length > 0;
    for (const c of findConnectors(doc.start, { type: 'start', hasScheduledPaths })) addEdge(START_ID, c);
  }
  if (doc.startElementReference) addEdge(START_ID, { kind: 'next', target: doc.startElementReference, goTo: false });

  const { ids: elementIds, repeated } = nameElements(doc);
  doc.elements.forEach((el, i) => {
    const id = elementIds[i] as string;
    ids.add(id);
    nodes.push({ id, type: el.type, label: el.label });
    for (const c of findConnectors(el.data, { type: el.type })) addEdge(id, c);
  });
  for (const [name, n] of repeated)
    warnings.push(
      `${n} elements are named "${name}": connectors go to the first; ` + `the others are shown as ${name}~2…`,
    );

  const missing = [...new Set(edges.map((e) => e.target).filter((t) => !ids.has(t)))];
  for (const target of missing) {
    nodes.push({ id: target, type: 'missing', label: target });
    ids.add(target);
  }
  if (missing.length > 0) warnings.push(`Connectors point to elements that do not exist: ${missing.join(', ')}.`);

  if (hasStart) {
    const unreachable = findUnreachable(nodes, edges);
    for (const node of nodes) if (unreachable.has(node.id)) node.unreachable = true;
    if (unreachable.size > 0)
      warnings.push(
        `${unreachable.size} element${unreachable.size === 1 ? ' is' : 's are'} not reachable from Start: ` +
          `${listSome([...unreachable])}.`,
      );
  } else if (doc.elements.length > 0) {
    warnings.push('The flow has no start (no start element and no startElementReference).');
  }
  return { flow: header(doc), nodes, edges, warnings };
}

function findUnreachable(nodes: GraphNode[], edges: GraphEdge[]): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>([START_ID]);
  const queue = [START_ID];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const t of out.get(id) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return new Set(nodes.filter((n) => !seen.has(n.id)).map((n) => n.id));
}

function listSome(names: string[]): string {
  return names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`;
}

function header(doc: FlowDoc): FlowHeader {
  const p = doc.properties;
  const h: FlowHeader = { name: doc.name, label: doc.label };
  const text = (v: Value | undefined) => (typeof v === 'string' ? v : undefined);
  const processType = text(p.processType);
  const status = text(p.status);
  const apiVersion = text(p.apiVersion);
  if (processType) h.processType = processType;
  if (status) h.status = status;
  if (apiVersion) h.apiVersion = /^\d+$/.test(apiVersion) ? `${apiVersion}.0` : apiVersion;
  return h;
}
