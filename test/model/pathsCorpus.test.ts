import { describe, expect, it } from 'vitest';
import { pathConditions } from '../../src/describe/pathConditions';
import { buildGraph, elementIndex, type FlowGraph, START_ID } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { pathsTo, runsAfter } from '../../src/model/paths';
import type { FlowDoc } from '../../src/model/types';
import { corpusFiles, readCorpus } from '../helpers/corpus';
import { generateFlow } from '../support/generate';

/** Every element of a flow asked both ways; the slowest ask in ms. */
function askEverything(doc: FlowDoc, g: FlowGraph): { slowest: number; capped: number } {
  const elements = elementIndex(doc).elements;
  const source = { element: (id: string) => elements.get(id), ...(doc.start ? { start: doc.start } : {}) };
  let slowest = 0;
  let capped = 0;
  for (const n of g.nodes) {
    const t = performance.now();
    const p = pathsTo(g, n.id);
    const conditions = p.reachable ? pathConditions(g, p, n.id, source) : [];
    const after = runsAfter(g, n.id);
    slowest = Math.max(slowest, performance.now() - t);
    expect(p.reachable).toBe(n.unreachable !== true && g.nodes.some((x) => x.id === START_ID));
    if (p.reachable && p.count.more) capped++;
    if (p.reachable) expect(p.count.count).toBeGreaterThan(0);
    expect(after.nodes.has(n.id)).toBe(true);
    for (const c of conditions) expect(p.reachable && p.nodes.has(c.node)).toBe(true);
  }
  return { slowest, capped };
}

describe('paths over real flows', () => {
  it('answers for every element of every corpus flow, each ask in bounded time', () => {
    let slowest = 0;
    let asked = 0;
    let biggest = 0;
    for (const file of corpusFiles('flows')) {
      const r = parseFlow(readCorpus('flows', file), { fileName: file });
      if (!r.ok) continue;
      const g = buildGraph(r.doc);
      const { slowest: s } = askEverything(r.doc, g);
      slowest = Math.max(slowest, s);
      asked += g.nodes.length;
      biggest = Math.max(biggest, g.nodes.length);
    }
    expect(asked).toBeGreaterThan(1000);
    // Measured on a quiet machine: under 7 ms an ask once warm, 68 ms for the first (the JIT); the biggest flow has
    // 231 nodes. The bound is loose for a loaded 2-core CI: it is there to catch an exponential walk.
    expect(slowest).toBeLessThan(1500);
    console.info(`paths: ${asked} elements asked, biggest flow ${biggest}, slowest ask ${slowest.toFixed(1)} ms`);
  });

  it('a generated 2,000-element flow: the last element and a middle one, fast', () => {
    const gen = generateFlow(2000, 7);
    const r = parseFlow(gen.xml, { fileName: `${gen.name}.flow-meta.xml` });
    if (!r.ok) throw new Error('generated flow did not parse');
    const g = buildGraph(r.doc);
    const elements = elementIndex(r.doc).elements;
    let slowest = 0;
    for (const n of [g.nodes[g.nodes.length - 1], g.nodes[1000], g.nodes[1]]) {
      const id = n?.id as string;
      const t = performance.now();
      const p = pathsTo(g, id);
      if (!p.reachable) throw new Error('reachable');
      pathConditions(g, p, id, { element: (x) => elements.get(x) });
      runsAfter(g, id);
      slowest = Math.max(slowest, performance.now() - t);
    }
    // Measured on a quiet machine: 62 ms at worst (the set, its count, the conditions and what runs after).
    expect(slowest).toBeLessThan(3000);
    console.info(`paths: 2,000 elements, slowest ask ${slowest.toFixed(1)} ms`);
  });
});
