import { ELEMENT_ARRAYS, RESOURCE_ARRAYS } from '../elements';
import type { Obj, Value } from '../types';
import { setOwn } from './own';

/**
 * Fields that are lists whatever the input shows. XML cannot tell a one-item list from a scalar,
 * Tooling JSON always writes lists (often empty): naming them makes both formats agree.
 */
const LIST_FIELDS: ReadonlySet<string> = new Set([
  ...ELEMENT_ARRAYS,
  ...RESOURCE_ARRAYS,
  'rules',
  'conditions',
  'waitEvents',
  'scheduledPaths',
  'filters',
  'inputAssignments',
  'outputAssignments',
  'inputParameters',
  'outputParameters',
  'assignmentItems',
  'fields',
  'choiceReferences',
  'queriedFields',
  'stageSteps',
  'entryConditions',
  'exitConditions',
  'entryActionInputParameters',
  'entryActionOutputParameters',
  'exitActionInputParameters',
  'exitActionOutputParameters',
  'connectors',
  'paths',
  'actionCallPaths',
  'customErrorMessages',
  'transformValues',
  'transformValueActions',
  'sortOptions',
  'mapItems',
  'dataTypeMappings',
  'processMetadataValues',
  'capabilityTypes',
  'inputs',
  'actions',
  'triggers',
  'handlers',
  'environments',
  'steps',
]);

/** Numeric fields: XML writes "49.0" where JSON writes 49; both normalise to String(Number(x)). */
const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'apiVersion',
  'locationX',
  'locationY',
  'numberValue',
  'offsetNumber',
  'scale',
  'precision',
  'triggerOrder',
  'percentage',
  'VersionNumber',
  'versionNumber',
]);

const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function canonicalNumber(n: number): string {
  return String(n);
}

/**
 * Turn parsed XML or JSON into a normalised Value (see types.ts). Returns undefined for absent values
 * (null, empty arrays, empty objects). Object keys are sorted so equal flows serialise identically. Keys are
 * the input's field names, so each is defined as an own key (`__proto__` too). Recursive: the input's nesting
 * was checked first (depth.ts).
 */
export function normalise(raw: unknown, field: string | undefined): Value | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') {
    // Empty text is unset: XML writes nil values as empty tags (`<value xsi:nil="true"/>`), JSON as null.
    if (raw === '') return undefined;
    const s = raw;
    if (field && NUMERIC_FIELDS.has(field) && NUMBER_TEXT.test(s.trim())) return canonicalNumber(Number(s));
    return wrapIfList(s, field);
  }
  if (typeof raw === 'number') return wrapIfList(canonicalNumber(raw), field);
  if (typeof raw === 'boolean') return wrapIfList(raw ? 'true' : 'false', field);
  if (Array.isArray(raw)) {
    const items: Value[] = [];
    for (const item of raw) {
      const v = normalise(item, undefined);
      if (v !== undefined) items.push(v);
    }
    if (items.length === 0) return undefined;
    if (field && LIST_FIELDS.has(field)) return items;
    return items.length === 1 ? items[0] : items;
  }
  if (typeof raw === 'object') {
    const src = raw as Record<string, unknown>;
    const out: Obj = {};
    for (const key of Object.keys(src).sort()) {
      if (key === '#text' && isBlank(src[key])) continue;
      const v = normalise(src[key], key);
      if (v !== undefined) setOwn(out, key, v);
    }
    if (Object.keys(out).length === 0) return undefined;
    return wrapIfList(out, field);
  }
  return undefined;
}

function wrapIfList(v: Value, field: string | undefined): Value {
  return field && LIST_FIELDS.has(field) ? [v] : v;
}

function isBlank(v: unknown): boolean {
  return typeof v === 'string' && v.trim() === '';
}
