import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../../src/layout/index';
import { diffFlows } from '../../../src/model/diff/index';
import { unionPositions } from '../../../src/model/diff/positions';
import { buildGraph } from '../../../src/model/graph';
import { parseFlow } from '../../../src/model/parse/index';
import { savedPositions } from '../../../src/model/positions';
import type { FlowDoc } from '../../../src/model/types';
import { renderSvg } from '../../../src/render/svg';
import { corpusFiles, corpusPairs, readCorpus } from '../../helpers/corpus';
import { checkPicture } from '../../support/picture';
import { checkLayout } from '../invariants';
import { orderFaults } from './support';

const doc = (dir: string, file: string): FlowDoc | undefined => {
  const parsed = parseFlow(readCorpus(dir, file), { fileName: file });
  return parsed.ok ? parsed.doc : undefined;
};

const freeForm = corpusFiles('flows').flatMap((file) => {
  const d = doc('flows', file);
  const positions = d && savedPositions(d);
  return d && positions ? [{ file, doc: d, positions }] : [];
});

const clean = (svg: string) => {
  const { crossings: _, ...faults } = checkPicture(svg);
  return faults;
};
const NONE = { throughCard: [], onConnector: [], labelOnCard: [], labelOnLabel: [] };

describe('free-form corpus flows drawn at their saved positions', () => {
  it('finds the free-form flows of the corpus', () => {
    expect(freeForm.length).toBeGreaterThanOrEqual(70);
  });

  it.each(freeForm.map((f) => [f.file, f] as const))('%s: saved order, invariants, a clean picture', async (_, f) => {
    const graph = buildGraph(f.doc);
    const r = await layoutGraph({ ...graph, positions: f.positions }, { engine: 'saved', cache: false });
    expect(r.engine).toBe('saved');
    expect(checkLayout(graph, r)).toEqual([]);
    expect(
      orderFaults(
        f.positions,
        r,
        graph.nodes.map((n) => n.id),
      ),
    ).toEqual([]);
    // Every connector drawn whole: none had to become a Go To stub.
    expect(Object.values(r.edges).filter((e) => e.jump)).toEqual([]);
    expect(clean(renderSvg(graph, r))).toEqual(NONE);
  });
});

const pairs = corpusPairs().flatMap((pair) => {
  const a = doc(`pairs/${pair}`, 'a.flow-meta.xml');
  const b = doc(`pairs/${pair}`, 'b.flow-meta.xml');
  return a && b && savedPositions(b) ? [{ pair, a, b }] : [];
});

describe('comparisons of free-form corpus versions', () => {
  it('finds free-form pairs', () => {
    expect(pairs.length).toBeGreaterThan(5);
  });

  it.each(pairs.map((p) => [p.pair, p] as const))('%s: one set of positions, a clean picture', async (_, p) => {
    const diff = diffFlows(p.a, p.b);
    const positions = unionPositions(diff.graph, p.a, p.b);
    expect(positions).toBeDefined();
    const r = await layoutGraph({ ...diff.graph, positions }, { engine: 'saved', cache: false });
    expect(r.engine).toBe('saved');
    expect(checkLayout(diff.graph, r)).toEqual([]);
    expect(clean(renderSvg(diff.graph, r))).toEqual(NONE);
  });
});
