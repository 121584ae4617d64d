import type { FlowDoc, Obj, Value } from '../types';
import { setOwn } from '../parse/own';
import { canonical } from './own';
import type { PropertyChange } from './types';

/**
 * References to resources, as the metadata writes them: a whole value of a `…Reference(s)` field
 * (`elementReference: Amount`, `assignToReference: rec.Name`: the name before the first dot), and a merge
 * field anywhere in text (`{!Amount}`, `{!rec.Name}`) except in descriptions, which nothing reads.
 */
const REF_FIELD = /References?$/;
const MERGE = /\{!\s*([A-Za-z][A-Za-z0-9_]*)(?![A-Za-z0-9_])/g;
const HEAD = /^([A-Za-z][A-Za-z0-9_]*)(?=\.|$)/;

const keyOf = (path: string): string => {
  const last = path.slice(path.lastIndexOf('.') + 1);
  const i = last.indexOf('[');
  return i >= 0 ? last.slice(0, i) : last;
};

/** Calls `visit` with every name a value refers to; `field` is the field the value sits in. */
function eachRef(v: Value, field: string, visit: (name: string) => void): void {
  if (field === 'description') return;
  if (typeof v === 'string') {
    if (REF_FIELD.test(field)) {
      const head = HEAD.exec(v);
      if (head) visit(head[1] as string);
    }
    for (const m of v.matchAll(MERGE)) visit(m[1] as string);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) eachRef(x, field, visit);
    return;
  }
  for (const [k, x] of Object.entries(v)) eachRef(x, k, visit);
}

/** How many times each name is referred to in a version (elements, start, resources, flow properties). */
export function refCounts(doc: FlowDoc): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const e of doc.elements) eachRef(e.data, '', visit);
  for (const r of doc.resources) eachRef(r.data, '', visit);
  if (doc.start) eachRef(doc.start, '', visit);
  eachRef(doc.properties, '', visit);
  if (doc.startElementReference) visit(doc.startElementReference);
  return counts;
}

/** `v` with its references renamed as `renames` says (old → new), field by field as `eachRef` reads them. */
export function renameRefs(v: Value, field: string, renames: ReadonlyMap<string, string>): Value {
  if (field === 'description') return v;
  if (typeof v === 'string') {
    let s = v;
    if (REF_FIELD.test(field)) {
      const head = HEAD.exec(s)?.[1];
      const to = head === undefined ? undefined : renames.get(head);
      if (head !== undefined && to !== undefined) s = to + s.slice(head.length);
    }
    return s.replace(MERGE, (m, name: string) => {
      const to = renames.get(name);
      return to === undefined ? m : m.slice(0, m.length - name.length) + to;
    });
  }
  if (Array.isArray(v)) return v.map((x) => renameRefs(x, field, renames));
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) setOwn(out, k, renameRefs(x, k, renames));
  return out;
}

/** A path's item keys renamed (`choiceReferences[Old]` → `choiceReferences[New]`). */
export function renamePath(path: string, renames: ReadonlyMap<string, string>): string {
  return path.replace(/\[([^\]#]+)(#\d+)?\]/g, (m, name: string, n: string | undefined) => {
    const to = renames.get(name);
    return to === undefined ? m : `[${to}${n ?? ''}]`;
  });
}

/** How a change's side and path read once something is set aside (a rename, a namespace token). */
export interface Reading {
  value: (v: Value, path: string) => string;
  path: (path: string) => string;
}

/** Reads references under a set of renames (and nothing else): a change that reads alike is only those. */
export const renamedReading = (renames: ReadonlyMap<string, string>): Reading => ({
  value: (v, path) => canonical(renameRefs(v, keyOf(path), renames)),
  path: (p) => renamePath(p, renames),
});

/**
 * The changes that `reading` does not explain: a change whose two sides read alike is explained, and so
 * is a pair of one-sided changes (one only before, one only after) whose paths and values read alike
 * (a keyed item whose key was renamed). Returns `changes` itself when it explains none.
 */
export function unexplained(changes: PropertyChange[], reading: Reading): PropertyChange[] {
  const explained = new Set<PropertyChange>();
  const gone = new Map<string, PropertyChange[]>();
  for (const c of changes) {
    if (c.before !== undefined && c.after !== undefined) {
      if (reading.value(c.before, c.path) === reading.value(c.after, c.path)) explained.add(c);
    } else if (c.before !== undefined) {
      const k = `${reading.path(c.path)}\u0000${reading.value(c.before, c.path)}`;
      const list = gone.get(k);
      if (list) list.push(c);
      else gone.set(k, [c]);
    }
  }
  if (gone.size > 0)
    for (const c of changes) {
      if (c.before !== undefined || c.after === undefined) continue;
      const twin = gone.get(`${reading.path(c.path)}\u0000${reading.value(c.after, c.path)}`)?.shift();
      if (twin) explained.add(twin).add(c);
    }
  return explained.size === 0 ? changes : changes.filter((c) => !explained.has(c));
}
