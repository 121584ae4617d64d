import { describe, expect, it } from 'vitest';
import { compareSets } from '../../src/model/changeSet';
import { interfaceChanges } from '../../src/model/interfaceChanges';
import { doc, element, flowXml } from './setFixtures';

const v = (name: string, o: { type?: string; object?: string; many?: boolean; input?: boolean; output?: boolean }) =>
  `<variables><name>${name}</name><dataType>${o.type ?? 'String'}</dataType>` +
  `<isCollection>${o.many ?? false}</isCollection><isInput>${o.input ?? false}</isInput>` +
  `<isOutput>${o.output ?? false}</isOutput>${o.object ? `<objectType>${o.object}</objectType>` : ''}</variables>`;

const pass = (name: string) =>
  `<inputAssignments><name>${name}</name><value><stringValue>x</stringValue></value></inputAssignments>`;
const read = (name: string) =>
  `<outputAssignments><assignToReference>Local</assignToReference><name>${name}</name></outputAssignments>`;
const call = (el: string, callee: string, inner: string) =>
  element('subflows', el, el, `<flowName>${callee}</flowName>${inner}`);

const BEFORE = [
  v('recordId', { input: true }),
  v('amount', { type: 'Number', input: true }),
  v('accounts', { type: 'SObject', object: 'Account', many: true, input: true }),
  v('result', { output: true }),
  v('mode', { input: true }),
  v('gone', { input: true }),
  v('privateOne', {}),
].join('');
const AFTER = [
  v('RECORDID', { input: true }), // same variable: names match without regard to case
  v('amount', { type: 'Currency', input: true }),
  v('accounts', { type: 'SObject', object: 'Contact', many: false, input: true }),
  v('result', { input: true }),
  v('mode', { input: true }),
  v('fresh', { output: true }),
  v('privateOne', {}),
].join('');

const callee = (body: string) => doc(flowXml({ label: 'Callee', body }), 'Callee.flow-meta.xml');

describe('interface changes', () => {
  it('says which input/output variables were removed, added, retyped, made (not) a collection or turned around', () => {
    const changes = interfaceChanges(callee(BEFORE), callee(AFTER));
    const by = Object.fromEntries(changes.map((c) => [c.variable, c.kinds]));
    expect(by).toEqual({
      amount: ['type'],
      accounts: ['type', 'collection'],
      result: ['direction'],
      fresh: ['added'],
      gone: ['removed'],
    });
    const amount = changes.find((c) => c.variable === 'amount');
    expect(amount?.before?.dataType).toBe('Number');
    expect(amount?.after?.dataType).toBe('Currency');
  });

  it('a variable made private leaves the interface (removed); one made available joins it (added)', () => {
    const changes = interfaceChanges(
      callee(v('x', { input: true }) + v('y', {})),
      callee(v('x', {}) + v('y', { output: true })),
    );
    expect(changes.map((c) => [c.variable, c.kinds])).toEqual([
      ['y', ['added']],
      ['x', ['removed']],
    ]);
  });

  it('no change when only private variables or other resources change', () => {
    expect(interfaceChanges(callee(`${BEFORE}${v('tmp', {})}`), callee(BEFORE))).toEqual([]);
  });
});

describe('callers of a changed interface', () => {
  const callers = (body: string) => doc(flowXml({ label: 'Caller', body }), 'Caller.flow-meta.xml');
  const entries = (calleeBody: string, extra: { name: string; body: string }[]) => [
    { name: 'Callee', file: 'Callee.flow-meta.xml', doc: callee(calleeBody) },
    ...extra.map((e) => ({ name: e.name, file: `${e.name}.flow-meta.xml`, doc: callers(e.body) })),
  ];

  it('lists the after set’s Subflow elements passing or reading a changed variable, with those variables', () => {
    const after = entries(AFTER, [
      { name: 'Passes_Amount', body: call('Call_It', 'Callee', pass('amount') + pass('recordId')) },
      { name: 'Reads_Result', body: call('Get_Result', 'callee', read('result')) },
      { name: 'Harmless', body: call('Call_Safe', 'Callee', pass('recordId') + pass('mode')) },
      { name: 'Two_Calls', body: call('First', 'Callee', pass('gone')) + call('Second', 'Callee', pass('ACCOUNTS')) },
      { name: 'Other_Callee', body: call('Elsewhere', 'Someone_Else', pass('amount')) },
    ]);
    const set = compareSets(entries(BEFORE, []), after);
    const f = set.change('Callee');
    expect(f?.status).toBe('changed');
    expect(f?.callers).toEqual([
      { caller: 'Passes_Amount', element: 'Call_It', variables: ['amount'] },
      // `result` was an output, read back: its direction changed.
      { caller: 'Reads_Result', element: 'Get_Result', variables: ['result'] },
      { caller: 'Two_Calls', element: 'First', variables: ['gone'] },
      { caller: 'Two_Calls', element: 'Second', variables: ['ACCOUNTS'] },
    ]);
  });

  it('a removed flow lists every call the after set still makes to it', () => {
    const before = entries(BEFORE, []);
    const after = entries(AFTER, [{ name: 'Caller', body: call('Call_Gone', 'Gone_Flow', pass('a') + read('b')) }]);
    before.push({ name: 'Gone_Flow', file: 'Gone_Flow.flow-meta.xml', doc: callee(BEFORE) });
    const f = compareSets(before, after).change('Gone_Flow');
    expect(f?.status).toBe('removed');
    expect(f?.callers).toEqual([{ caller: 'Caller', element: 'Call_Gone', variables: ['a', 'b'] }]);
  });

  it('callers are not listed when the interface did not change, even if the flow did', () => {
    const before = entries(BEFORE, []);
    const after = entries(`${BEFORE}${element('assignments', 'New_Step', 'New step')}`, [
      { name: 'Caller', body: call('Call_It', 'Callee', pass('amount')) },
    ]);
    const f = compareSets(before, after).change('Callee');
    expect(f?.status).toBe('changed');
    expect(f?.summary?.nodes.added).toBe(1);
    expect(f?.interface).toEqual([]);
    expect(f?.callers).toEqual([]);
  });
});
