import { asList, isObj, type Obj, type Value } from '../types';
import { isConnectorField } from '../connectors';
import { ownValue, setOwn } from '../parse/own';

/**
 * An element's own properties: what makes it `changed`. Coordinates are layout (auto-layout flows
 * rewrite them on every save), connectors are edges, and `name` is identity, so none of them count.
 * Field names come from the input (`__proto__` is one): written with setOwn, read own-only. The walks
 * recurse: model/parse refuses input nested more than MAX_NESTING deep.
 */

const isConnector = (v: Value): boolean => isObj(v) && typeof v.targetReference === 'string';

/** Top-level fields that never count as a change of an element or the start. */
const IDENTITY_AND_LAYOUT: readonly string[] = ['name', 'locationX', 'locationY'];

/** `data` without the `drop` fields at the top and without connectors at any depth (as findConnectors sees them). */
export function ownProps(data: Obj, drop: readonly string[] = IDENTITY_AND_LAYOUT): Obj {
  const out: Obj = {};
  for (const [field, value] of Object.entries(data)) {
    if (drop.includes(field)) continue;
    const v = field === 'processMetadataValues' ? value : stripConnectors(field, value);
    if (v !== undefined) setOwn(out, field, v);
  }
  return out;
}

function stripConnectors(field: string, value: Value): Value | undefined {
  if (isConnectorField(field)) {
    // findConnectors reads only items with a targetReference; anything else in such a field is data.
    const rest = asList(value).filter((c) => !isConnector(c));
    if (rest.length === 0) return undefined;
    return Array.isArray(value) ? rest.map(stripDeep) : stripDeep(rest[0] as Value);
  }
  return stripDeep(value);
}

function stripDeep(value: Value): Value {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stripDeep);
  const out: Obj = {};
  for (const [field, v] of Object.entries(value)) {
    const s = field === 'processMetadataValues' ? v : stripConnectors(field, v);
    if (s !== undefined) setOwn(out, field, s);
  }
  return out;
}

/** A canonical text of a value: object keys sorted, so equal values give equal text whatever their key order. */
export function canonical(v: Value | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
    .join(',')}}`;
}

/** Deep equality, insensitive to object key order. */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || typeof a === 'string' || typeof b === 'string') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue(a[k], ownValue(b, k)));
}
