import { describe, expect, it } from 'vitest';
import { ownProps } from '../../../src/model/diff/own';
import type { PropertyChange } from '../../../src/model/diff/types';
import { compareValues } from '../../../src/model/diff/values';
import { findConnectors } from '../../../src/model/graph';
import type { Obj, Value } from '../../../src/model/types';
import { corpusFiles, flowFileName, readCorpus } from '../../helpers/corpus';
import { parseDoc } from './helpers';

const diff = (before: Value | undefined, after: Value | undefined): PropertyChange[] => {
  const out: PropertyChange[] = [];
  compareValues('', before, after, undefined, out);
  return out;
};
const rule = (name: string, right: string, extra: Obj = {}): Obj => ({
  name,
  label: name,
  conditionLogic: 'and',
  conditions: [{ leftValueReference: 'Amount', operator: 'GreaterThan', rightValue: { numberValue: right } }],
  ...extra,
});

describe('property changes', () => {
  it('named items are matched by name, unnamed by index, value objects change whole', () => {
    expect(
      diff({ rules: [rule('Big', '1'), rule('Small', '2')] }, { rules: [rule('Big', '5'), rule('Small', '2')] }),
    ).toEqual([
      { path: 'rules[Big].conditions[0].rightValue', before: { numberValue: '1' }, after: { numberValue: '5' } },
    ]);
  });

  it('an inserted rule is one addition, not a shift of every later rule', () => {
    expect(
      diff({ rules: [rule('A', '1'), rule('C', '3')] }, { rules: [rule('A', '1'), rule('B', '2'), rule('C', '3')] }),
    ).toEqual([{ path: 'rules[B]', after: rule('B', '2') }]);
  });

  it('a new order of rules (evaluation order) is one change listing the names', () => {
    expect(diff({ rules: [rule('A', '1'), rule('B', '2')] }, { rules: [rule('B', '2'), rule('A', '1')] })).toEqual([
      { path: 'rules (order)', before: ['A', 'B'], after: ['B', 'A'] },
    ]);
  });

  it('keyed lists are sets: order is no change, items are named by name or field', () => {
    const a: Obj[] = [
      { field: 'Subject', value: { stringValue: 'Hi' } },
      { field: 'WhatId', value: { elementReference: 'recordId' } },
    ];
    expect(diff({ inputAssignments: a }, { inputAssignments: [...a].reverse() })).toEqual([]);
    expect(
      diff(
        { inputAssignments: a },
        { inputAssignments: [{ field: 'Subject', value: { stringValue: 'Hello' } }, a[1] as Obj] },
      ),
    ).toEqual([
      { path: 'inputAssignments[Subject].value', before: { stringValue: 'Hi' }, after: { stringValue: 'Hello' } },
    ]);
    expect(diff({ queriedFields: ['Id', 'Name'] }, { queriedFields: ['Name', 'Id', 'Amount'] })).toEqual([
      { path: 'queriedFields[Amount]', after: 'Amount' },
    ]);
  });

  it('a repeated key in a set list: equal items cancel, the rest pair up in order', () => {
    const x = (v: string): Obj => ({ name: 'index', value: { numberValue: v } });
    expect(diff({ processMetadataValues: [x('1'), x('2')] }, { processMetadataValues: [x('2'), x('1')] })).toEqual([]);
    expect(diff({ processMetadataValues: [x('1'), x('2')] }, { processMetadataValues: [x('2'), x('3')] })).toEqual([
      { path: 'processMetadataValues[index].value', before: { numberValue: '1' }, after: { numberValue: '3' } },
    ]);
  });

  it('a list that appears or goes reads item by item; absent values are left out of the change', () => {
    expect(diff({}, { outputAssignments: [{ assignToReference: 'x', field: 'Id' }] })).toEqual([
      { path: 'outputAssignments[Id]', after: { assignToReference: 'x', field: 'Id' } },
    ]);
    expect(diff({ description: 'old' }, {})).toEqual([{ path: 'description', before: 'old' }]);
    expect(
      diff(
        { assignmentItems: [{ assignToReference: 'a' }] },
        { assignmentItems: [{ assignToReference: 'a' }, { assignToReference: 'b' }] },
      ),
    ).toEqual([{ path: 'assignmentItems[1]', after: { assignToReference: 'b' } }]);
  });

  it('a value whose kind changes (text → reference) is one change', () => {
    expect(diff({ value: { stringValue: 'x' } }, { value: { elementReference: 'y' } })).toEqual([
      { path: 'value', before: { stringValue: 'x' }, after: { elementReference: 'y' } },
    ]);
  });
});

describe('own properties', () => {
  it('drop name, coordinates and every connector findConnectors sees, in every corpus element', () => {
    let elements = 0;
    for (const file of corpusFiles('flows')) {
      const doc = parseDoc(readCorpus('flows', file), flowFileName(file));
      for (const el of doc.elements) {
        elements++;
        const own = ownProps(el.data);
        expect(findConnectors(own, { type: el.type })).toEqual([]);
        expect(own.name ?? own.locationX ?? own.locationY).toBeUndefined();
      }
      if (doc.start) expect(findConnectors(ownProps(doc.start), { type: 'start' })).toEqual([]);
    }
    expect(elements).toBeGreaterThan(2000);
  });
});
