import { XMLParser } from 'fast-xml-parser';

/**
 * An independent reading of what changed between two flow files, from fast-xml-parser's raw tree and
 * the format reference (FLOW-FORMAT.md, DESIGN.md), not from our parser or differ: elements by type and
 * name (a rename is a removal and an addition), changed when their content differs once coordinates and
 * connectors are dropped and set-like lists are sorted; connectors as (source, target, kind), the
 * acceptance's identity (which outcome owns a connector is the decision's business).
 */
type Raw = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  trimValues: false,
});
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const CONNECTOR = /^(connector|connectors|[a-z]\w*Connector)$/;
const RESOURCES = new Set([
  'variables',
  'constants',
  'formulas',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages',
  'exitRules',
  'customProperties',
]);
const SETS = new Set([
  'inputAssignments',
  'outputAssignments',
  'inputParameters',
  'outputParameters',
  'processMetadataValues',
  'queriedFields',
]);
// XML writes numbers as decimal text ("20.0"); the same number is the same value.
const NUMERIC = new Set([
  'numberValue',
  'apiVersion',
  'scale',
  'precision',
  'offsetNumber',
  'triggerOrder',
  'percentage',
]);
const FIELD_KIND: Record<string, string> = {
  faultConnector: 'fault',
  defaultConnector: 'default',
  timeoutConnector: 'timeout',
  nextValueConnector: 'loopNext',
  noMoreValuesConnector: 'loopEnd',
};
const LIST_KIND: Record<string, string> = {
  rules: 'outcome',
  waitEvents: 'waitEvent',
  scheduledPaths: 'scheduledPath',
  paths: 'experimentPath',
  actionCallPaths: 'actionPath',
};

/** Canonical text of a value: every field a list, empty text unset, connectors dropped, set-like lists sorted. */
function canon(v: unknown, field: string): string | undefined {
  if (typeof v === 'string') {
    if (v === '') return undefined;
    return JSON.stringify(NUMERIC.has(field) && /^-?\d+(\.\d+)?$/.test(v.trim()) ? String(Number(v)) : v);
  }
  if (!isRaw(v)) return undefined;
  const parts: string[] = [];
  for (const k of Object.keys(v).sort()) {
    if (k === '#text' && String(v[k]).trim() === '') continue;
    let items = list(v[k]);
    if (CONNECTOR.test(k) && k !== 'processMetadataValues')
      items = items.filter((c) => !(isRaw(c) && typeof c.targetReference === 'string'));
    const texts = items.map((x) => canon(x, k)).filter((x): x is string => x !== undefined);
    if (SETS.has(k)) texts.sort();
    if (texts.length > 0) parts.push(`${JSON.stringify(k)}:[${texts.join(',')}]`);
  }
  return parts.length > 0 ? `{${parts.join(',')}}` : undefined;
}

function connectors(obj: Raw, source: string, list0: string | undefined, _item: Raw | undefined, out: string[]): void {
  for (const [k, value] of Object.entries(obj)) {
    if (k === 'processMetadataValues') continue;
    for (const x of list(value)) {
      if (!isRaw(x)) continue;
      if (CONNECTOR.test(k) && typeof x.targetReference === 'string' && x.targetReference !== '') {
        const kind = FIELD_KIND[k] ?? (list0 ? LIST_KIND[list0] : undefined) ?? 'next';
        out.push(`${source}>${x.targetReference} ${kind}`);
      } else connectors(x, source, k, x, out);
    }
  }
}

export interface RawFlow {
  /** `type:name` (and `$start`) → canonical content. */
  elements: Map<string, string>;
  edges: string[];
}

function readRaw(text: string): RawFlow {
  const md = (parser.parse(text) as Raw).Flow;
  const flow = isRaw(md) ? md : {};
  const elements = new Map<string, string>();
  const edges: string[] = [];
  const start = list(flow.start).find(isRaw);
  const ser =
    typeof flow.startElementReference === 'string' && flow.startElementReference !== ''
      ? flow.startElementReference
      : undefined;
  const content = (item: Raw) =>
    canon(
      Object.fromEntries(Object.entries(item).filter(([k]) => !['name', 'locationX', 'locationY'].includes(k))),
      '',
    ) ?? '';
  if (start || ser) elements.set('$start', start ? content(start) : '');
  if (start) connectors(start, '$start', undefined, undefined, edges);
  if (ser) edges.push(`$start>${ser} next`);
  for (const [type, value] of Object.entries(flow)) {
    if (type === 'start' || type === 'processMetadataValues' || RESOURCES.has(type)) continue;
    for (const item of list(value)) {
      if (!isRaw(item) || typeof item.name !== 'string') continue;
      elements.set(`${type}:${item.name}`, content(item));
      connectors(item, item.name, undefined, undefined, edges);
    }
  }
  return { elements, edges };
}

/** Multiset difference a − b, sorted. */
function minus(a: string[], b: string[]): string[] {
  const count = new Map<string, number>();
  for (const x of b) count.set(x, (count.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    else out.push(x);
  }
  return out.sort();
}

export function rawDiff(before: string, after: string) {
  const b = readRaw(before);
  const a = readRaw(after);
  const keys = (m: Map<string, string>) => [...m.keys()];
  return {
    added: keys(a.elements)
      .filter((k) => !b.elements.has(k))
      .sort(),
    removed: keys(b.elements)
      .filter((k) => !a.elements.has(k))
      .sort(),
    changed: keys(a.elements)
      .filter((k) => b.elements.has(k) && b.elements.get(k) !== a.elements.get(k))
      .sort(),
    edgesAdded: minus(a.edges, b.edges),
    edgesRemoved: minus(b.edges, a.edges),
  };
}
