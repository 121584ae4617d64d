import { describe, expect, it } from 'vitest';
import type { DiffGraph, EdgeStatus, NodeStatus } from '../../../src/model/diff/types';
import { foldChanges } from '../../../src/model/diff/fold';
import { changesFilter, visibleIn } from '../../../src/views/diff/visible';

/** start → a → b → c → d → f → g → h, with b changed, e added off d, x removed off a, a fault b → h. */
function graph(): DiffGraph {
  const n = (id: string, status: NodeStatus) => ({
    id,
    type: id === '$start' ? 'start' : 'assignments',
    label: id.toUpperCase(),
    status,
  });
  const e = (source: string, target: string, status: EdgeStatus) => ({
    id: `${source}-${target}`,
    source,
    target,
    kind: 'next' as const,
    goTo: false,
    status,
  });
  return {
    flow: { name: 'F', label: 'F' } as DiffGraph['flow'],
    warnings: [],
    nodes: [
      n('$start', 'unchanged'),
      n('a', 'unchanged'),
      n('b', 'changed'),
      n('c', 'unchanged'),
      n('d', 'unchanged'),
      n('f', 'unchanged'),
      n('g', 'unchanged'),
      n('h', 'unchanged'),
      n('e', 'added'),
      n('x', 'removed'),
    ],
    edges: [
      e('$start', 'a', 'unchanged'),
      e('a', 'b', 'unchanged'),
      e('b', 'c', 'unchanged'),
      e('c', 'd', 'unchanged'),
      e('d', 'f', 'unchanged'),
      e('f', 'g', 'unchanged'),
      e('g', 'h', 'unchanged'),
      e('d', 'e', 'added'),
      e('a', 'x', 'removed'),
      { ...e('b', 'h', 'unchanged'), kind: 'fault' as const },
    ],
  };
}
const boxes = Object.fromEntries(
  ['$start', 'a', 'b', 'c', 'd', 'f', 'g', 'h', 'e', 'x'].map((id, i) => [
    id,
    { x: 100, y: i * 100, width: 200, height: 60 },
  ]),
);

describe('what each comparison mode shows', () => {
  it('overlay shows both versions', () => {
    const v = visibleIn(graph(), 'overlay');
    expect([...v.nodes].sort()).toEqual(['$start', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x']);
    expect(v.edges.size).toBe(10);
    expect(v.folds).toEqual([]);
  });

  it('before hides what was added; after hides what was removed', () => {
    const before = visibleIn(graph(), 'before');
    expect(before.nodes.has('e')).toBe(false);
    expect(before.nodes.has('x')).toBe(true);
    expect(before.edges.has('d-e')).toBe(false);
    const after = visibleIn(graph(), 'after');
    expect(after.nodes.has('x')).toBe(false);
    expect(after.edges.has('a-x')).toBe(false);
    expect(after.nodes.has('e')).toBe(true);
  });

  it('changes only draws its folded graph: every element shown, each fold at its own laid-out box', () => {
    // … h → i → j → k after the fixture's flow.
    const g = graph();
    for (const id of ['i', 'j', 'k'])
      g.nodes.push({ id, type: 'assignments', label: id.toUpperCase(), status: 'unchanged' });
    for (const [source, target] of [
      ['h', 'i'],
      ['i', 'j'],
      ['j', 'k'],
    ] as const)
      g.edges.push({ id: `${source}-${target}`, source, target, kind: 'next', goTo: false, status: 'unchanged' });
    const folded = foldChanges(g);
    // b changed: a, c and (by its fault path) h are its context; a, d, e and x are the ends of changed
    // connectors, f is d's context; g, alone between f and h, is shown rather than folded.
    expect(folded.folds.map((f) => f.members)).toEqual([['i', 'j', 'k']]);
    const v = changesFilter(folded, g, { ...boxes, 'fold:i': { x: 5, y: 6, width: 220, height: 64 } });
    expect([...v.nodes].sort()).toEqual(['$start', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x']);
    expect(v.folds).toEqual([
      {
        id: 'fold:i',
        count: 3,
        box: { x: 5, y: 6, width: 220, height: 64 },
        members: ['i', 'j', 'k'],
        labels: ['I', 'J', 'K'],
      },
    ]);
    // The path goes h → fold: the connector into the fold is drawn, the folded ones are not.
    const drawn = folded.graph.edges.filter((e) => v.edges.has(e.id)).map((e) => `${e.source}>${e.target}`);
    expect(drawn).toEqual(expect.arrayContaining(['h>fold:i', 'b>h', 'd>e']));
    expect(drawn).not.toContain('i>j');
    // A fold without a box (not laid out yet) is not drawn.
    expect(changesFilter(folded, g, boxes).folds).toEqual([]);
  });
});
