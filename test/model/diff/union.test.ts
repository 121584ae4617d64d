import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../../src/model/diff/index';
import { buildDoc } from '../../../src/model/parse/index';
import type { FlowDoc, Obj } from '../../../src/model/types';
import { expectConsistent } from './expect';
import { readDiff } from './mirror';

const to = (target: string): Obj => ({ targetReference: target });
const flow = (md: Obj): FlowDoc => buildDoc({ label: 'F', ...md }, 'F');
const start = (extra: Obj = {}): Obj => ({
  locationX: '0',
  locationY: '0',
  connector: to('A'),
  object: 'Account',
  triggerType: 'RecordAfterSave',
  recordTriggerType: 'Update',
  ...extra,
});

describe('start changes are $start property changes; startElementReference changes are edges', () => {
  it('trigger, entry filters and scheduled paths (minus their connectors) by path', () => {
    const before = flow({
      start: start({
        filters: [{ field: 'Status', operator: 'EqualTo', value: { stringValue: 'Open' } }],
        scheduledPaths: [{ name: 'Later', label: 'Later', offsetNumber: '1', offsetUnit: 'Hours', connector: to('A') }],
      }),
      assignments: [
        { name: 'A', label: 'A' },
        { name: 'B', label: 'B' },
      ],
    });
    const after = flow({
      start: start({
        recordTriggerType: 'CreateAndUpdate',
        filters: [{ field: 'Status', operator: 'EqualTo', value: { stringValue: 'Closed' } }],
        scheduledPaths: [{ name: 'Later', label: 'Later', offsetNumber: '3', offsetUnit: 'Hours', connector: to('B') }],
      }),
      assignments: [
        { name: 'A', label: 'A' },
        { name: 'B', label: 'B' },
      ],
    });
    const d = diffFlows(before, after);
    expect(d.nodes.find((n) => n.id === '$start')).toEqual({
      id: '$start',
      type: 'start',
      label: 'Start',
      status: 'changed',
      changes: [
        { path: 'filters[0].value', before: { stringValue: 'Open' }, after: { stringValue: 'Closed' } },
        { path: 'recordTriggerType', before: 'Update', after: 'CreateAndUpdate' },
        { path: 'scheduledPaths[Later].offsetNumber', before: '1', after: '3' },
      ],
    });
    expect(d.rewired).toEqual([
      { source: '$start', kind: 'scheduledPath', key: 'Later', label: 'Later', before: 'A', after: 'B' },
    ]);
  });

  it('a legacy entry point that moves is a rewired start connector', () => {
    const els = {
      assignments: [
        { name: 'A', label: 'A' },
        { name: 'B', label: 'B' },
      ],
    };
    const d = diffFlows(flow({ startElementReference: 'A', ...els }), flow({ startElementReference: 'B', ...els }));
    expect(d.properties).toEqual([]);
    expect(d.nodes.every((n) => n.status === 'unchanged')).toBe(true);
    expect(d.rewired).toEqual([{ source: '$start', kind: 'next', before: 'A', after: 'B' }]);
  });
});

describe('union graph ids', () => {
  it('a name taken by an element of another type: the removed one becomes Name~before', () => {
    const before = flow({
      start: start(),
      decisions: [{ name: 'A', label: 'Check', rules: [{ name: 'R', label: 'R', connector: to('B') }] }],
      screens: [{ name: 'B', label: 'B' }],
    });
    const after = flow({
      start: start(),
      assignments: [{ name: 'A', label: 'Set', connector: to('B') }],
      screens: [{ name: 'B', label: 'B' }],
    });
    const d = diffFlows(before, after);
    expect(d.nodes.filter((n) => n.status !== 'unchanged').map((n) => [n.id, n.type, n.status, n.graphId])).toEqual([
      ['A', 'assignments', 'added', undefined],
      ['A', 'decisions', 'removed', 'A~before'],
    ]);
    expect(d.graph.nodes.map((n) => `${n.id}:${n.status}`)).toEqual([
      '$start:unchanged',
      'A:added',
      'B:unchanged',
      'A~before:removed',
    ]);
    expect(d.graph.edges.map((e) => `${e.source}>${e.target}:${e.status}`).sort()).toEqual([
      '$start>A:added',
      '$start>A~before:removed',
      'A>B:added',
      'A~before>B:removed',
    ]);
    expectConsistent(d, before, after);
    expect(readDiff(diffFlows(after, before), true)).toEqual(readDiff(d, false));
  });

  it('a dangling target that became a real element: each side keeps its own node', () => {
    const before = flow({ start: start(), assignments: [{ name: 'A', label: 'A', connector: to('Missing_One') }] });
    const after = flow({
      start: start(),
      assignments: [
        { name: 'A', label: 'A', connector: to('Missing_One') },
        { name: 'Missing_One', label: 'Now here' },
      ],
    });
    const d = diffFlows(before, after);
    expect(d.edges.filter((e) => e.status !== 'unchanged')).toEqual([]);
    expect(d.rewired).toEqual([]);
    expect(d.graph.nodes.map((n) => `${n.id}:${n.type}:${n.status}`)).toEqual([
      '$start:start:unchanged',
      'A:assignments:unchanged',
      'Missing_One:assignments:added',
      'Missing_One~before:missing:removed',
    ]);
    expectConsistent(d, before, after);
  });

  it('a dangling target on both sides is one node; edge ids are unique across both sides', () => {
    const before = flow({
      start: start(),
      assignments: [{ name: 'A', label: 'A', connector: to('Gone') }],
      steps: [{ name: 'S', label: 'S', connectors: [to('A'), to('A')] }],
    });
    const after = flow({
      start: start(),
      assignments: [{ name: 'A', label: 'A', connector: to('Gone') }],
      steps: [{ name: 'S', label: 'S', connectors: [to('A')] }],
    });
    const d = diffFlows(before, after);
    expect(d.graph.nodes.filter((n) => n.id === 'Gone')).toEqual([
      { id: 'Gone', type: 'missing', label: 'Gone', status: 'unchanged', beforeId: 'Gone', afterId: 'Gone' },
    ]);
    expect(d.edges.filter((e) => e.status === 'removed')).toEqual([
      { source: 'S', target: 'A', kind: 'next', goTo: false, status: 'removed' },
    ]);
    expect(d.graph.edges.map((e) => `${e.id}:${e.status}`)).toContain('S->A#next~2:removed');
    expectConsistent(d, before, after);
  });

  it('two renamed neighbours that also changed are matched by their neighbourhood, in rounds', () => {
    const before = flow({
      start: start(),
      assignments: [
        { name: 'A', label: 'A', description: 'one', connector: to('B') },
        { name: 'B', label: 'B', description: 'two', connector: to('C') },
      ],
      screens: [{ name: 'C', label: 'C' }],
    });
    const after = flow({
      start: start({ connector: to('A2') }),
      assignments: [
        { name: 'A2', label: 'A', description: 'one!', connector: to('B2') },
        { name: 'B2', label: 'B', description: 'two!', connector: to('C') },
      ],
      screens: [{ name: 'C', label: 'C' }],
    });
    const d = diffFlows(before, after);
    expect(
      d.nodes.filter((n) => n.status === 'renamed').map((n) => [n.renamedFrom, n.id, n.changes.map((c) => c.path)]),
    ).toEqual([
      ['A', 'A2', ['description']],
      ['B', 'B2', ['description']],
    ]);
    expect(d.graph.edges.every((e) => e.status === 'unchanged')).toBe(true);
    expect(readDiff(diffFlows(after, before), true)).toEqual(readDiff(d, false));
  });
});
