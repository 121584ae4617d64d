/**
 * An independent reading of the three acceptance rules (issue 15), for the corpus test: straight from the
 * XML text with a tiny tag reader (or from the raw Tooling JSON), never through the parser, the model or
 * buildGraph. Written from the definitions alone.
 */
export interface Raw {
  tag: string;
  text: string;
  kids: Raw[];
}

/** The XML's element tree: tags, their direct text (entities left as they are: names have none) and children. */
export function readXml(xml: string): Raw {
  const root: Raw = { tag: '#root', text: '', kids: [] };
  const stack: Raw[] = [root];
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const tags = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of body.matchAll(tags)) {
    const top = stack[stack.length - 1] as Raw;
    if (m[5] !== undefined) {
      top.text += m[5];
      continue;
    }
    if (m[1]) {
      stack.pop();
      continue;
    }
    const node: Raw = { tag: m[2] as string, text: '', kids: [] };
    top.kids.push(node);
    if (!m[4]) stack.push(node);
  }
  return root.kids.find((k) => k.tag === 'Flow') ?? root;
}

/** The raw JSON (any of the Tooling shapes) as the same tree: objects' keys are tags, arrays repeat them. */
export function readJson(text: string): Raw {
  let v = JSON.parse(text) as unknown;
  const obj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (obj(v) && Array.isArray(v.records)) v = v.records[0];
  if (Array.isArray(v)) v = v[0];
  if (obj(v) && obj(v.Metadata)) v = v.Metadata;
  const tree = (tag: string, x: unknown): Raw[] => {
    if (x === null || x === undefined) return [];
    if (Array.isArray(x)) return x.flatMap((item) => tree(tag, item));
    if (!obj(x)) return [{ tag, text: String(x), kids: [] }];
    return [{ tag, text: '', kids: Object.entries(x).flatMap(([k, c]) => tree(k, c)) }];
  };
  return tree('Flow', v)[0] as Raw;
}

const kid = (n: Raw, tag: string) => n.kids.find((k) => k.tag === tag);
const textOf = (n: Raw | undefined) => (n ? n.text.trim() : '');
/** A connector-bearing field, compared by whole name (`defaultConnector` is no `faultConnector`). */
const isConnector = (tag: string) => tag === 'connector' || tag === 'connectors' || /^[a-z]\w*Connector$/.test(tag);

/** Every connector below a node (any depth, not inside processMetadataValues): its field and target. */
function connectorsOf(n: Raw): { field: string; target: string }[] {
  const out: { field: string; target: string }[] = [];
  const walk = (x: Raw) => {
    for (const k of x.kids) {
      if (k.tag === 'processMetadataValues') continue;
      if (isConnector(k.tag)) {
        const target = textOf(kid(k, 'targetReference'));
        if (target) out.push({ field: k.tag, target });
        continue;
      }
      walk(k);
    }
  };
  walk(n);
  return out;
}

export interface Expected {
  rule: string;
  element: string;
  detail: string;
}

const DML = ['recordCreates', 'recordUpdates', 'recordDeletes'];
const FAULTY = [...DML, 'recordLookups', 'actionCalls'];

export function expectedFindings(flow: Raw): Expected[] {
  // Nodes: top-level items with a <name> (elements; resources have no connectors, so they change nothing).
  const items = flow.kids.filter((k) => k.tag !== 'processMetadataValues' && textOf(kid(k, 'name')) !== '');
  const first = new Map<string, number>();
  items.forEach((it, i) => {
    const name = textOf(kid(it, 'name'));
    if (!first.has(name)) first.set(name, i);
  });
  const targets = items.map((it) => connectorsOf(it));
  const out: Expected[] = [];
  const loopsOf = items.map(() => new Set<string>());
  items.forEach((loop, li) => {
    if (loop.tag !== 'loops') return;
    const seen = new Set<number>([li]);
    const todo: number[] = [];
    for (const c of targets[li] ?? []) {
      const t = first.get(c.target);
      if (c.field === 'nextValueConnector' && t !== undefined && !seen.has(t)) {
        seen.add(t);
        todo.push(t);
      }
    }
    for (let at = todo.shift(); at !== undefined; at = todo.shift()) {
      loopsOf[at]?.add(textOf(kid(loop, 'name')));
      for (const c of targets[at] ?? []) {
        const t = first.get(c.target);
        if (t !== undefined && !seen.has(t)) {
          seen.add(t);
          todo.push(t);
        }
      }
    }
  });
  const beforeSave = textOf(kid(kid(flow, 'start') ?? { tag: '', text: '', kids: [] }, 'triggerType'));
  items.forEach((it, i) => {
    const name = textOf(kid(it, 'name'));
    const loops = [...(loopsOf[i] ?? [])].sort().join(',');
    if (loops && DML.includes(it.tag)) out.push({ rule: 'dml-in-loop', element: name, detail: loops });
    if (loops && it.tag === 'recordLookups') out.push({ rule: 'soql-in-loop', element: name, detail: loops });
    const fault = kid(it, 'faultConnector');
    const hasFault = fault !== undefined && (fault.kids.length > 0 || fault.text.trim() !== '');
    if (FAULTY.includes(it.tag) && !hasFault && beforeSave !== 'RecordBeforeSave')
      out.push({ rule: 'missing-fault-path', element: name, detail: '' });
  });
  return out;
}
