import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../src/model/diff/index';
import { compareChecks, type Finding, matchFindings } from '../../src/checks/index';
import { fixture } from '../helpers/fixtures';
import { docOf, of } from './run';

const withDml = fixture('checks/dml-in-loop/with.flow-meta.xml');

describe('compareChecks', () => {
  it('follows renamed elements and loops: a finding that only changed names remains', () => {
    const renamed = withDml
      .replaceAll('>Update_Contact<', '>Save_Contact<')
      .replaceAll('Each_Contact', 'Every_Contact');
    const before = docOf(withDml);
    const after = docOf(renamed);
    const diff = diffFlows(before, after);
    expect(diff.nodes.filter((n) => n.status === 'renamed').map((n) => [n.renamedFrom, n.id])).toEqual(
      expect.arrayContaining([
        ['Update_Contact', 'Save_Contact'],
        ['Each_Contact', 'Every_Contact'],
      ]),
    );
    const c = compareChecks(before, after, diff);
    expect(c.introduced).toEqual([]);
    expect(c.fixed).toEqual([]);
    expect(of(c.remaining, 'dml-in-loop')).toEqual([['Save_Contact', 'Every_Contact']]);
  });

  it('lists what the change introduced (after names) and fixed (before names)', () => {
    // The after version drops the update's fault path and moves the Task creation into the loop.
    const after = withDml
      .replace(/<faultConnector>\s*<isGoTo>true<\/isGoTo>[\s\S]*?<\/faultConnector>/, '')
      .replace(
        '<targetReference>Update_Contact</targetReference>\n        </connector>\n    </assignments>',
        '<targetReference>Log_Done</targetReference>\n        </connector>\n    </assignments>',
      )
      .replace(/(<noMoreValuesConnector>\s*<targetReference>)Log_Done/, '$1Update_Contact')
      .replace(/(<name>Update_Contact<\/name>[\s\S]*?<targetReference>)Each_Contact/, '$1Handle_Error');
    const b = docOf(withDml);
    const a = docOf(after);
    const c = compareChecks(b, a, diffFlows(b, a));
    expect(c.introduced.map((f) => [f.rule, f.element])).toEqual([
      ['dml-in-loop', 'Log_Done'],
      ['missing-fault-path', 'Update_Contact'],
    ]);
    expect(c.fixed.map((f) => [f.rule, f.element])).toEqual([['dml-in-loop', 'Update_Contact']]);
  });

  it('pairs equal findings one to one', () => {
    const f = (element: string, detail?: string): Finding => ({
      rule: 'hardcoded-id',
      severity: 'warning',
      element,
      message: element,
      ...(detail ? { detail } : {}),
    });
    const c = matchFindings([f('A', '1'), f('A', '1')], [f('B', '1'), f('B', '1'), f('B', '1')], new Map([['A', 'B']]));
    expect(c.remaining).toHaveLength(2);
    expect(c.introduced).toHaveLength(1);
    expect(c.fixed).toEqual([]);
  });

  it('keeps a rule switched off out of all three lists', () => {
    const b = docOf(fixture('checks/missing-fault-path/with.flow-meta.xml'));
    const a = docOf(fixture('checks/missing-fault-path/without.flow-meta.xml'));
    const config = { rules: new Map([['missing-fault-path', { enabled: false }]] as const) };
    const c = compareChecks(b, a, diffFlows(b, a), config);
    expect([...c.introduced, ...c.fixed, ...c.remaining].filter((x) => x.rule === 'missing-fault-path')).toEqual([]);
  });
});
