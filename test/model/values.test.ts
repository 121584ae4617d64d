import { describe, expect, it } from 'vitest';
import { valueText } from '../../src/cli/diffMarkdown';
import { isValueObject } from '../../src/describe/generic';
import { compareValues } from '../../src/model/diff/values';
import type { PropertyChange } from '../../src/model/diff/types';
import { isValueSlot, VALUE_SLOTS } from '../../src/model/values';

describe('the value slots: one list for the diff, the details panels and diff --md', () => {
  it('holds every slot of a FlowElementReferenceOrValue, and nothing an Object has', () => {
    expect([...VALUE_SLOTS].sort()).toEqual(
      [
        'apexValue',
        'booleanValue',
        'dateTimeValue',
        'dateValue',
        'elementReference',
        'formulaDataType',
        'formulaExpression',
        'numberValue',
        'setupReference',
        'setupReferenceType',
        'sobjectValue',
        'stringValue',
        'transformValueReference',
      ].sort(),
    );
    for (const k of ['__proto__', 'constructor', 'toString', 'value', 'processMetadataValues'])
      expect(isValueSlot(k), k).toBe(false);
  });

  it('the details read an object of slots as one value', () => {
    expect(isValueObject({ setupReference: 'Support', setupReferenceType: 'Queue' })).toBe(true);
    expect(isValueObject({ transformValueReference: 'T' })).toBe(true);
    expect(isValueObject({ stringValue: 'x', processMetadataValues: [] })).toBe(true);
    expect(isValueObject({ stringValue: 'x', field: 'Name' })).toBe(false);
    expect(isValueObject({})).toBe(false);
  });

  it('the diff compares an object of slots as a whole', () => {
    const out: PropertyChange[] = [];
    compareValues('value', { setupReference: 'A' }, { setupReference: 'B' }, 'value', out);
    expect(out).toEqual([{ path: 'value', before: { setupReference: 'A' }, after: { setupReference: 'B' } }]);
  });

  it('diff --md writes a one-slot value as its value, a reference as {!name}', () => {
    expect(valueText({ stringValue: 'Hot' })).toBe('Hot');
    expect(valueText({ elementReference: 'total' })).toBe('{!total}');
    expect(valueText({ formulaExpression: '1 + 1' })).toBe('1 + 1');
    // The four slots its own regular expression lacked now read like the others.
    expect(valueText({ setupReference: 'Support' })).toBe('Support');
    expect(valueText({ transformValueReference: 'T' })).toBe('T');
    expect(valueText({ field: 'Name' })).toBe('field: Name');
  });
});
