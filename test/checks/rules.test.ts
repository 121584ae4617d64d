/** Each rule on its own fixtures: a flow with the finding, one without, and a before/after pair that fixes it. */
import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../src/model/diff/index';
import { compareChecks, newestApiVersionOf, RULES, type RuleId } from '../../src/checks/index';
import { fixture } from '../helpers/fixtures';
import { checkFixture, docOf, of } from './run';

const EXPECTED: Record<RuleId, [string, string][]> = {
  'dml-in-loop': [['Update_Contact', 'Each_Contact']],
  'soql-in-loop': [['Get_Cases', 'Each_Account,Each_Contact']],
  'missing-fault-path': [
    ['Notify_Owner', ''],
    ['Get_Owner', ''],
  ],
  'hardcoded-id': [
    ['Get_Owner', '00E5g000001AbCdEAK'],
    ['Owner_Note', '005Dn000006GuG4'],
    ['Owner_Note', '0125g000001AbCdAAK'],
  ],
  'hardcoded-url': [
    ['Owner_Note', 'acme--uat.sandbox.lightning.force.com'],
    ['Owner_Note', 'acme.my.salesforce.com'],
    ['Owner_Note', 'na135.salesforce.com'],
  ],
  'unused-resource': [
    ['Max_Discount', ''],
    ['Old_Total', ''],
  ],
  'unreachable-element': [['Clear_Note', '']],
  'loop-without-after-last': [['Each_Line', '']],
  'trigger-without-criteria': [['', '']],
  'outdated-api-version': [['', '']],
};

const SEVERITY: Record<RuleId, string> = {
  'dml-in-loop': 'error',
  'soql-in-loop': 'error',
  'missing-fault-path': 'warning',
  'hardcoded-id': 'warning',
  'hardcoded-url': 'warning',
  'unreachable-element': 'warning',
  'loop-without-after-last': 'warning',
  'trigger-without-criteria': 'warning',
  'unused-resource': 'note',
  'outdated-api-version': 'note',
};

describe('the rule table', () => {
  it('has the ten rules of the issue, each with a name, a summary and help that says how to fix it', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const r of RULES) {
      expect(r.severity).toBe(SEVERITY[r.id]);
      expect(r.name.length).toBeGreaterThan(5);
      expect(r.summary).toMatch(/\.$/);
      expect(r.help.length).toBeGreaterThan(120);
    }
  });
});

describe.each(RULES.map((r) => r.id))('%s', (rule) => {
  it('finds it in the flow that has it, at its default severity, naming the element', () => {
    const findings = checkFixture(rule, 'with').filter((f) => f.rule === rule);
    expect(of(findings, rule)).toEqual(EXPECTED[rule]);
    for (const f of findings) {
      expect(f.severity).toBe(SEVERITY[rule]);
      if (f.element) expect(f.message).toContain(f.element);
    }
  });
  it('finds nothing in the flow without it', () => {
    expect(of(checkFixture(rule, 'without'), rule)).toEqual([]);
  });
  it('reports the pair as fixing it, and introducing none of it', () => {
    const before = docOf(fixture(`checks/${rule}/before.flow-meta.xml`));
    const after = docOf(fixture(`checks/${rule}/after.flow-meta.xml`));
    const c = compareChecks(before, after, diffFlows(before, after));
    expect(of(c.fixed, rule)).toEqual(EXPECTED[rule]);
    expect(of(c.introduced, rule)).toEqual([]);
    expect(of(c.remaining, rule)).toEqual([]);
    const back = compareChecks(after, before, diffFlows(after, before));
    expect(of(back.introduced, rule)).toEqual(EXPECTED[rule]);
  });
});

describe('rule details', () => {
  it('names the element of a dml-in-loop finding and the graph node to select', () => {
    const [f] = checkFixture('dml-in-loop', 'with');
    expect(f?.node).toBe('Update_Contact');
  });
  it('points a trigger without criteria at the Start, and says which object it runs on', () => {
    const f = checkFixture('trigger-without-criteria', 'with').find((x) => x.rule === 'trigger-without-criteria');
    expect(f?.node).toBe('$start');
    expect(f?.message).toContain('every Opportunity record');
  });
  it('treats a flow without an API version as saved before 50.0', () => {
    const f = checkFixture('outdated-api-version', 'no-version').filter((x) => x.rule === 'outdated-api-version');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('no API version');
  });
  it('measures the API version against the newest of the set or the newest known, whichever is newer', () => {
    const at = (newestApiVersion: number) =>
      of(checkFixture('outdated-api-version', 'with', undefined, { newestApiVersion }), 'outdated-api-version');
    // 52.0 is 16 releases behind the newest known, however old the set's newest is.
    expect(at(52)).toEqual([['', '']]);
    expect(at(62)).toEqual([['', '']]);
    expect(at(80)).toEqual([['', '']]);
  });
  it('finds the newest API version of a set, for the context', () => {
    const at = (v?: string) =>
      docOf(fixture('checks/outdated-api-version/with.flow-meta.xml').replace('52.0', v ?? ''));
    expect(newestApiVersionOf([at('52.0'), at('61.0'), at()])).toBe(61);
    expect(newestApiVersionOf([at()])).toBeUndefined();
  });
  it('never reports a variable available for input or output, nor one spelled in another case', () => {
    const findings = checkFixture('unused-resource', 'without');
    expect(findings.filter((f) => f.rule === 'unused-resource')).toEqual([]);
  });
});
