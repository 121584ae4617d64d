import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flowTypeName,
  parameterWords,
  splitMatch,
  statusWords,
  triggerWords,
  whenWords,
} from '../../../src/views/set/setWords';

describe('a set flow in Builder words', () => {
  it('names the type as Builder does, the start trigger first', () => {
    expect(flowTypeName({ processType: 'Flow', trigger: null })).toBe('Screen Flow');
    expect(
      flowTypeName({ processType: 'AutoLaunchedFlow', trigger: { object: 'Case', type: 'RecordAfterSave' } }),
    ).toBe('Record-Triggered Flow');
    expect(flowTypeName({ processType: 'AutoLaunchedFlow', trigger: { object: 'Case', type: 'Scheduled' } })).toBe(
      'Schedule-Triggered Flow',
    );
    expect(flowTypeName({ processType: 'AutoLaunchedFlow', trigger: null })).toBe('Autolaunched Flow (No Trigger)');
    expect(flowTypeName({ trigger: null })).toBe('Flow');
    expect(flowTypeName({ processType: '__proto__', trigger: null })).toBe('Proto');
  });

  it('says the trigger as object · timing · event, and — for none', () => {
    expect(triggerWords({ object: 'Case', type: 'RecordAfterSave', when: 'CreateAndUpdate' })).toBe(
      'Case · after save · created or updated',
    );
    expect(triggerWords({ object: 'Account', type: 'RecordBeforeDelete', when: 'Delete' })).toBe(
      'Account · before delete',
    );
    expect(triggerWords({ object: 'Lead', type: 'Scheduled' })).toBe('Lead · scheduled');
    expect(triggerWords(null)).toBe('—');
    expect(whenWords('Update')).toBe('updated');
    expect(whenWords('constructor')).toBe('constructor');
    expect(statusWords('InvalidDraft')).toBe('Invalid draft');
    expect(statusWords(undefined)).toBe('—');
  });

  it('declares a variable as the resource panel does', () => {
    expect(parameterWords({ name: 'c', dataType: 'SObject', isCollection: true, objectType: 'Case' })).toBe(
      'Record collection (Case)',
    );
    expect(parameterWords({ name: 't', dataType: 'String', isCollection: false })).toBe('Text');
  });

  it('splits a hit into before, match and after that join back to the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -3, max: 40 }), fc.integer({ min: -1, max: 40 }), (t, at, n) => {
        const [a, m, b] = splitMatch(t, at, n);
        expect(a + m + b).toBe(t);
        if (m !== '') expect(m).toBe(t.slice(at, at + n));
      }),
    );
  });
});
