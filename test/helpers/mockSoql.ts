/**
 * Just enough SOQL for the mock Salesforce API:
 * `SELECT f, … FROM Obj [WHERE a LIKE '…' OR b = '…' AND c IN ('…', …)] [ORDER BY f [DESC]] [LIMIT n]`.
 * String literals are read with SOQL's escapes, so a client that escapes badly gets MALFORMED_QUERY, as from Salesforce.
 */

interface Condition {
  field: string;
  op: 'LIKE' | '=' | 'IN';
  /** The literal's content still escaped (LIKE needs to tell `\%` from `%`). */
  raw: string;
  /** IN's literals, still escaped. */
  list?: string[];
}

export interface Soql {
  fields: string[];
  from: string;
  where: Condition[];
  /** How the conditions join. */
  join: 'OR' | 'AND';
  orderBy?: { field: string; desc: boolean };
  limit?: number;
}

export function parseSoql(q: string): Soql | undefined {
  const head = /^SELECT\s+([\w\s,.]+?)\s+FROM\s+(\w+)/i.exec(q);
  if (!head) return undefined;
  const fields = head[1]!.split(',').map((f) => f.trim());
  let rest = q.slice(head[0].length);
  const where: Condition[] = [];
  let join: 'OR' | 'AND' = 'AND';
  const w = /^\s+WHERE\s+/i.exec(rest);
  if (w) {
    rest = rest.slice(w[0].length);
    for (;;) {
      const inList = /^([\w.]+)\s+IN\s*\(\s*/i.exec(rest);
      if (inList) {
        const list = readList(rest, inList[0].length);
        if (!list) return undefined;
        where.push({ field: inList[1]!, op: 'IN', raw: '', list: list.raws });
        rest = rest.slice(list.end);
      } else {
        const c = /^([\w.]+)\s+(LIKE|=)\s+'/i.exec(rest);
        if (!c) return undefined;
        const lit = readLiteral(rest, c[0].length);
        if (!lit) return undefined;
        where.push({ field: c[1]!, op: c[2]!.toUpperCase() as Condition['op'], raw: lit.raw });
        rest = rest.slice(lit.end);
      }
      const j = /^\s+(OR|AND)\s+/i.exec(rest);
      if (!j) break;
      join = j[1]!.toUpperCase() as 'OR' | 'AND';
      rest = rest.slice(j[0].length);
    }
  }
  let orderBy: Soql['orderBy'];
  const o = /^\s+ORDER\s+BY\s+(\w+)(\s+(ASC|DESC))?/i.exec(rest);
  if (o) {
    orderBy = { field: o[1]!, desc: (o[3] ?? '').toUpperCase() === 'DESC' };
    rest = rest.slice(o[0].length);
  }
  let limit: number | undefined;
  const l = /^\s+LIMIT\s+(\d+)/i.exec(rest);
  if (l) {
    limit = Number(l[1]);
    rest = rest.slice(l[0].length);
  }
  if (rest.trim() !== '') return undefined;
  return { fields, from: head[2]!, where, join, orderBy, ...(limit === undefined ? {} : { limit }) };
}

/** `'a', 'b')` from `start`: the literals of an IN list, up to its closing parenthesis. */
function readList(s: string, start: number): { raws: string[]; end: number } | undefined {
  const raws: string[] = [];
  let i = start;
  for (;;) {
    if (s[i] !== "'") return undefined;
    const lit = readLiteral(s, i + 1);
    if (!lit) return undefined;
    raws.push(lit.raw);
    const sep = /^\s*([,)])\s*/.exec(s.slice(lit.end));
    if (!sep) return undefined;
    i = lit.end + sep[0].length;
    if (sep[1] === ')') return { raws, end: lit.end + sep[0].trimEnd().length };
  }
}

/** A field of a record, through relationships for a dotted name (`FlowVersionView.FlowDefinitionViewId`). */
export function fieldOf(record: Record<string, unknown>, field: string): unknown {
  let v: unknown = record;
  for (const part of field.split('.'))
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** Reads a quoted literal's content from `start` (just after the opening quote) to its closing quote. */
function readLiteral(s: string, start: number): { raw: string; end: number } | undefined {
  for (let i = start; i < s.length; i++) {
    if (s[i] === '\\') {
      if (!/[\\'"nrtbf%_]/.test(s[i + 1] ?? '')) return undefined;
      i++;
    } else if (s[i] === "'") return { raw: s.slice(start, i), end: i + 1 };
  }
  return undefined;
}

const UNESCAPE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

function unquote(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => UNESCAPE[c] ?? c);
}

/** SOQL LIKE: case-insensitive, `%` any run, `_` one character, `\%` and `\_` literal. */
export function likeToRegExp(raw: string): RegExp {
  let re = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[++i] ?? '';
      re += escapeRe(UNESCAPE[next] ?? next);
    } else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 'is');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function matches(record: Record<string, unknown>, soql: Soql): boolean {
  if (soql.where.length === 0) return true;
  const test = (c: Condition) => {
    const v = String(fieldOf(record, c.field) ?? '');
    if (c.op === 'IN') return (c.list ?? []).some((raw) => v === unquote(raw));
    return c.op === 'LIKE' ? likeToRegExp(c.raw).test(v) : v === unquote(c.raw);
  };
  return soql.join === 'OR' ? soql.where.some(test) : soql.where.every(test);
}
