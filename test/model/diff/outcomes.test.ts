import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../../src/model/diff/index';
import { changesOf, parseDoc } from './helpers';

/** A decision with two outcomes (names and targets given) and a default, each target an assignment. */
function flow(rules: [name: string, label: string, target: string][]): string {
  const rule = ([name, label, target]: [string, string, string]) =>
    `<rules><name>${name}</name><conditionLogic>and</conditionLogic><conditions><leftValueReference>v</leftValueReference><operator>EqualTo</operator><rightValue><stringValue>${name}</stringValue></rightValue></conditions><connector><targetReference>${target}</targetReference></connector><label>${label}</label></rules>`;
  const assign = (name: string) =>
    `<assignments><name>${name}</name><label>${name}</label><assignmentItems><assignToReference>v</assignToReference><operator>Assign</operator><value><stringValue>${name}</stringValue></value></assignmentItems></assignments>`;
  return `<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>F</label>${['A', 'B', 'C'].map(assign).join('')}<decisions><name>D</name><label>D</label><defaultConnector><targetReference>C</targetReference></defaultConnector><defaultConnectorLabel>Other</defaultConnectorLabel>${rules.map(rule).join('')}</decisions><start><connector><targetReference>D</targetReference></connector></start><status>Draft</status></Flow>`;
}

describe('connectors are the arrows a reader sees: (source, target, kind)', () => {
  it('an outcome renamed while its arrow stays put adds and removes no connector; the decision shows the rename', () => {
    const d = diffFlows(
      parseDoc(
        flow([
          ['Yes_Allocated', 'Yes', 'A'],
          ['No', 'No', 'B'],
        ]),
      ),
      parseDoc(
        flow([
          ['Yes', 'Yes', 'A'],
          ['No', 'No', 'B'],
        ]),
      ),
    );
    const c = changesOf(d);
    expect(c.edges).toEqual([]);
    expect(c.rewired).toEqual([]);
    expect(c.nodes.map((n) => [n.id, n.status])).toEqual([['D', 'changed']]);
    expect(c.nodes[0]?.changes.map((x) => x.path)).toEqual(
      expect.arrayContaining(['rules[Yes_Allocated]', 'rules[Yes]']),
    );
    // The picture draws the arrow once, unchanged.
    expect(d.graph.edges.filter((e) => e.source === 'D' && e.kind === 'outcome').map((e) => e.status)).toEqual([
      'unchanged',
      'unchanged',
    ]);
  });

  it('two outcomes swapping targets add and remove no arrow, and are reported as two rewires', () => {
    const d = diffFlows(
      parseDoc(
        flow([
          ['Yes', 'Yes', 'A'],
          ['No', 'No', 'B'],
        ]),
      ),
      parseDoc(
        flow([
          ['Yes', 'Yes', 'B'],
          ['No', 'No', 'A'],
        ]),
      ),
    );
    const c = changesOf(d);
    expect(c.edges).toEqual([]);
    expect(c.rewired.map((r) => `${r.key}: ${r.before} → ${r.after}`).sort()).toEqual(['No: B → A', 'Yes: A → B']);
  });

  it('an outcome moved to another target is one removed and one added arrow, and one rewire', () => {
    const d = diffFlows(
      parseDoc(
        flow([
          ['Yes', 'Yes', 'A'],
          ['No', 'No', 'B'],
        ]),
      ),
      parseDoc(
        flow([
          ['Yes', 'Yes', 'C'],
          ['No', 'No', 'B'],
        ]),
      ),
    );
    const c = changesOf(d);
    expect(c.edges).toEqual(['added D -> C outcome[Yes]', 'removed D -> A outcome[Yes]']);
    expect(c.rewired).toHaveLength(1);
  });
});
