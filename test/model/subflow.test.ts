import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexFlow } from '../../src/model/set';
import { callersOf, subflowBinding } from '../../src/model/subflow';
import { doc, element, flowXml, variable } from './setFixtures';

const assign = (name: string, value: string) =>
  `<inputAssignments><name>${name}</name><value><elementReference>${value}</elementReference></value></inputAssignments>`;
const callee = indexFlow(
  doc(
    flowXml({
      body:
        variable('RecordId', true, false) +
        variable('Reason', true, false) +
        variable('Outcome', false, true) +
        variable('Internal', false, false),
    }),
  ),
  'Notify.flow-meta.xml',
  'Notify',
);

describe('a Subflow element beside the called flow', () => {
  const call = doc(
    flowXml({
      body: element(
        'subflows',
        'Call_Notify',
        'Call notify',
        `<flowName>Notify</flowName>${assign('recordId', 'recordId')}${assign('Internal', 'x')}` +
          '<outputAssignments><assignToReference>Result</assignToReference><name>Outcome</name></outputAssignments>' +
          '<outputAssignments><assignToReference>Other</assignToReference><name>Missing_Out</name></outputAssignments>',
      ),
    }),
  ).elements[0];
  if (!call) throw new Error('no element');

  it('matches inputs case-insensitively, flags undeclared ones and lists the inputs not passed', () => {
    const b = subflowBinding(call, callee);
    expect(b.callee).toBe('Notify');
    expect(b.resolved).toBe(true);
    expect(b.inputs).toEqual([
      {
        name: 'recordId',
        value: { elementReference: 'recordId' },
        declared: { name: 'RecordId', dataType: 'String', isCollection: false },
      },
      { name: 'Internal', value: { elementReference: 'x' }, problem: 'undeclared' },
    ]);
    expect(b.notPassed.map((p) => p.name)).toEqual(['Reason']);
    expect(b.outputs).toEqual([
      {
        name: 'Outcome',
        value: { elementReference: 'Result' },
        declared: expect.objectContaining({ name: 'Outcome' }),
      },
      { name: 'Missing_Out', value: { elementReference: 'Other' }, problem: 'undeclared' },
    ]);
    expect(b.automaticOutputs).toBe(false);
  });

  it('flags nothing when the callee is not in the set', () => {
    const b = subflowBinding(call, undefined);
    expect(b.resolved).toBe(false);
    expect(b.inputs.every((r) => r.problem === undefined && r.declared === undefined)).toBe(true);
    expect(b.notPassed).toEqual([]);
  });

  it('every passed input is either declared or flagged, and the rest of the inputs are not passed', () => {
    const name = fc.constantFrom('RecordId', 'recordid', 'Reason', 'REASON', 'Outcome', 'Nope', '__proto__');
    fc.assert(
      fc.property(fc.uniqueArray(name, { selector: (n) => n.toLowerCase() }), fc.boolean(), (names, auto) => {
        const el = doc(
          flowXml({
            body: element(
              'subflows',
              'S',
              'S',
              `<flowName>Notify</flowName>${names.map((n) => assign(n, 'v')).join('')}` +
                (auto ? '<storeOutputAutomatically>true</storeOutputAutomatically>' : ''),
            ),
          }),
        ).elements[0];
        if (!el) throw new Error('no element');
        const b = subflowBinding(el, callee);
        expect(b.inputs.map((r) => r.name)).toEqual(names);
        for (const r of b.inputs) expect(r.declared !== undefined).toBe(r.problem === undefined);
        const passed = new Set(names.map((n) => n.toLowerCase()));
        expect(b.notPassed.map((p) => p.name).sort()).toEqual(
          ['Reason', 'RecordId'].filter((n) => !passed.has(n.toLowerCase())).sort(),
        );
        expect(b.automaticOutputs).toBe(auto);
      }),
    );
  });

  it('lists the calls to a flow', () => {
    const calls = [
      { caller: 'B', element: 'Call', callee: 'notify', resolved: false },
      { caller: 'A', element: 'Call', callee: 'Notify', resolved: true },
      { caller: 'A', element: 'Other', callee: 'Else', resolved: true },
    ];
    expect(callersOf({ calls }, 'Notify').map((c) => c.caller)).toEqual(['A', 'B']);
  });
});
