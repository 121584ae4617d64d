import { describe, expect, it } from 'vitest';
import { changeList } from '../../../src/model/diff/changes';
import { diffFlows } from '../../../src/model/diff/index';
import { reverseDiff } from '../../../src/model/diff/reverse';
import { parseDoc } from './helpers';
import { readDiff } from './mirror';
import { expectConsistent } from './expect';
import { quietFlowXml } from './quietFlow';

const doc = (o: Parameters<typeof quietFlowXml>[0] = {}) => parseDoc(quietFlowXml(o), 'Quiet.flow-meta.xml');

describe('resource renames', () => {
  it('a variable renamed with every reference is one renamed resource, and nothing else changed', () => {
    const before = doc();
    const after = doc({ variable: 'Running_Total' });
    const d = diffFlows(before, after);
    expect(d.resources.filter((r) => r.status !== 'unchanged')).toEqual([
      { id: 'Running_Total', type: 'variables', status: 'renamed', renamedFrom: 'Total', changes: [] },
    ]);
    // The assignment, decision, update, formula and template only followed the rename.
    expect(d.nodes.every((n) => n.status === 'unchanged')).toBe(true);
    expect(d.summary.resources).toEqual({ added: 0, removed: 0, changed: 0, renamed: 1 });
    expect(changeList(d).map((c) => [c.status, c.title, c.detail])).toEqual([
      ['renamed', 'Running_Total', 'variables · was Total'],
    ]);
    expectConsistent(d, before, after);
  });

  it('mirrors and reverses: the other way round it is renamed back', () => {
    const before = doc();
    const after = doc({ variable: 'Running_Total' });
    const d = diffFlows(before, after);
    const back = diffFlows(after, before);
    expect(back.resources.find((r) => r.status === 'renamed')).toMatchObject({
      id: 'Total',
      renamedFrom: 'Running_Total',
    });
    expect(readDiff(back, true)).toEqual(readDiff(d, false));
    expect(readDiff(reverseDiff(d), true)).toEqual(readDiff(d, false));
  });

  it('a rename with a real edit elsewhere keeps that edit, and only it', () => {
    const d = diffFlows(doc(), doc({ variable: 'Running_Total', step: '2.0' }));
    expect(d.nodes.filter((n) => n.status !== 'unchanged').map((n) => [n.id, n.changes.map((c) => c.path)])).toEqual([
      ['Add_One', ['assignmentItems[0].value']],
    ]);
  });

  it('a reference left to the old name is no rename: removed + added, the referring element changed', () => {
    // The new flow declares Running_Total but its decision still reads Total (an undeclared name).
    const after = parseDoc(
      quietFlowXml({ variable: 'Running_Total' }).replace(
        '<leftValueReference>Running_Total</leftValueReference>',
        '<leftValueReference>Total</leftValueReference>',
      ),
      'Quiet.flow-meta.xml',
    );
    const d = diffFlows(doc(), after);
    const statuses = d.resources.filter((r) => r.status !== 'unchanged').map((r) => `${r.status} ${r.id}`);
    // The formula and template that now read Running_Total changed for real.
    expect(statuses.sort()).toEqual(['added Running_Total', 'changed Doubled', 'changed Summary', 'removed Total']);
    expect(d.nodes.find((n) => n.id === 'Add_One')?.status).toBe('changed');
  });

  it('a resource whose body changed too is removed + added', () => {
    const after = parseDoc(
      quietFlowXml({ variable: 'Running_Total' }).replace(
        '<scale>0</scale>\n    </variables>',
        '<scale>2</scale>\n    </variables>',
      ),
      'Quiet.flow-meta.xml',
    );
    const d = diffFlows(doc(), after);
    expect(d.resources.some((r) => r.status === 'renamed')).toBe(false);
    expect(d.summary.resources).toMatchObject({ added: 1, removed: 1, renamed: 0 });
  });
});

describe('empty-bodied elements', () => {
  const screen = (name: string, label: string) =>
    `\n    <screens><name>${name}</name><label>${label}</label><locationX>0</locationX><locationY>0</locationY></screens>`;
  it('two elements with nothing but a name and label never pair as a rename', () => {
    const d = diffFlows(doc({ extra: screen('Old_Empty', 'Old') }), doc({ extra: screen('New_Empty', 'New') }));
    const changed = d.nodes.filter((n) => n.status !== 'unchanged').map((n) => `${n.status} ${n.id}`);
    expect(changed.sort()).toEqual(['added New_Empty', 'removed Old_Empty']);
  });

  it('two with a body still pair as a strict rename', () => {
    const body = (name: string) =>
      `\n    <waits><name>${name}</name><label>W</label><locationX>0</locationX><locationY>0</locationY><defaultConnectorLabel>Go</defaultConnectorLabel></waits>`;
    const d = diffFlows(doc({ extra: body('Wait_A') }), doc({ extra: body('Wait_B') }));
    expect(d.nodes.find((n) => n.status === 'renamed')).toMatchObject({ id: 'Wait_B', renamedFrom: 'Wait_A' });
  });
});
