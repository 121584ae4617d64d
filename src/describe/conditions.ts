import { asObjList, type Obj, type Value } from '../model/types';
import { row, type Row } from './types';
import { formatValue, txt, words } from './values';

/** FlowComparisonOperator / FlowRecordFilterOperator in Flow Builder's words. */
export const OPERATORS: Record<string, string> = {
  EqualTo: 'Equals',
  NotEqualTo: 'Does Not Equal',
  GreaterThan: 'Greater Than',
  GreaterThanOrEqualTo: 'Greater Than or Equal',
  LessThan: 'Less Than',
  LessThanOrEqualTo: 'Less Than or Equal',
  Contains: 'Contains',
  NotContains: 'Does Not Contain',
  StartsWith: 'Starts With',
  EndsWith: 'Ends With',
  IsNull: 'Is Null',
  IsBlank: 'Is Blank',
  IsEmpty: 'Is Empty',
  IsChanged: 'Is Changed',
  WasSet: 'Was Set',
  WasSelected: 'Was Selected',
  WasVisited: 'Was Visited',
  In: 'In',
  NotIn: 'Not In',
  IncludesAny: 'Includes Any',
  ExcludesAll: 'Excludes All',
};

/** One condition as a sentence: "$Record.Amount Greater Than 1,000,000", "Email Is Null True". */
export function conditionSentence(
  left: string | undefined,
  operator: Value | undefined,
  value: Value | undefined,
): string {
  return [left ?? '(no resource)', words(OPERATORS, operator) ?? '', formatValue(value) ?? '']
    .filter((p) => p !== '')
    .join(' ');
}

/** Decision, wait, visibility and collection-filter conditions: {leftValueReference, operator, rightValue}. */
export function sentenceOf(c: Obj): string {
  return conditionSentence(txt(c.leftValueReference), c.operator, c.rightValue);
}

/** Record filters (Get/Update/Delete Records, start entry conditions, choice sets): {field, operator, value}. */
export function filterSentence(f: Obj): string {
  return conditionSentence(txt(f.field), f.operator, f.value);
}

/** Condition logic in Builder's words. Custom logic keeps its numbers, which refer to the numbered rows. */
export function logicText(logic: Value | undefined, count: number): string {
  const l = txt(logic)?.trim();
  if (count === 0 && (l === undefined || l === 'no_conditions')) return 'None: always';
  if (l === undefined || l.toLowerCase() === 'and') return 'All conditions are met (AND)';
  if (l.toLowerCase() === 'or') return 'Any condition is met (OR)';
  if (l === 'formula_evaluates_to_true') return 'Formula evaluates to true';
  if (l === 'no_conditions') return 'None: always';
  return `Custom condition logic is met: ${l.toUpperCase()}`;
}

/** A "Conditions" row: the logic as its value, the numbered sentences as its children. */
export function conditionsRow(
  label: string,
  items: Value | undefined,
  logic: Value | undefined,
  sentence: (c: Obj) => string = sentenceOf,
): Row | undefined {
  const list = asObjList(items);
  if (list.length === 0)
    return txt(logic) && txt(logic) !== 'no_conditions' && txt(logic) !== 'and'
      ? row(label, logicText(logic, 0))
      : undefined;
  return row(label, logicText(logic, list.length), {
    children: list.map((c, i) => ({ label: String(i + 1), value: sentence(c) })),
  });
}
