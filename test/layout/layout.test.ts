import { describe, expect, it } from 'vitest';
import { sharedCache } from '../../src/layout/engine';
import { layoutGraph } from '../../src/layout/index';
import type { FlowGraph } from '../../src/model/graph';
import { corpusFiles, flowFileName, readCorpus } from '../helpers/corpus';
import { generatedGraph, parseToGraph, withoutTimings } from './helpers';
import { checkLayout, checkOutcomeOrder, checkSpine } from './invariants';

const corpus: { file: string; graph: FlowGraph }[] = corpusFiles('flows').map((file) => ({
  file,
  graph: parseToGraph(readCorpus('flows', file), flowFileName(file)),
}));
const LARGEST = 'toddhalfpenny__salesforce-flow-visualiser__Merchant_Processing_Agreement_MAIN.flow-meta.xml';

describe('layout of every corpus flow', () => {
  it('finds the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.some((c) => c.file === LARGEST)).toBe(true);
  });

  it(
    'places every element without overlap, routes every connector from boundary to boundary, ' +
      'keeps labels off elements',
    async () => {
      const bad: string[] = [];
      const engines: Record<string, number> = {};
      for (const { file, graph } of corpus) {
        const r = await layoutGraph(graph, { cache: false });
        engines[r.engine] = (engines[r.engine] ?? 0) + 1;
        const problems = checkLayout(graph, r);
        // Rule order is exact in the structured picture; ELK (free-form flows) keeps it for edges it does not reverse.
        problems.push(
          ...checkOutcomeOrder(graph, r, r.engine === 'structured').filter(() => r.engine === 'structured'),
        );
        if (r.engine === 'structured') problems.push(...checkSpine(graph, r));
        if (problems.length > 0) bad.push(`${file} (${r.engine}): ${problems.slice(0, 3).join('; ')}`);
      }
      expect(bad).toEqual([]);
      // Auto-Layout is the structured engine for every real flow (ELK only when asked for).
      expect(engines.structured ?? 0).toBeGreaterThan(300);
      expect(engines.elk ?? 0).toBe(0);
    },
  );

  it('lays out the largest corpus flow with the structured engine, fast', async () => {
    const graph = corpus.find((c) => c.file === LARGEST)?.graph as FlowGraph;
    const r = await layoutGraph(graph, { cache: false });
    expect(r.engine).toBe('structured');
    expect(Object.keys(r.nodes)).toHaveLength(graph.nodes.length);
  });
});

describe('layout of generated flows', () => {
  for (const size of [200, 1000]) {
    it(`keeps every invariant at ${size} elements`, async () => {
      const graph = generatedGraph(size, 1);
      const r = await layoutGraph(graph, { cache: false });
      expect(r.engine).toBe('structured');
      expect([...checkLayout(graph, r), ...checkOutcomeOrder(graph, r, true), ...checkSpine(graph, r)]).toEqual([]);
    });
  }

  it('keeps every invariant over many seeds', async () => {
    const bad: string[] = [];
    for (let seed = 2; seed <= 40; seed++) {
      const graph = generatedGraph(60 + seed * 7, seed);
      const r = await layoutGraph(graph, { cache: false });
      const problems = [...checkLayout(graph, r), ...checkOutcomeOrder(graph, r, true), ...checkSpine(graph, r)];
      if (problems.length > 0 || r.engine !== 'structured')
        bad.push(`seed ${seed} (${r.engine}): ${problems.slice(0, 3).join('; ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps big graphs out of ELK even when they are free-form (no minute-long layouts)', async () => {
    const graph = generatedGraph(1000, 5);
    // Without its first connector the flow is a heap of unreachable pieces with loops entered sideways.
    const broken = { ...graph, edges: graph.edges.slice(1) };
    const r = await layoutGraph(broken, { cache: false });
    expect(r.engine).toBe('structured');
    expect(checkLayout(broken, r)).toEqual([]);
  });

  it('lays out 3,000 elements in well under a second', async () => {
    const graph = generatedGraph(3000, 1);
    await layoutGraph(graph, { cache: false });
    const t = performance.now();
    const r = await layoutGraph(graph, { cache: false });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(checkLayout(graph, r)).toEqual([]);
  });
});

describe('determinism and the cache', () => {
  it('gives the same picture twice', async () => {
    for (const graph of [generatedGraph(500, 3), corpus.find((c) => c.file === LARGEST)?.graph as FlowGraph]) {
      const a = await layoutGraph(graph, { cache: false });
      const b = await layoutGraph(structuredClone(graph), { cache: false });
      expect(withoutTimings(b)).toEqual(withoutTimings(a));
    }
  });

  it('gives the same picture with ELK twice', async () => {
    const graph = corpus.find((c) => c.graph.nodes.length > 20 && c.graph.nodes.length < 40)?.graph as FlowGraph;
    const a = await layoutGraph(graph, { cache: false, engine: 'elk' });
    const b = await layoutGraph(graph, { cache: false, engine: 'elk' });
    expect(withoutTimings(b)).toEqual(withoutTimings(a));
  });

  it('serves the same graph from the cache, quickly, and misses when the graph changes', async () => {
    sharedCache.clear();
    const graph = generatedGraph(2000, 5);
    const t0 = performance.now();
    const first = await layoutGraph(graph);
    const laidOut = performance.now() - t0;
    expect(first.ms?.cacheHit).toBeUndefined();
    const t = performance.now();
    const again = await layoutGraph(structuredClone(graph));
    // A hit skips the layout: 50 ms on a quiet machine, and always a small part of laying it out (a busy CI
    // machine slows both alike).
    expect(performance.now() - t).toBeLessThan(Math.max(50, laidOut / 4));
    expect(again.ms?.cacheHit).toBe(true);
    expect(withoutTimings(again)).toEqual(withoutTimings(first));
    const relabelled = { ...graph, edges: graph.edges.map((e, k) => (k === 0 ? { ...e, label: 'Renamed' } : e)) };
    expect((await layoutGraph(relabelled)).ms?.cacheHit).toBeUndefined();
  });
});
