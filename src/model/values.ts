/**
 * The slots of a FlowElementReferenceOrValue (`<value><stringValue>…</stringValue></value>`): an object
 * made only of these is one value, not a structure. The one list for the diff, the details panels and
 * `flowscope diff --md`.
 */
export const VALUE_SLOTS: ReadonlySet<string> = new Set([
  'stringValue',
  'numberValue',
  'booleanValue',
  'dateValue',
  'dateTimeValue',
  'elementReference',
  'apexValue',
  'sobjectValue',
  'formulaExpression',
  'formulaDataType',
  'setupReference',
  'setupReferenceType',
  'transformValueReference',
]);

/** Whether a field name is a value slot. */
export function isValueSlot(key: string): boolean {
  return VALUE_SLOTS.has(key);
}
