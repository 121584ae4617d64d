/**
 * A second independent reading of issue 15's acceptance (the review's own, written from the issue's words
 * alone): `dml-in-loop`, `soql-in-loop`, `missing-fault-path` and the interface, read with fast-xml-parser's
 * ordered tree (XML) or straight from the objects (Tooling JSON), never through Flowscope's parser or graph.
 *
 * Choices, where the issue leaves room:
 * - a connector is any `connector` / `…Connector` field (at any depth, outside `processMetadataValues`) with a
 *   non-empty `targetReference`; one with an empty or no target leads nowhere, so it is no fault path either;
 * - a target names the first element of that name (repeated names are invalid metadata, but read);
 * - resources (variables, constants, formulas, text templates, choices, stages) are never connector targets.
 */
import { XMLParser } from 'fast-xml-parser';

export interface Node {
  tag: string;
  text: string;
  kids: Node[];
}

type Ordered = Record<string, unknown>[];

function fromOrdered(tag: string, items: Ordered): Node {
  const node: Node = { tag, text: '', kids: [] };
  for (const item of items) {
    for (const [k, v] of Object.entries(item)) {
      if (k === ':@') continue;
      if (k === '#text') node.text += String(v);
      else node.kids.push(fromOrdered(k, v as Ordered));
    }
  }
  return node;
}

export function flowFromXml(xml: string): Node {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false });
  const root = fromOrdered('#root', parser.parse(xml) as Ordered);
  return root.kids.find((k) => k.tag === 'Flow') ?? root;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function fromValue(tag: string, x: unknown): Node[] {
  if (x === null || x === undefined) return [];
  if (Array.isArray(x)) return x.flatMap((item) => fromValue(tag, item));
  if (!isObject(x)) return [{ tag, text: String(x), kids: [] }];
  return [{ tag, text: '', kids: Object.entries(x).flatMap(([k, v]) => fromValue(k, v)) }];
}

/** Every flow in a Tooling payload: a record, a bare Metadata, a query result's records, `sf`'s wrapper. */
export function flowsFromJson(text: string): Node[] {
  let v = JSON.parse(text) as unknown;
  if (isObject(v) && isObject(v.result) && ('status' in v || 'warnings' in v)) v = v.result;
  const records = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.records) ? v.records : [v];
  return records.flatMap((r) => fromValue('Flow', isObject(r) && isObject(r.Metadata) ? r.Metadata : r));
}

const child = (n: Node | undefined, tag: string) => n?.kids.find((k) => k.tag === tag);
const text = (n: Node | undefined) => (n ? n.text.trim() : '');
const RESOURCES = new Set(['variables', 'constants', 'formulas', 'textTemplates', 'choices', 'dynamicChoiceSets']);
const DML = new Set(['recordCreates', 'recordUpdates', 'recordDeletes']);
const FAULTY = new Set([...DML, 'recordLookups', 'actionCalls']);

function connectors(n: Node): { field: string; target: string }[] {
  const out: { field: string; target: string }[] = [];
  for (const k of n.kids) {
    if (k.tag === 'processMetadataValues') continue;
    if (k.tag === 'connector' || k.tag.endsWith('Connector')) {
      const target = text(child(k, 'targetReference'));
      if (target !== '') out.push({ field: k.tag, target });
    } else out.push(...connectors(k));
  }
  return out;
}

export interface Reading {
  findings: string[];
  inputs: Record<string, unknown>[];
  outputs: Record<string, unknown>[];
}

export function read(flow: Node): Reading {
  const elements = flow.kids.filter((k) => !RESOURCES.has(k.tag) && text(child(k, 'name')) !== '');
  const byName = new Map<string, number>();
  elements.forEach((el, i) => {
    const name = text(child(el, 'name'));
    if (!byName.has(name)) byName.set(name, i);
  });
  const out = elements.map((el) => connectors(el));
  const loopsOf = elements.map(() => new Set<string>());
  elements.forEach((loop, li) => {
    if (loop.tag !== 'loops') return;
    const seen = new Set([li]);
    const queue = out[li]
      ?.filter((c) => c.field === 'nextValueConnector')
      .map((c) => byName.get(c.target))
      .filter((t): t is number => t !== undefined && !seen.has(t));
    for (const t of queue ?? []) seen.add(t);
    while (queue && queue.length > 0) {
      const at = queue.shift() as number;
      loopsOf[at]?.add(text(child(loop, 'name')));
      for (const c of out[at] ?? []) {
        const t = byName.get(c.target);
        if (t !== undefined && !seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
  });
  const beforeSave = text(child(child(flow, 'start'), 'triggerType')) === 'RecordBeforeSave';
  const findings: string[] = [];
  elements.forEach((el, i) => {
    const name = text(child(el, 'name'));
    const loops = [...(loopsOf[i] ?? [])].sort().join(',');
    if (loops !== '' && DML.has(el.tag)) findings.push(`dml-in-loop ${name} ${loops}`);
    if (loops !== '' && el.tag === 'recordLookups') findings.push(`soql-in-loop ${name} ${loops}`);
    const fault = el.kids.some((k) => k.tag === 'faultConnector' && text(child(k, 'targetReference')) !== '');
    if (FAULTY.has(el.tag) && !fault && !beforeSave) findings.push(`missing-fault-path ${name}`);
  });
  const variables = flow.kids.filter((k) => k.tag === 'variables');
  const parameter = (v: Node) => {
    const p: Record<string, unknown> = { name: text(child(v, 'name')) };
    if (text(child(v, 'dataType'))) p.dataType = text(child(v, 'dataType'));
    p.isCollection = text(child(v, 'isCollection')) === 'true';
    if (text(child(v, 'objectType'))) p.objectType = text(child(v, 'objectType'));
    return p;
  };
  return {
    findings: findings.sort(),
    inputs: variables.filter((v) => text(child(v, 'isInput')) === 'true').map(parameter),
    outputs: variables.filter((v) => text(child(v, 'isOutput')) === 'true').map(parameter),
  };
}
