import { describe, expect, it } from 'vitest';
import { describeChanges, type ChangeContext } from '../../src/describe/change';
import { lineText } from '../../src/describe/changeLine';
import type { PropertyChange } from '../../src/model/diff/types';
import type { Obj } from '../../src/model/types';

/** Every line of the changes, as plain text. */
const say = (changes: PropertyChange[], ctx: ChangeContext) => describeChanges(changes, ctx).map((l) => lineText(l));

const rule = (name: string, label: string, amount: string) => ({
  name,
  label,
  conditionLogic: 'and',
  conditions: [{ leftValueReference: '$Record.Amount', operator: 'GreaterThan', rightValue: { numberValue: amount } }],
});

describe('a change in Builder words', () => {
  it('a decision rule: its new label and its condition are one line, values without type tags', () => {
    const ctx = {
      kind: 'decisions',
      before: { rules: [rule('Over_1M', 'Over 1M', '1000000')] } as never,
      after: { rules: [rule('Over_1M', 'Over 500K', '500000')] } as never,
    };
    expect(
      say(
        [
          {
            path: 'rules[Over_1M].conditions[0].rightValue',
            before: { numberValue: '1000000' },
            after: { numberValue: '500000' },
          },
          { path: 'rules[Over_1M].label', before: 'Over 1M', after: 'Over 500K' },
        ],
        ctx,
      ),
    ).toEqual(['Outcome Over 1M → Over 500K: condition 1, $Record.Amount Greater Than 1,000,000 → 500,000']);
    // The label alone: the outcome renamed.
    expect(say([{ path: 'rules[Over_1M].label', before: 'Over 1M', after: 'Over 500K' }], ctx)).toEqual([
      'Outcome Over 1M → Over 500K',
    ]);
  });

  it('a new outcome is its sentence, not a dump', () => {
    const added: Obj = {
      name: 'Strategic',
      label: 'Strategic Account',
      conditionLogic: 'or',
      conditions: [
        { leftValueReference: '$Record.Type', operator: 'EqualTo', rightValue: { stringValue: 'Strategic' } },
        { leftValueReference: '$Record.Key__c', operator: 'EqualTo', rightValue: { booleanValue: 'true' } },
      ],
    };
    const ctx = { kind: 'decisions', before: { rules: [] }, after: { rules: [added] } } as ChangeContext;
    expect(say([{ path: 'rules[Strategic]', after: added }], ctx)).toEqual([
      'Outcome Strategic Account added: When $Record.Type Equals "Strategic" or $Record.Key__c Equals True',
    ]);
  });

  it('an assignment row removed, and a record update’s field value removed', () => {
    const item = { assignToReference: 'Total', operator: 'Add', value: { elementReference: 'Line.Amount' } };
    expect(
      say([{ path: 'assignmentItems[1]', before: item }], {
        kind: 'assignments',
        before: { assignmentItems: [{}, item] },
        after: { assignmentItems: [{}] },
      } as ChangeContext),
    ).toEqual(['Set variable values: Total Add {!Line.Amount} — removed']);
    const row = { field: 'Current__c', value: { booleanValue: 'false' } };
    expect(
      say([{ path: 'inputAssignments[Current__c]', before: row }], {
        kind: 'recordUpdates',
        before: { inputAssignments: [row] },
        after: {},
      } as ChangeContext),
    ).toEqual(['Set field values: Current__c = False — removed']);
  });

  it('screen text is its text, not its HTML', () => {
    const field = (text: string) => ({ name: 'Welcome', fieldType: 'DisplayText', fieldText: text });
    const b = '<p><strong>Hi</strong> &amp; welcome</p>';
    const a = '<p><strong>Hello</strong> &amp; welcome</p>';
    const lines = say([{ path: 'fields[Welcome].fieldText', before: b, after: a }], {
      kind: 'screens',
      before: { fields: [field(b)] },
      after: { fields: [field(a)] },
    } as ChangeContext);
    expect(lines).toEqual(['Display Text Welcome: text, Hi & welcome → Hello & welcome']);
  });

  it('a scheduled path says when it runs', () => {
    const path = (n: string, label: string) => ({
      name: 'Later',
      label,
      offsetNumber: n,
      offsetUnit: 'Days',
      timeSource: 'RecordField',
      recordField: 'CloseDate',
    });
    const ctx = {
      kind: 'start',
      before: { scheduledPaths: [path('1', 'Soon')] },
      after: { scheduledPaths: [path('3', 'Later')] },
    } as ChangeContext;
    expect(
      say(
        [
          { path: 'scheduledPaths[Later].label', before: 'Soon', after: 'Later' },
          { path: 'scheduledPaths[Later].offsetNumber', before: '1', after: '3' },
        ],
        ctx,
      ),
    ).toEqual(['Scheduled path Soon → Later: time, 1 Day After CloseDate → 3 Days After CloseDate']);
  });

  it('flow properties by their Builder names, values in words', () => {
    expect(
      say(
        [
          { path: 'apiVersion', before: '62', after: '63' },
          { path: 'processType', before: 'Flow', after: 'AutoLaunchedFlow' },
          { path: 'isTemplate', after: 'true' },
          { path: 'runInMode', after: 'SystemModeWithoutSharing' },
        ],
        { kind: 'flow' },
      ),
    ).toEqual([
      'API version: 62 → 63',
      'Type: Screen Flow → Autolaunched Flow (No Trigger)',
      'Template: Yes — added',
      'How to run the flow: System Context Without Sharing — added',
    ]);
  });

  it('resources in the same words', () => {
    expect(say([{ path: 'scale', before: '2', after: '0' }], { kind: 'variables' })).toEqual(['Decimal places: 2 → 0']);
    expect(
      say([{ path: 'value', before: { numberValue: '5' }, after: { elementReference: 'Other' } }], {
        kind: 'constants',
      }),
    ).toEqual(['Value: 5 → {!Other}']);
    expect(say([{ path: 'isCollection', before: 'false', after: 'true' }], { kind: 'variables' })).toEqual([
      'Allow multiple values (collection): No → Yes',
    ]);
  });

  it('anything without a phrasing still reads without metadata paths', () => {
    const lines = say(
      [
        { path: 'someFutureList[3].offsetNumber', before: '1', after: '2' },
        { path: 'nested.deepField', before: 'a', after: 'b' },
      ],
      { kind: 'futureElements' },
    );
    expect(lines).toEqual(['Some future list 4: offset number, 1 → 2', 'Nested · Deep field: a → b']);
  });
});
