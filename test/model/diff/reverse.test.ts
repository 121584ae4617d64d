import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../../src/model/diff/index';
import { mutateFlow } from '../../support/mutate';
import { reverseDiff } from '../../../src/model/diff/reverse';
import type { FlowDiff } from '../../../src/model/diff/types';
import { generateFlow } from '../../support/generate';
import { corpusPairs, readCorpus } from '../../helpers/corpus';
import { fixturePair, parseDoc } from './helpers';

/** JSON with object keys in order: two equal objects built in another order read the same. */
const stable = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** A diff with every list in a canonical order (reverseDiff promises equality up to list order). */
function canonical(d: FlowDiff) {
  const sorted = <T>(xs: readonly T[], f: (x: T) => unknown = (x) => x) => xs.map((x) => stable(f(x))).sort();
  return {
    summary: d.summary,
    nodes: sorted(d.nodes, (n) => ({ ...n, changes: sorted(n.changes) })),
    edges: sorted(d.edges),
    rewired: sorted(d.rewired),
    // Edge ids of repeated identical connectors (`~2`) depend on list order: compare what they join.
    connectors: sorted(d.connectors, ({ id: _id, edgeIds, ...c }) => ({ ...c, edges: edgeIds.length })),
    resources: sorted(d.resources, (r) => ({ ...r, changes: sorted(r.changes) })),
    properties: sorted(d.properties),
    graphNodes: sorted(d.graph.nodes),
    graphEdges: sorted(d.graph.edges, ({ id: _id, ...e }) => e),
  };
}

const expectReverse = (ab: FlowDiff, ba: FlowDiff) => {
  expect(canonical(reverseDiff(ab))).toEqual(canonical(ba));
  expect(canonical(reverseDiff(reverseDiff(ab)))).toEqual(canonical(ab));
};

describe('reverseDiff: the diff read the other way round, without a second diff', () => {
  it('equals diffing the versions the other way round, on every hand-written fixture pair', () => {
    for (const name of ['added-fault-path', 'changed-formula', 'renamed-element', 'rewired-outcome', 'status-change']) {
      const { before, after, diff } = fixturePair(name);
      expectReverse(diff, diffFlows(after, before));
    }
  });

  it('turns a rename into the rename back, with the union graph under the other version’s names', () => {
    const { diff } = fixturePair('renamed-element');
    const r = reverseDiff(diff);
    expect(r.nodes.find((n) => n.status === 'renamed')).toMatchObject({
      id: 'Set_Discount',
      renamedFrom: 'Apply_Discount',
      label: 'Set Discount',
    });
    expect(r.graph.nodes.find((n) => n.id === 'Set_Discount')).toMatchObject({
      beforeId: 'Apply_Discount',
      afterId: 'Set_Discount',
      labelBefore: 'Apply Discount',
    });
    expect(r.summary.connectors.followRename).toBe(2);
  });

  it('equals the diff the other way round on every corpus version pair', () => {
    const pairs = corpusPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(70);
    for (const dir of pairs) {
      const a = parseDoc(readCorpus(`pairs/${dir}`, 'a.flow-meta.xml'), 'a.flow-meta.xml');
      const b = parseDoc(readCorpus(`pairs/${dir}`, 'b.flow-meta.xml'), 'b.flow-meta.xml');
      expectReverse(diffFlows(a, b), diffFlows(b, a));
    }
  });

  it('equals the diff the other way round for random edits of generated flows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 15 }),
        (size, seed, mseed, count) => {
          const doc = parseDoc(generateFlow(size, seed).xml, 'Generated.flow-meta.xml');
          const m = mutateFlow(doc, count, mseed);
          expectReverse(diffFlows(doc, m.doc), diffFlows(m.doc, doc));
        },
      ),
      { numRuns: 150 },
    );
  });
});
