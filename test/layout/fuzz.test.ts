import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/layout/index';
import type { EdgeKind } from '../../src/model/graph';
import type { LayoutEdgeInput, LayoutGraphInput } from '../../src/layout/types';
import { withoutTimings } from './helpers';
import { checkLayout } from './invariants';

const TYPES = ['decisions', 'loops', 'screens', 'assignments', 'recordLookups', 'waits', 'missing'];
const KINDS: EdgeKind[] = [
  'next',
  'outcome',
  'default',
  'fault',
  'loopNext',
  'loopEnd',
  'waitEvent',
  'scheduledPath',
  'timeout',
];

/** Arbitrary graphs: any element types, any connectors between any elements (self-loops too), some Go To. */
const graphs = fc
  .record({
    types: fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 24 }),
    withStart: fc.boolean(),
    edges: fc.array(
      fc.record({
        s: fc.nat(),
        t: fc.nat(),
        kind: fc.constantFrom(...KINDS),
        goTo: fc.boolean(),
        label: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      }),
      { maxLength: 50 },
    ),
  })
  .map(({ types, withStart, edges }): LayoutGraphInput => {
    const nodes = [
      ...(withStart ? [{ id: '$start', type: 'start' }] : []),
      ...types.map((type, k) => ({ id: `n${k}`, type })),
    ];
    const out: LayoutEdgeInput[] = edges.map(({ s, t, kind, goTo, label }, k) => ({
      id: `e${k}`,
      source: (nodes[s % nodes.length] as { id: string }).id,
      target: (nodes[t % nodes.length] as { id: string }).id,
      kind,
      goTo: goTo && k % 3 === 0,
      ...(label !== undefined ? { label } : {}),
    }));
    return { nodes, edges: out };
  });

describe('any graph', () => {
  it('gets a valid structured picture', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async (g) => {
        const r = await layoutGraph(g, { cache: false, engine: 'structured' });
        expect(checkLayout(g, r)).toEqual([]);
        expect(withoutTimings(await layoutGraph(g, { cache: false, engine: 'structured' }))).toEqual(withoutTimings(r));
      }),
      { numRuns: 600, seed: 20261123 },
    );
  });

  it('gets a valid picture from whichever engine is chosen', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async (g) => {
        const r = await layoutGraph(g, { cache: false });
        expect(checkLayout(g, r)).toEqual([]);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
