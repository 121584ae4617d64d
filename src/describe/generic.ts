import { asObjList, isObj, type Obj, type Value } from '../model/types';
import { isConnectorField } from '../model/connectors';
import { isValueSlot } from '../model/values';
import { row, section, type Row, type Section } from './types';
import { formatReference, formatValue, humanise, strings, txt, yesNo } from './values';

export { strings };

/** Fields every element has, shown by the panel header or not at all (coordinates, connectors). */
export const COMMON_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'label',
  'description',
  'locationX',
  'locationY',
  'processMetadataValues',
]);

export function isValueObject(v: Value | undefined): v is Obj {
  return (
    isObj(v) &&
    Object.keys(v).length > 0 &&
    Object.keys(v).every((k) => isValueSlot(k) || k === 'processMetadataValues')
  );
}

/** A reference field (a variable, a collection, an element's output) as {!name}. */
export function refRow(label: string, v: Value | undefined): Row | undefined {
  const s = txt(v);
  return s === undefined ? undefined : row(label, formatReference(s), { mono: true });
}

/** The name of a list item, for a row label: name, label, field, or its position. */
function itemLabel(item: Obj, index: number): string {
  return txt(item.label) ?? txt(item.name) ?? txt(item.field) ?? txt(item.pathName) ?? String(index + 1);
}

/**
 * A readable dump of fields we have no typed description for (unknown element types, fields added in a
 * later API version): "Humanised Name: value" rows, nested objects and lists as children. Never JSON.
 */
export function genericRows(obj: Obj, skip: ReadonlySet<string> = COMMON_FIELDS): Row[] {
  const out: Row[] = [];
  for (const [key, v] of Object.entries(obj)) {
    if (skip.has(key) || isConnectorField(key) || key === 'processMetadataValues') continue;
    const r = genericRow(humanise(key), v);
    if (r) out.push(r);
  }
  return out;
}

function genericRow(label: string, v: Value): Row | undefined {
  if (typeof v === 'string') return row(label, yesNo(v) ?? v);
  if (isValueObject(v)) return row(label, formatValue(v));
  if (isObj(v)) {
    if (txt(v.targetReference) !== undefined) return undefined;
    return row(label, '', { children: genericRows(v, new Set()) });
  }
  if (v.every((x) => typeof x === 'string')) return row(label, v.join(', '));
  const items = asObjList(v);
  return row(`${label} (${items.length})`, '', {
    children: items.map((item, i) => {
      const summary = isValueObject(item.value)
        ? formatValue(item.value)
        : txt(item.assignToReference)
          ? `→ ${formatReference(txt(item.assignToReference) as string)}`
          : '';
      const skip = new Set(['name', 'label', ...(summary ? ['value', 'assignToReference'] : [])]);
      const children = genericRows(item, skip);
      return {
        label: itemLabel(item, i),
        value: summary || (children.length > 0 ? '' : '(empty)'),
        ...childrenOf(children),
      };
    }),
  });
}

function childrenOf(children: Row[]): { children?: Row[] } {
  return children.length > 0 ? { children } : {};
}

/** Input parameters / input assignments: `name` or `field` ← value. */
export function inputRows(list: Value | undefined): Row[] {
  return asObjList(list).map((p, i) => ({
    label: txt(p.name) ?? txt(p.field) ?? String(i + 1),
    value: formatValue(p.value) ?? '(not set)',
  }));
}

/** Output parameters / output assignments: `name` or `field` → the variable that stores it. */
export function outputRows(list: Value | undefined): Row[] {
  return asObjList(list).map((p, i) => {
    const target = txt(p.assignToReference) ?? txt(p.assignToFieldReference);
    return {
      label: txt(p.name) ?? txt(p.field) ?? String(i + 1),
      value: target ? `→ ${formatReference(target)}` : (formatValue(p.value) ?? '(not stored)'),
    };
  });
}

export function listSection(title: string, items: Row[]): Section | undefined {
  return items.length > 0 ? { title: `${title} (${items.length})`, rows: items } : undefined;
}

/** processMetadataValues (Process Builder bookkeeping and Builder hints): name = value pairs. */
export function metadataSection(v: Value | undefined): Section | undefined {
  const items = asObjList(v).map((m, i) => ({
    label: txt(m.name) ?? String(i + 1),
    value: formatValue(m.value) ?? '(no value)',
  }));
  return items.length > 0 ? section('Process metadata values', items) : undefined;
}

/** " by Name" after a sort order; '' without a sort field. */
export function byField(field: Value | undefined): string {
  const f = txt(field);
  return f ? ` by ${f}` : '';
}
