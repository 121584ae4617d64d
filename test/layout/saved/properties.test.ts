import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../../src/layout/index';
import type { LayoutEdgeInput, LayoutGraphInput, Point } from '../../../src/layout/types';
import type { EdgeKind } from '../../../src/model/graph';
import { renderSvg } from '../../../src/render/svg';
import { checkPicture } from '../../support/picture';
import { checkLayout } from '../invariants';
import { flowGraph, orderFaults } from './support';

const TYPES = ['screens', 'decisions', 'assignments', 'loops', 'recordLookups', 'actionCalls', 'missing'];
const KINDS: EdgeKind[] = ['next', 'outcome', 'default', 'fault', 'loopNext', 'loopEnd', 'waitEvent'];
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** Coordinates of every kind a saved flow (or a hostile one) may hold. */
const coordinate = fc.oneof(
  fc.integer({ min: -400, max: 2400 }),
  fc.constantFrom(0, 50, 176, 50.5),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double({ min: -1e300, max: 1e300, noNaN: true }),
);

const saved = fc
  .record({
    types: fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 22 }),
    withStart: fc.boolean(),
    startPlaced: fc.boolean(),
    oneRow: fc.boolean(),
    points: fc.array(fc.record({ x: coordinate, y: coordinate, placed: fc.nat(9) }), { minLength: 22, maxLength: 22 }),
    edges: fc.array(
      fc.record({
        s: fc.nat(),
        t: fc.nat(),
        kind: fc.constantFrom(...KINDS),
        label: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ types, withStart, startPlaced, oneRow, points, edges }): LayoutGraphInput => {
    const nodes = [
      ...(withStart ? [{ id: '$start', type: 'start' }] : []),
      ...types.map((type, i) => ({ id: NAMES[i] ?? `${type}_${i}`, type })),
    ];
    const positions: Record<string, Point> = Object.create(null);
    nodes.forEach((n, i) => {
      const p = points[i % points.length] as { x: number; y: number; placed: number };
      const placed = n.type === 'start' ? startPlaced : n.type !== 'missing' && p.placed > 0;
      if (placed) positions[n.id] = { x: p.x, y: oneRow ? 50 : p.y };
    });
    const list: LayoutEdgeInput[] = edges.map((e, k) => {
      const s = nodes[e.s % nodes.length] as { id: string };
      const t = nodes[e.t % nodes.length] as { id: string };
      return {
        id: `e${k}`,
        source: s.id,
        target: t.id,
        kind: e.kind,
        ...(e.label ? { label: e.label } : {}),
      };
    });
    return { nodes, edges: list, positions };
  });

describe('the saved layout on arbitrary free-form graphs', () => {
  it('keeps the saved order on both axes, never overlaps cards, and draws a picture with no faults', async () => {
    await fc.assert(
      fc.asyncProperty(saved, async (graph) => {
        const r = await layoutGraph(graph, { engine: 'saved', cache: false });
        const positions = graph.positions as Record<string, Point>;
        if (Object.keys(positions).length > 0) expect(r.engine).toBe('saved');
        expect(checkLayout(graph, r)).toEqual([]);
        if (r.engine !== 'saved') return;
        expect(
          orderFaults(
            positions,
            r,
            graph.nodes.map((n) => n.id),
          ),
        ).toEqual([]);
        const faults = checkPicture(renderSvg(flowGraph(graph.nodes, graph.edges), r));
        expect({ ...faults, crossings: 0 }).toEqual({
          throughCard: [],
          onConnector: [],
          labelOnCard: [],
          labelOnLabel: [],
          crossings: 0,
        });
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('falls back to Auto-Layout when the graph has no saved positions', async () => {
    const graph: LayoutGraphInput = {
      nodes: [
        { id: 'a', type: 'screens' },
        { id: 'b', type: 'screens' },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', kind: 'next' }],
    };
    expect((await layoutGraph(graph, { engine: 'saved', cache: false })).engine).toBe('structured');
    const empty = { ...graph, positions: Object.create(null) };
    expect((await layoutGraph(empty, { engine: 'saved', cache: false })).engine).toBe('structured');
  });
});
