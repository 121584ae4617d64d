import { describe, expect, it } from 'vitest';
import type { DiffGraph, EdgeStatus, NodeStatus } from '../../../src/model/diff/types';
import { visibleIn } from '../../../src/views/diff/visible';

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
    const v = visibleIn(graph(), 'overlay', boxes);
    expect([...v.nodes].sort()).toEqual(['$start', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x']);
    expect(v.edges.size).toBe(10);
    expect(v.folds).toEqual([]);
  });

  it('before hides what was added; after hides what was removed', () => {
    const before = visibleIn(graph(), 'before', boxes);
    expect(before.nodes.has('e')).toBe(false);
    expect(before.nodes.has('x')).toBe(true);
    expect(before.edges.has('d-e')).toBe(false);
    const after = visibleIn(graph(), 'after', boxes);
    expect(after.nodes.has('x')).toBe(false);
    expect(after.edges.has('a-x')).toBe(false);
    expect(after.nodes.has('e')).toBe(true);
  });

  it('changes only keeps each change with its neighbours and folds the chains between into one marker', () => {
    const v = visibleIn(graph(), 'changes', boxes);
    // b changed: a, c and (by its fault path) h are its context; a and d touch changed connectors.
    expect([...v.nodes].sort()).toEqual(['$start', 'a', 'b', 'c', 'd', 'e', 'h', 'x']);
    expect(v.folds.map((f) => [f.count, f.members.sort()])).toEqual([[2, ['f', 'g']]]);
    expect(v.folds[0]?.box.y).toBeGreaterThan(boxes.f!.y);
    expect(v.folds[0]?.box.y).toBeLessThan(boxes.f!.y + boxes.f!.height);
    // Connectors into the fold's top element stay (its marker sits there); the chain's own go.
    expect(v.edges.has('d-f')).toBe(true);
    expect(v.edges.has('f-g')).toBe(false);
    expect(v.edges.has('g-h')).toBe(false);
    expect(v.edges.has('b-h')).toBe(true);
  });
});
