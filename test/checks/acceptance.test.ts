import { describe, expect, it } from 'vitest';
import { checkFixture, of } from './run';

describe('dml-in-loop', () => {
  it('finds the Update Records element in the loop body, naming the loop', () => {
    const findings = checkFixture('dml-in-loop', 'with');
    expect(of(findings, 'dml-in-loop')).toEqual([['Update_Contact', 'Each_Contact']]);
    const f = findings.find((x) => x.rule === 'dml-in-loop');
    expect(f?.severity).toBe('error');
    expect(f?.node).toBe('Update_Contact');
    expect(f?.message).toContain('Update Contact (Update_Contact)');
    expect(f?.message).toContain('Each Contact (Each_Contact)');
  });
  it('finds nothing when the update runs once after the loop', () => {
    expect(of(checkFixture('dml-in-loop', 'without'), 'dml-in-loop')).toEqual([]);
    expect(of(checkFixture('dml-in-loop', 'after'), 'dml-in-loop')).toEqual([]);
  });
});

describe('soql-in-loop', () => {
  it('reports a query in nested loops once, naming both loops', () => {
    const findings = checkFixture('soql-in-loop', 'with');
    expect(of(findings, 'soql-in-loop')).toEqual([['Get_Cases', 'Each_Account,Each_Contact']]);
    const f = findings.find((x) => x.rule === 'soql-in-loop');
    expect(f?.message).toMatch(/Each Account \(Each_Account\) and Each Contact \(Each_Contact\)/);
  });
  it('finds nothing when the query runs before the loops', () => {
    expect(of(checkFixture('soql-in-loop', 'without'), 'soql-in-loop')).toEqual([]);
  });
});

describe('missing-fault-path', () => {
  it('finds the Get Records and the Action without a fault connector, in document order', () => {
    const findings = checkFixture('missing-fault-path', 'with');
    expect(of(findings, 'missing-fault-path')).toEqual([
      ['Notify_Owner', ''],
      ['Get_Owner', ''],
    ]);
    expect(findings.find((f) => f.element === 'Get_Owner')?.message).toContain('Get Owner (Get_Owner)');
  });
  it('finds nothing once every data element and action has a fault path', () => {
    expect(of(checkFixture('missing-fault-path', 'without'), 'missing-fault-path')).toEqual([]);
  });
  it('exempts a before-save record-triggered flow, where Builder offers no fault path', () => {
    expect(of(checkFixture('missing-fault-path', 'before-save'), 'missing-fault-path')).toEqual([]);
  });
});
