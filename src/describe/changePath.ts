import { canonical } from '../model/diff/own';
import { ownValue } from '../model/parse/own';
import { asList, isObj, str, type Value } from '../model/types';

/**
 * A property change's path (`rules[Big_Deal].conditions[0].rightValue`, model/diff/values.ts) read back
 * into steps against the two versions' data, so each step knows the values it stands for on each side.
 * Item keys come from the flow (a name may hold `]` or `.`), so they are matched against the items the
 * lists really have; a key no item has is read up to the next `]`.
 */
export interface Step {
  field: string;
  /** The list item's key as in the path (a name, a field, an index, `Key#2`); absent for a plain field. */
  item?: string;
  /** The item's position in its list on each side (or the index of an unnamed item). */
  index?: number;
  before?: Value;
  after?: Value;
}

export interface ReadPath {
  steps: Step[];
  /** The change is the order of a named list (`rules (order)`). */
  order: boolean;
}

/** The keys an item can be found by in a path: its name, field, string value, canonical value or index. */
function keysOf(v: Value, i: number): string[] {
  const out: string[] = [String(i)];
  if (typeof v === 'string') out.push(v);
  else if (isObj(v)) {
    for (const k of ['name', 'pathName', 'field']) {
      const s = str(v[k]);
      if (s !== undefined) out.push(s);
    }
  }
  out.push(canonical(v));
  return out;
}

function findItem(list: Value[], key: string): { value: Value; index: number } | undefined {
  const m = /^(.*)#(\d+)$/.exec(key);
  const tries: [string, number][] = [[key, 1]];
  if (m) tries.push([m[1] as string, Number(m[2])]);
  for (const [k, nth] of tries) {
    let seen = 0;
    for (let i = 0; i < list.length; i++) {
      const v = list[i] as Value;
      // An ordered list's unnamed items (conditions, filters…) are keyed by position; the rest by name or field.
      const hit = keysOf(v, i).slice(1).includes(k) || (!hasName(v) && String(i) === k);
      if (hit && ++seen === nth) return { value: v, index: i };
    }
  }
  // A list compared by position because one of its items has no name: the key is the position.
  if (/^\d+$/.test(key) && Number(key) < list.length) return { value: list[Number(key)] as Value, index: Number(key) };
  return undefined;
}

const hasName = (v: Value) => typeof v === 'string' || (isObj(v) && (str(v.name) ?? str(v.pathName)) !== undefined);

const ends = (path: string, at: number) => at >= path.length || path[at] === '.' || path[at] === '[';

/** Reads `path` against the before and after values it was taken from (objects, possibly absent). */
export function readPath(path: string, before: Value | undefined, after: Value | undefined): ReadPath {
  let p = path;
  const order = p.endsWith(' (order)');
  if (order) p = p.slice(0, -' (order)'.length);
  const steps: Step[] = [];
  let b = before;
  let a = after;
  let at = 0;
  while (at < p.length) {
    if (p[at] === '.') at++;
    let field = '';
    if (p[at] !== '[') {
      const m = /^[^.[]+/.exec(p.slice(at));
      field = m ? m[0] : '';
      at += field.length;
      b = isObj(b) ? ownValue(b, field) : undefined;
      a = isObj(a) ? ownValue(a, field) : undefined;
    }
    if (p[at] !== '[') {
      steps.push({ field, before: b, after: a });
      continue;
    }
    const lb = asList(b);
    const la = asList(a);
    const rest = p.slice(at + 1);
    let key: string | undefined;
    for (const [i, v] of [...lb, ...la].entries()) {
      for (const k of keysOf(v, i < lb.length ? i : i - lb.length)) {
        for (const cand of [k, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${k}#${n}`)]) {
          if (
            rest.startsWith(`${cand}]`) &&
            ends(rest, cand.length + 1) &&
            (key === undefined || cand.length > key.length)
          )
            key = cand;
        }
      }
    }
    if (key === undefined) {
      let close = rest.indexOf(']');
      while (close >= 0 && !ends(rest, close + 1)) close = rest.indexOf(']', close + 1);
      key = close >= 0 ? rest.slice(0, close) : rest;
    }
    at += key.length + 2;
    const ib = findItem(lb, key);
    const ia = findItem(la, key);
    b = ib?.value;
    a = ia?.value;
    const index = ia?.index ?? ib?.index ?? (/^\d+$/.test(key) ? Number(key) : undefined);
    const step: Step = { field, item: key };
    if (index !== undefined) step.index = index;
    if (b !== undefined) step.before = b;
    if (a !== undefined) step.after = a;
    steps.push(step);
  }
  return { steps, order };
}
