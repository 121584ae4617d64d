import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/layout/index';
import { diffFlows } from '../../src/model/diff/index';
import { mutateFlow } from '../support/mutate';
import { generateFlow } from '../support/generate';
import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc } from '../../src/model/types';
import { corpusPairs, readCorpus } from '../helpers/corpus';
import { withoutTimings } from './helpers';
import { checkLayout } from './invariants';

const doc = (text: string): FlowDoc => {
  const r = parseFlow(text, { fileName: 'pair.flow-meta.xml' });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};
const pair = (dir: string) => ({
  dir,
  a: doc(readCorpus(`pairs/${dir}`, 'a.flow-meta.xml')),
  b: doc(readCorpus(`pairs/${dir}`, 'b.flow-meta.xml')),
});

/** The largest pair, and the pairs with the most added, removed and renamed elements (the hardest unions). */
function chosenPairs() {
  const all = corpusPairs()
    .map(pair)
    .map((p) => ({ ...p, d: diffFlows(p.a, p.b) }));
  const by = (score: (x: (typeof all)[number]) => number) =>
    [...all].sort((x, y) => score(y) - score(x) || (x.dir < y.dir ? -1 : 1))[0] as (typeof all)[number];
  const picked = [
    by((x) => x.b.elements.length),
    by((x) => x.d.summary.nodes.removed),
    by((x) => x.d.summary.nodes.renamed),
    by((x) => x.d.summary.nodes.added),
    by((x) => x.d.rewired.length),
  ];
  return [...new Map(picked.map((p) => [p.dir, p])).values()];
}

describe('the union graph of a diff lays out', () => {
  it.each(chosenPairs().map((p) => [p.dir, p] as const))(
    '%s: every node placed, every connector routed, deterministic',
    async (_dir, p) => {
      const g = p.d.graph;
      const r = await layoutGraph(g, { cache: false });
      expect(checkLayout(g, r)).toEqual([]);
      expect(Object.keys(r.nodes).sort()).toEqual(g.nodes.map((n) => n.id).sort());
      expect(withoutTimings(await layoutGraph(diffFlows(p.a, p.b).graph, { cache: false }))).toEqual(withoutTimings(r));
    },
  );

  it('a generated 300-element flow with 20 edits', async () => {
    const before = doc(generateFlow(300, 5).xml);
    const m = mutateFlow(before, 20, 12);
    const g = diffFlows(before, m.doc).graph;
    expect(g.nodes.some((n) => n.status === 'removed') && g.nodes.some((n) => n.status === 'added')).toBe(true);
    const r = await layoutGraph(g, { cache: false });
    expect(checkLayout(g, r)).toEqual([]);
  });
});
