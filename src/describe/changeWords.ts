import { isConnectorField } from '../model/connectors';
import { asList, isObj, str, type Obj, type Value } from '../model/types';
import { ACTION_TYPES, TRANSACTIONS } from './actions';
import { OPERATORS } from './conditions';
import { PROCESS_TYPES, RUN_MODES, STATUSES } from './flow';
import { ASSIGNMENT_OPERATORS } from './logic';
import { LABELS, TYPE_LABELS } from './changeLabels';
import { flowPropertyName } from './properties';
import { DATA_TYPES } from './resources';
import { RECORD_TRIGGERS } from './trigger';
import { formatReference, formatValue, humanise, lookup, richToPlain } from './values';

/**
 * The words a change is said in: plain text, and names, references and formulas that a reader should see
 * as code. Plain data (no markup): `diff --md` makes code spans of the code pieces, the app `<code>`.
 */
export type Piece = string | { code: string };
export type Words = Piece[];

export const code = (s: string): Piece => ({ code: s });

/** The words as plain text. */
export function plain(w: Words | undefined): string {
  return (w ?? []).map((p) => (typeof p === 'string' ? p : p.code)).join('');
}

/** A field's label: Builder's, else the field name humanised ("offsetNumber" → "Offset number"). */
export function fieldLabel(field: string, kind?: string): string {
  const own = kind === undefined ? undefined : lookup(TYPE_LABELS, kind);
  const known = (own && lookup(own, field)) ?? lookup(LABELS, field);
  if (known) return known;
  if (kind === 'flow' || kind === undefined) {
    const p = flowPropertyName(field);
    if (p) return p;
  }
  const h = humanise(field);
  return h.charAt(0) + h.slice(1).toLowerCase();
}

const SORT: Record<string, string> = { Asc: 'Ascending', Desc: 'Descending' };
const ITERATION: Record<string, string> = { Asc: 'First item to last item', Desc: 'Last item to first item' };
const TIME_UNITS: Record<string, string> = { Days: 'Days', Hours: 'Hours', Minutes: 'Minutes', Months: 'Months' };

/** Fields whose value is an enum: said in Builder's words (a humanised fallback for a value not in the table). */
const ENUMS: Record<string, Record<string, string>> = {
  operator: { ...OPERATORS, ...ASSIGNMENT_OPERATORS, EqualTo: 'Equals', Assign: 'Equals' },
  sortOrder: SORT,
  iterationOrder: ITERATION,
  dataType: DATA_TYPES,
  actionType: ACTION_TYPES,
  flowTransactionModel: TRANSACTIONS,
  recordTriggerType: RECORD_TRIGGERS,
  offsetUnit: TIME_UNITS,
  processType: PROCESS_TYPES,
  runInMode: RUN_MODES,
  status: STATUSES,
  triggerType: {},
  timeSource: {},
  pathType: {},
  fieldType: {},
  regionContainerType: {},
  collectionProcessorType: {},
  eventType: {},
  frequency: {},
};

// Free text that may be rich (HTML): said as its text.
const RICH = new Set(['fieldText', 'helpText', 'pausedText', 'errorMessage', 'choiceText', 'text']);
const FORMULAS = new Set(['expression', 'formula', 'formulaExpression', 'filterFormula']);
const REFERENCES = new Set([
  'assignToReference',
  'assignNextValueToReference',
  'collectionReference',
  'outputReference',
  'inputReference',
  'assignRecordIdToReference',
  'leftValueReference',
  'defaultSelectedChoiceReference',
]);
const NAMES = new Set([
  'object',
  'objectType',
  'apexClass',
  'actionName',
  'flowName',
  'field',
  'objectFieldReference',
  'sortField',
  'displayField',
  'valueField',
  'picklistField',
  'picklistObject',
  'fieldSelection',
  'outputSObjectType',
  'nameSegment',
]);
/** Flags whose Yes / No Builder says in other words. */
const FLAGS: Record<string, [string, string]> = {
  getFirstRecordOnly: ['Only the first record', 'All records'],
  isViewedAsPlainText: ['Plain text', 'Rich text'],
};
const TAG = /<\/?[a-zA-Z][\w-]*(\s[^<>]*)?\/?>/;

/** Text that carries HTML tags or entities, as its plain text; any other text as it is. */
export function asText(s: string): string {
  return TAG.test(s) || /&(#\d+|#x[\da-f]+|[a-z]+);/i.test(s) ? richToPlain(decodeNumeric(s)) : s;
}

function decodeNumeric(s: string): string {
  return s.replace(/&#(x[\da-f]+|\d+);/gi, (m, n: string) => {
    const cp = n[0] === 'x' || n[0] === 'X' ? Number.parseInt(n.slice(1), 16) : Number(n);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** A value of `field` in Builder's words: typed values without their tags, enums and flags in words. */
export function valueWords(field: string, v: Value | undefined, budget = 400): Words | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') {
    if (v === '') return ['(empty)'];
    if (FORMULAS.has(field)) return [code(v)];
    if (REFERENCES.has(field)) return [code(v)];
    if (NAMES.has(field)) return [code(v)];
    const table = lookup(ENUMS, field);
    if (table) return [lookup(table, v) ?? humanise(v)];
    const flag = lookup(FLAGS, field);
    if (v === 'true') return [flag ? flag[0] : 'Yes'];
    if (v === 'false') return [flag ? flag[1] : 'No'];
    return [RICH.has(field) ? asText(v) : v];
  }
  if (Array.isArray(v)) {
    const out: Words = [];
    for (const x of v) {
      const w = valueWords(field, x, budget);
      if (!w) continue;
      if (out.length > 0) out.push(', ');
      out.push(...w);
      if (plain(out).length > budget) {
        out.push(', …');
        break;
      }
    }
    return out.length > 0 ? out : ['(none)'];
  }
  return objectWords(v, budget);
}

/** A value object (`{numberValue: '5'}`) as its value; any other object as "Label: value" pairs, never JSON. */
export function objectWords(o: Obj, budget = 400): Words {
  const ref = str(o.elementReference) ?? str(o.transformValueReference);
  if (ref !== undefined) return [code(formatReference(ref))];
  const formula = str(o.formulaExpression);
  if (formula !== undefined) return ['Formula: ', code(formula)];
  const keys = Object.keys(o).filter((k) => k !== 'processMetadataValues');
  if (keys.length > 0 && keys.every((k) => SLOT_KEYS.has(k))) {
    const s = formatValue(o) ?? '';
    return [asText(s)];
  }
  const out: Words = [];
  for (const k of keys) {
    if (isConnectorField(k) || k === 'locationX' || k === 'locationY') continue;
    const w = valueWords(k, o[k], budget);
    if (!w) continue;
    if (out.length > 0) out.push('; ');
    out.push(`${fieldLabel(k)}: `, ...w);
    if (plain(out).length > budget) {
      out.push('; …');
      break;
    }
  }
  return out.length > 0 ? out : ['(empty)'];
}

const SLOT_KEYS = new Set([
  'stringValue',
  'numberValue',
  'booleanValue',
  'dateValue',
  'dateTimeValue',
  'setupReference',
  'setupReferenceType',
  'apexValue',
  'sobjectValue',
]);

/** A name or field of a row as code, when it has one. */
export function nameOf(item: Value | undefined): string | undefined {
  if (typeof item === 'string') return item;
  if (!isObj(item)) return undefined;
  return str(item.name) ?? str(item.field) ?? str(item.pathName);
}

/** The label a reader knows a sub-item by: its label, else its name. */
export function labelOf(item: Value | undefined): string | undefined {
  if (!isObj(item)) return typeof item === 'string' ? item : undefined;
  const l = str(item.label);
  return l !== undefined && l.trim() !== '' ? l : nameOf(item);
}

export const listOf = (v: Value | undefined): Value[] => asList(v);
