import { describe, expect, it } from 'vitest';
import type { LayoutGeometry } from '../../../src/layout/types';
import type { FlowGraph } from '../../../src/model/graph';
import { toFlowElements } from '../../../src/views/canvas/model';

describe('Go To stub markers', () => {
  it('stack a row apart where their text would overlap, and stay put where it would not', () => {
    const graph = {
      flow: { name: 'F', label: 'F' },
      warnings: [],
      nodes: ['W', 'A', 'B', 'C'].map((id) => ({ id, type: 'assignments', label: `Element ${id}` })),
      edges: [
        { id: 'e1', source: 'W', target: 'A', kind: 'waitEvent', label: 'In One Hour', goTo: true },
        { id: 'e2', source: 'W', target: 'B', kind: 'waitEvent', label: 'Not Retried', goTo: true },
        { id: 'e3', source: 'C', target: 'A', kind: 'fault', goTo: true },
      ],
    } as FlowGraph;
    const box = (x: number, y: number) => ({ x, y, width: 220, height: 64 });
    const layout: LayoutGeometry = {
      width: 2000,
      height: 2000,
      nodes: { W: box(0, 0), A: box(0, 900), B: box(400, 900), C: box(1200, 0) },
      edges: {
        e1: {
          points: [
            { x: 100, y: 64 },
            { x: 100, y: 120 },
            { x: 0, y: 900 },
          ],
          jump: {
            stub: [
              { x: 100, y: 64 },
              { x: 100, y: 120 },
            ],
          },
        },
        e2: {
          points: [
            { x: 120, y: 64 },
            { x: 190, y: 120 },
            { x: 400, y: 900 },
          ],
          jump: {
            stub: [
              { x: 120, y: 64 },
              { x: 190, y: 120 },
            ],
          },
        },
        e3: {
          points: [
            { x: 1420, y: 32 },
            { x: 1480, y: 32 },
            { x: 110, y: 900 },
          ],
          jump: {
            stub: [
              { x: 1420, y: 32 },
              { x: 1480, y: 32 },
            ],
          },
        },
      },
    };
    const slots = Object.fromEntries(toFlowElements(graph, layout).edges.map((e) => [e.id, e.data?.stubSlot]));
    expect(slots).toEqual({ e1: 0, e2: 1, e3: 0 });
  });
});
