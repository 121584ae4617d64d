import { asList, isObj, str, type Obj, type Value } from '../types';
import { VALUE_SLOTS } from '../values';
import { ownValue } from '../parse/own';
import { canonical, sameValue } from './own';
import type { PropertyChange } from './types';

/**
 * Property-level comparison of two normalised values, as readable paths:
 * `rules[Big_Deal].conditions[0].rightValue`, `inputAssignments[Amount].value`, `queriedFields[Name]`.
 *
 * - Lists keyed by a name or field compare as sets (DESIGN.md): their order is not a change.
 * - Other lists are ordered. Items with unique names (rules, waitEvents, scheduledPaths, screen fields,
 *   choiceReferences…) are still matched by name so paths survive an insertion; a new order of the items
 *   both sides share is one change at `<list> (order)` with the name lists before and after.
 * - Unnamed items (conditions, assignmentItems, filters…) are compared by index.
 */
const SET_LISTS: ReadonlySet<string> = new Set([
  'inputAssignments',
  'outputAssignments',
  'inputParameters',
  'outputParameters',
  'processMetadataValues',
  'queriedFields',
]);

// An object made of value slots is one value and changes as a whole.
const isValueObj = (v: Obj): boolean => Object.keys(v).every((k) => VALUE_SLOTS.has(k));
const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function change(path: string, before: Value | undefined, after: Value | undefined): PropertyChange {
  const c: PropertyChange = { path };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  return c;
}

/** Appends the changes from `before` to `after` under `path` (field = the field name the values sit in). */
export function compareValues(
  path: string,
  before: Value | undefined,
  after: Value | undefined,
  field: string | undefined,
  out: PropertyChange[],
): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined || after === undefined) {
    // A list that appears or goes reads item by item (`outputAssignments[Id]`), like one that grows or shrinks.
    if (Array.isArray(before) || Array.isArray(after)) compareLists(path, asList(before), asList(after), field, out);
    else out.push(change(path, before, after));
    return;
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    compareLists(path, asList(before), asList(after), field, out);
    return;
  }
  if (typeof before === 'string' || typeof after === 'string' || (isValueObj(before) && isValueObj(after))) {
    if (!sameValue(before, after)) out.push(change(path, before, after));
    return;
  }
  compareObjects(path, before, after, out);
}

export function compareObjects(path: string, before: Obj, after: Obj, out: PropertyChange[]): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const k of keys) compareValues(at(path, k), ownValue(before, k), ownValue(after, k), k, out);
}

function compareLists(
  path: string,
  before: Value[],
  after: Value[],
  field: string | undefined,
  out: PropertyChange[],
): void {
  if (field !== undefined && SET_LISTS.has(field)) {
    compareSets(path, before, after, out);
    return;
  }
  const nb = names(before);
  const na = names(after);
  if (nb && na) {
    compareNamed(path, before, nb, after, na, out);
    return;
  }
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) compareValues(`${path}[${i}]`, before[i], after[i], undefined, out);
}

/** An item's name, for matching: `name` (rules, fields…), a path's `pathName`, or the string itself. */
function itemName(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (isObj(v)) return str(v.name) ?? str(v.pathName);
  return undefined;
}

/** The items' names when every item has one and they are unique; else undefined (compare by index). */
function names(items: Value[]): string[] | undefined {
  const out: string[] = [];
  for (const v of items) {
    const n = itemName(v);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return new Set(out).size === out.length ? out : undefined;
}

function compareNamed(
  path: string,
  before: Value[],
  nb: string[],
  after: Value[],
  na: string[],
  out: PropertyChange[],
): void {
  const b = new Map(nb.map((n, i) => [n, before[i] as Value]));
  const a = new Map(na.map((n, i) => [n, after[i] as Value]));
  for (const n of nb) compareValues(`${path}[${n}]`, b.get(n), a.get(n), undefined, out);
  for (const n of na) if (!b.has(n)) compareValues(`${path}[${n}]`, undefined, a.get(n), undefined, out);
  const sharedBefore = nb.filter((n) => a.has(n));
  const sharedAfter = na.filter((n) => b.has(n));
  if (sharedBefore.some((n, i) => sharedAfter[i] !== n)) out.push(change(`${path} (order)`, sharedBefore, sharedAfter));
}

/**
 * Set comparison keyed by `name`, else `field` (inputAssignments are keyed by field), else the whole
 * value. Equal items cancel first; what is left under one key pairs up in order (`[Key]`, `[Key#2]`).
 */
function compareSets(path: string, before: Value[], after: Value[], out: PropertyChange[]): void {
  const key = (v: Value) =>
    typeof v === 'string' ? v : isObj(v) ? (str(v.name) ?? str(v.field) ?? canonical(v)) : canonical(v);
  const group = (items: Value[]) => {
    const m = new Map<string, Value[]>();
    for (const v of items) {
      const k = key(v);
      const g = m.get(k);
      if (g) g.push(v);
      else m.set(k, [v]);
    }
    return m;
  };
  const gb = group(before);
  const ga = group(after);
  const keys = [...new Set([...gb.keys(), ...ga.keys()])].sort();
  for (const k of keys) {
    const restB = [...(gb.get(k) ?? [])];
    const restA: Value[] = [];
    for (const v of ga.get(k) ?? []) {
      const i = restB.findIndex((w) => sameValue(w, v));
      if (i >= 0) restB.splice(i, 1);
      else restA.push(v);
    }
    const n = Math.max(restB.length, restA.length);
    for (let i = 0; i < n; i++)
      compareValues(`${path}[${k}${i > 0 ? `#${i + 1}` : ''}]`, restB[i], restA[i], undefined, out);
  }
}
