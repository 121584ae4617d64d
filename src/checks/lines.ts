/**
 * Where a finding points in the file (issue 15, SARIF's `region.startLine`): the 1-based line of an element's or
 * resource's `<name>` in Metadata XML — the `<name>` that is a direct child of the element's own block, never a
 * nested outcome's, rule's or assignment's — or of its `"name": "X"` in a Tooling record's element arrays. One scan
 * of the text builds the table; each look-up after that is a map read.
 */

export interface FlowLines {
  /**
   * The line of the `n`-th (1-based, default 1) element or resource named `name`, as the graph numbers a repeated
   * name (`Name~2`); undefined when the text has none.
   */
  name: (name: string, n?: number) => number | undefined;
  /** The line of a top-level field of the flow (`apiVersion`, `start`, `label`), when the text has one. */
  field: (field: string) => number | undefined;
}

interface Table {
  names: Map<string, number[]>;
  fields: Map<string, number>;
}

const lookups = (t: Table): FlowLines => ({
  name: (name, n = 1) => t.names.get(name)?.[n - 1],
  field: (field) => t.fields.get(field),
});

const push = (t: Table, name: string, line: number) => {
  const at = t.names.get(name);
  if (at) at.push(line);
  else t.names.set(name, [line]);
};

/** The line table of a flow file's text: Metadata XML, or JSON (a Tooling record, bare Metadata, a query result). */
export function flowLines(text: string): FlowLines {
  const t: Table = { names: new Map(), fields: new Map() };
  const first = /\S/.exec(text);
  if (first?.[0] === '{' || first?.[0] === '[') jsonLines(text, t);
  else xmlLines(text, t);
  return lookups(t);
}

/** Counts lines up to a position, moving forward only (one pass over the text for the whole scan). */
function lineCounter(text: string) {
  let pos = 0;
  let line = 1;
  return (to: number) => {
    for (; pos < to; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (s: string) => s.trim().replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITY[e] as string);

/**
 * XML: tags, comments, CDATA and declarations in document order. The root (`<Flow>`) is depth 1, its fields and
 * element blocks depth 2, an element's `<name>` depth 3.
 */
function xmlLines(text: string, t: Table): void {
  const lineAt = lineCounter(text);
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([^\s/>]+)[^>]*?(\/?)>/g;
  let depth = 0;
  // The open `<name>` at depth 3, waiting for its text.
  let nameStart = -1;
  let nameLine = 0;
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    const local = m[2];
    if (local === undefined) continue;
    const bare = local.slice(local.indexOf(':') + 1);
    if (m[1] === '/') {
      if (depth === 3 && nameStart >= 0 && bare === 'name') {
        push(t, xmlText(text.slice(nameStart, m.index)), nameLine);
        nameStart = -1;
      }
      depth--;
      continue;
    }
    depth++;
    if (depth === 2 && !t.fields.has(bare)) t.fields.set(bare, lineAt(m.index));
    else if (depth === 3 && bare === 'name' && m[3] !== '/') {
      nameStart = m.index + m[0].length;
      nameLine = lineAt(m.index);
    }
    if (m[3] === '/') depth--;
  }
}

/** A container the JSON scan is inside: an object (with the key whose value comes next) or an array. */
interface Frame {
  array: boolean;
  /** The key this container is the value of (its parent's key; the array's, for an array's items). */
  key: string | undefined;
  /** This object is a flow's Metadata: the root, or the value of a `Metadata` key. */
  metadata: boolean;
  /** This object is an item of an array that is a field of a Metadata object (an element or resource). */
  item: boolean;
  /** In an object: the key just read, whose value comes next. */
  pending?: string;
}

/**
 * JSON: one pass over the tokens, keeping the path. A `"name": "X"` counts when its object is an item of an array
 * that is a field of a Metadata object (the root, or a `Metadata` value, as in a record or a query result).
 */
function jsonLines(text: string, t: Table): void {
  const lineAt = lineCounter(text);
  const stack: Frame[] = [];
  const top = () => stack[stack.length - 1];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const parent = top();
      const key = parent?.array ? parent.key : parent?.pending;
      const item = !!parent?.array && stack[stack.length - 2]?.metadata === true && c === '{';
      const metadata = c === '{' && (parent === undefined || key === 'Metadata');
      if (parent && !parent.array) parent.pending = undefined;
      stack.push({ array: c === '[', key, metadata, item });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const s = jsonString(text.slice(start, i + 1));
      const frame = top();
      if (!frame || frame.array) continue;
      if (frame.pending === undefined) {
        frame.pending = s;
        if (frame.metadata && !t.fields.has(s)) t.fields.set(s, lineAt(start));
      } else {
        if (frame.item && frame.pending === 'name') push(t, s, lineAt(start));
        frame.pending = undefined;
      }
    } else if (c === ',') {
      const frame = top();
      if (frame && !frame.array) frame.pending = undefined;
    }
  }
}

/** A JSON string token's value (its escapes read); the raw text when it is cut off. */
function jsonString(token: string): string {
  if (!token.includes('\\')) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1, -1);
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The `{…}` values of every `"Metadata"` key of a JSON text, in document order, as [start, end) offsets. */
function metadataSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let open = -1;
  let openDepth = 0;
  let lastKey: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastKey = /^\s*:/.test(text.slice(i + 1, i + 4)) ? jsonString(text.slice(start, i + 1)) : undefined;
    } else if (c === '{' || c === '[') {
      if (c === '{' && open < 0 && lastKey === 'Metadata') {
        open = i;
        openDepth = depth;
      }
      depth++;
      lastKey = undefined;
    } else if (c === '}' || c === ']') {
      depth--;
      if (open >= 0 && depth === openDepth) {
        spans.push([open, i + 1]);
        open = -1;
      }
    } else if (c === ',') lastKey = undefined;
  }
  return spans;
}

/**
 * The line table of one record of a file holding several (a Tooling `/query` result, `sf data query --json`'s
 * wrapper): the reader gives each record's flow its own text (`entryText`, with the record's Id and FullName), so
 * its lines are looked up in that record's `Metadata` inside the file's text. Any other file: flowLines(fileText).
 */
export function recordFlowLines(fileText: string, entryText: string): FlowLines {
  let records: unknown[] | undefined;
  let own: Record<string, unknown> | undefined;
  try {
    let v = JSON.parse(fileText) as unknown;
    if (isRecord(v) && isRecord(v.result)) v = v.result;
    records = Array.isArray(v) ? v : isRecord(v) && Array.isArray(v.records) ? v.records : undefined;
    const entry = JSON.parse(entryText) as unknown;
    own = isRecord(entry) ? entry : undefined;
  } catch {
    return flowLines(fileText);
  }
  if (!records || !own) return flowLines(fileText);
  const withMetadata = records.filter((r) => isRecord(r) && isRecord(r.Metadata)) as Record<string, unknown>[];
  const same = (r: Record<string, unknown>, k: string) => own?.[k] === undefined || String(r[k]) === String(own[k]);
  const at = withMetadata.findIndex((r) => same(r, 'Id') && same(r, 'FullName'));
  const span = metadataSpans(fileText)[at];
  if (at < 0 || !span || withMetadata.length !== metadataSpans(fileText).length) return flowLines(fileText);
  const inner = flowLines(fileText.slice(span[0], span[1]));
  const before = lineCounter(fileText)(span[0]) - 1;
  const shift = (line: number | undefined) => (line === undefined ? undefined : line + before);
  return { name: (name, n) => shift(inner.name(name, n)), field: (field) => shift(inner.field(field)) };
}
