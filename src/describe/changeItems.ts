import { asObjList, isObj, str, type Obj, type Value } from '../model/types';
import { fieldLabel, labelOf, nameOf, objectWords, asText, code, valueWords, type Words } from './changeWords';
import { OPERATORS } from './conditions';
import { ASSIGNMENT_OPERATORS } from './logic';
import { fieldTypeName } from './screen';
import { scheduledPathOffset } from './start';
import { formatReference, short, words } from './values';

/**
 * The parts of an element a change can be in, in Builder's words: sub-items with a label of their own
 * (an outcome, a scheduled path, a screen component) and rows said as one sentence (a condition, a
 * "Set Field Values" row, an output).
 */

/** Lists whose items are sub-items a reader knows by label: the noun Builder calls one. */
const CONTAINERS: Record<string, string> = {
  rules: 'Outcome',
  waitEvents: 'Path',
  scheduledPaths: 'Scheduled path',
  paths: 'Path',
  stageSteps: 'Step',
  steps: 'Step',
  capabilityTypes: 'Capability',
  transformValues: 'Mapping',
  schedule: 'Schedule',
};

/** Lists whose items are said as one sentence each. */
const SENTENCES = new Set([
  'conditions',
  'filters',
  'entryConditions',
  'exitConditions',
  'entryCriteria',
  'exitCriteria',
  'assignmentItems',
  'inputAssignments',
  'outputAssignments',
  'inputParameters',
  'outputParameters',
  'entryActionInputParameters',
  'entryActionOutputParameters',
  'exitActionInputParameters',
  'exitActionOutputParameters',
  'processMetadataValues',
  'sortOptions',
  'mapItems',
  'queriedFields',
  'choiceReferences',
  'dataTypeMappings',
  'customErrorMessages',
  'environments',
  'assignees',
  'transformValueActions',
  'inputs',
]);

const CONDITION_LISTS = new Set(['conditions', 'filters', 'entryConditions', 'exitConditions', 'entryCriteria']);

export function isContainer(field: string, item: Value | undefined): boolean {
  if (Object.hasOwn(CONTAINERS, field)) return true;
  if (field === 'fields') return true;
  // A list nobody named: its object items are sub-items (numbered), its strings are rows.
  return !SENTENCES.has(field) && isObj(item);
}

export const isSentenceList = (field: string) => SENTENCES.has(field);

/** The noun and name of a sub-item: "Outcome" "Over 1M"; a screen component by its type and text. */
export function subjectOf(field: string, item: Value | undefined, index: number | undefined, key?: string) {
  if (field === 'fields' && isObj(item)) {
    const text = str(item.fieldText);
    const display = str(item.fieldType) === 'DisplayText';
    const title =
      (!display && text ? short(asText(text), 60) : undefined) ||
      (str(item.fieldType) === 'ObjectProvided' ? str(item.objectFieldReference) : undefined);
    return { noun: fieldTypeName(item), name: title || (nameOf(item) ?? key ?? String((index ?? 0) + 1)) };
  }
  const noun = Object.hasOwn(CONTAINERS, field)
    ? (CONTAINERS[field] as string)
    : fieldLabel(field).replace(/s$/, '') || 'Item';
  const fallback = key !== undefined && !/^\d+$/.test(key) ? key : String((index ?? 0) + 1);
  return { noun, name: labelOf(item) ?? fallback };
}

const ROW_TITLES: Record<string, string> = {
  assignmentItems: 'Set variable values',
  inputParameters: 'Input values',
  outputParameters: 'Output values',
  processMetadataValues: 'Builder settings',
  sortOptions: 'Sort',
  mapItems: 'Map items',
  queriedFields: 'Fields',
  choiceReferences: 'Choices',
  dataTypeMappings: 'Object types',
  environments: 'Environments',
  assignees: 'Assigned to',
  transformValueActions: 'Mapping',
  entryActionInputParameters: 'Entry action inputs',
  entryActionOutputParameters: 'Entry action outputs',
  exitActionInputParameters: 'Exit action inputs',
  exitActionOutputParameters: 'Exit action outputs',
  inputs: 'Inputs',
};

/** The title of a sentence row: "Condition 2", "Set field values", "Store fields in variables". */
export function rowTitle(field: string, kind: string, index: number | undefined, inside: string | undefined): string {
  const n = (index ?? 0) + 1;
  if (CONDITION_LISTS.has(field) || field === 'exitCriteria')
    return field.startsWith('entry')
      ? `Entry condition ${n}`
      : field.startsWith('exit')
        ? `Exit condition ${n}`
        : kind === 'start'
          ? `Entry condition ${n}`
          : `Condition ${n}`;
  if (field === 'customErrorMessages') return `Error message ${n}`;
  if (field === 'inputAssignments')
    return kind === 'recordCreates' || kind === 'recordUpdates' ? 'Set field values' : 'Input values';
  if (field === 'outputAssignments')
    return kind === 'recordLookups' || kind === 'dynamicChoiceSets' ? 'Store fields in variables' : 'Output values';
  if ((field === 'inputParameters' || field === 'outputParameters') && inside !== undefined)
    return field === 'inputParameters' ? 'Inputs' : 'Outputs';
  return ROW_TITLES[field] ?? fieldLabel(field);
}

const op = (v: Value | undefined) => words({ ...OPERATORS, ...ASSIGNMENT_OPERATORS }, v);

/** One condition: "`$Record.Amount` Greater Than 1,000,000". */
function conditionWords(left: string | undefined, operator: Value | undefined, value: Value | undefined): Words {
  const out: Words = [left ? code(left) : '(no resource)'];
  const o = op(operator);
  if (o) out.push(` ${o}`);
  const v = valueWords('rightValue', value);
  if (v) out.push(' ', ...v);
  return out;
}

/** A row said as a sentence, whatever list it is in. */
export function rowWords(field: string, item: Value | undefined): Words | undefined {
  if (item === undefined) return undefined;
  if (typeof item === 'string') return field === 'environments' ? [item] : [code(item)];
  if (!isObj(item)) return valueWords(field, item) ?? [];
  const s = (k: string) => str(item[k]);
  if (s('leftValueReference') !== undefined || (CONDITION_LISTS.has(field) && s('field') === undefined))
    return conditionWords(s('leftValueReference'), item.operator, item.rightValue);
  if (CONDITION_LISTS.has(field) || (s('field') !== undefined && item.operator !== undefined))
    return conditionWords(s('field'), item.operator, item.value);
  if (s('assignToReference') !== undefined && item.operator !== undefined)
    return [
      code(s('assignToReference') as string),
      ` ${op(item.operator) ?? ''} `,
      ...(valueWords('value', item.value) ?? ['(nothing)']),
    ];
  const target = s('assignToReference') ?? s('assignToFieldReference');
  const key = s('name') ?? s('field') ?? s('outputFieldApiName') ?? s('typeName');
  if (target !== undefined && item.value !== undefined)
    return [code(target), ' = ', ...(valueWords('value', item.value) ?? [])];
  if (target !== undefined) return [...(key ? [code(key), ' '] : []), 'stored in ', code(formatReference(target))];
  if (s('sortField') !== undefined)
    return [code(s('sortField') as string), s('sortOrder') === 'Desc' ? ' Descending' : ' Ascending'];
  if (s('errorMessage') !== undefined)
    return [
      asText(s('errorMessage') as string),
      ...(item.isFieldError === 'true' ? [' (on the field ', code(s('fieldSelection') ?? ''), ')'] : []),
    ];
  if (key !== undefined && (item.value !== undefined || item.typeValue !== undefined))
    return [code(key), ' = ', ...(valueWords('value', item.value ?? item.typeValue) ?? [])];
  if (s('assignee') !== undefined || isObj(item.assignee))
    return [...(valueWords('value', item.assignee) ?? []), s('assigneeType') ? ` (${s('assigneeType')})` : ''];
  return objectWords(item);
}

/** A whole sub-item that came or went, as its sentence: an outcome's conditions, a path's time. */
export function summaryWords(field: string, item: Value | undefined, start: Obj | undefined): Words | undefined {
  if (!isObj(item)) return item === undefined ? undefined : valueWords(field, item);
  if (field === 'scheduledPaths') return [scheduledPathOffset(item, start)];
  if (field === 'fields') {
    const t = str(item.fieldText);
    return str(item.fieldType) === 'DisplayText' && t ? [asText(t)] : [];
  }
  const conditions = asObjList(item.conditions);
  if (conditions.length > 0 || str(item.conditionLogic) !== undefined)
    return whenWords(conditions, str(item.conditionLogic), 'conditions');
  const rest: Obj = {};
  for (const [k, v] of Object.entries(item))
    if (!['name', 'label', 'pathName'].includes(k)) Object.defineProperty(rest, k, { value: v, enumerable: true });
  return Object.keys(rest).length > 0 ? objectWords(rest, 200) : [];
}

/** "When A and B", "When 1 OR (2 AND 3): 1. A; 2. B; 3. C", "Always". */
function whenWords(conditions: Obj[], logic: string | undefined, field: string): Words {
  const l = logic?.trim().toLowerCase();
  if (conditions.length === 0) return [l === 'formula_evaluates_to_true' ? 'When the formula is true' : 'Always'];
  const sentences = conditions.map((c) => rowWords(field, c) ?? []);
  const out: Words = ['When '];
  if (l === undefined || l === 'and' || l === 'or') {
    for (const [i, s] of sentences.entries()) out.push(...(i > 0 ? [l === 'or' ? ' or ' : ' and '] : []), ...s);
    return out;
  }
  out.push(`${(logic ?? '').toUpperCase()}: `);
  for (const [i, s] of sentences.entries()) out.push(...(i > 0 ? ['; '] : []), `${i + 1}. `, ...s);
  return out;
}
