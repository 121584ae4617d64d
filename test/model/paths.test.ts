import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, type FlowGraph, type GraphEdge, START_ID } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { pathOrder, pathsTo, runsAfter } from '../../src/model/paths';
import { generateFlow } from '../support/generate';

/** A graph from "a>b" pairs ("$start" is Start); every name met becomes a node. */
function graphOf(pairs: string[], extra: string[] = []): FlowGraph {
  const ids = new Set<string>([START_ID, ...extra]);
  const edges: GraphEdge[] = pairs.map((p, i) => {
    const [source = '', target = ''] = p.split('>');
    ids.add(source);
    ids.add(target);
    return { id: `e${i}:${p}`, source, target, kind: 'next', goTo: false };
  });
  const nodes = [...ids].map((id) => ({ id, type: id === START_ID ? 'start' : 'assignments', label: id }));
  return { flow: { name: 'T', label: 'T' }, nodes, edges, warnings: [] };
}

/** Every simple path from Start to `target`, by brute force (small graphs only). */
function simplePaths(g: FlowGraph, target: string): number {
  let n = 0;
  const walk = (id: string, seen: Set<string>) => {
    if (id === target) {
      n++;
      return;
    }
    for (const e of g.edges) if (e.source === id && !seen.has(e.target)) walk(e.target, new Set([...seen, e.target]));
  };
  walk(START_ID, new Set([START_ID]));
  return n;
}

const S = START_ID;

describe('pathsTo', () => {
  it('merges every path through a decision and counts them', () => {
    const g = graphOf([`${S}>D`, 'D>A', 'D>B', 'D>C', 'A>T', 'B>T', 'C>X']);
    const p = pathsTo(g, 'T');
    if (!p.reachable) throw new Error('reachable');
    expect([...p.nodes].sort()).toEqual([S, 'A', 'B', 'D', 'T']);
    expect(p.edges.size).toBe(5);
    expect(p.count).toEqual({ count: 2 });
  });

  it('takes a loop body and back as part of the way after it, without counting the loop as more paths', () => {
    const g = graphOf([`${S}>L`, 'L>B1', 'B1>B2', 'B2>L', 'L>After', 'After>T']);
    const p = pathsTo(g, 'T');
    if (!p.reachable) throw new Error('reachable');
    expect([...p.nodes].sort()).toEqual([S, 'After', 'B1', 'B2', 'L', 'T']);
    expect(p.count).toEqual({ count: 1 });
    // Inside the body, the rest of the body leads back round to it on the next item.
    const inside = pathsTo(g, 'B1');
    if (!inside.reachable) throw new Error('reachable');
    expect([...inside.nodes].sort()).toEqual([S, 'B1', 'B2', 'L']);
    expect(inside.count).toEqual({ count: 1 });
  });

  it('says there is no path from Start to an unreachable element, or in a flow without a start', () => {
    const g = graphOf([`${S}>A`, 'X>Y'], ['Lonely']);
    expect(pathsTo(g, 'X')).toEqual({ reachable: false, reason: 'no path from Start' });
    expect(pathsTo(g, 'Lonely').reachable).toBe(false);
    expect(pathsTo(g, 'nothing').reachable).toBe(false);
    const noStart = { ...g, nodes: g.nodes.filter((n) => n.id !== S), edges: g.edges.filter((e) => e.source !== S) };
    expect(pathsTo(noStart, 'A').reachable).toBe(false);
  });

  it('counts two connectors between the same elements as two paths, and Start itself as one', () => {
    const g = graphOf([`${S}>D`, 'D>T', 'D>T']);
    const p = pathsTo(g, 'T');
    expect(p.reachable && p.count).toEqual({ count: 2 });
    const s = pathsTo(g, S);
    expect(s.reachable && [...s.nodes]).toEqual([S]);
    expect(s.reachable && s.count).toEqual({ count: 1 });
  });

  it('caps the count: 2^40 paths through 40 diamonds is "more than 10,000", fast', () => {
    const pairs = [`${S}>N0`];
    for (let i = 0; i < 40; i++) pairs.push(`N${i}>A${i}`, `N${i}>B${i}`, `A${i}>N${i + 1}`, `B${i}>N${i + 1}`);
    const g = graphOf(pairs);
    const t = performance.now();
    const p = pathsTo(g, 'N40');
    // Linear: about 1 ms; the bound catches a walk of the 2^40 paths one by one, even on a loaded machine.
    expect(performance.now() - t).toBeLessThan(1500);
    expect(p.reachable && p.count).toEqual({ count: 10_000, more: 'cap' });
    expect(p.reachable && p.nodes.size).toBe(122);
    const small = pathsTo(g, 'N10', { cap: 100 });
    expect(small.reachable && small.count).toEqual({ count: 100, more: 'cap' });
    expect(pathsTo(g, 'N5').reachable && (pathsTo(g, 'N5') as { count: unknown }).count).toEqual({ count: 32 });
  });

  it('counts a cycle entered in two places (irreducible) path by path', () => {
    // Start → A or B; A ⇄ B; both → T: simple paths S-A-T, S-A-B-T, S-B-T, S-B-A-T.
    const g = graphOf([`${S}>A`, `${S}>B`, 'A>B', 'B>A', 'A>T', 'B>T']);
    const p = pathsTo(g, 'T');
    expect(p.reachable && p.count).toEqual({ count: 4 });
  });
});

describe('runsAfter', () => {
  it('is everything downstream, the loop back and the rest of the body included', () => {
    const g = graphOf([`${S}>L`, 'L>B1', 'B1>B2', 'B2>L', 'L>After', 'After>T', `${S}>Other`]);
    const r = runsAfter(g, 'B2');
    expect([...r.nodes].sort()).toEqual(['After', 'B1', 'B2', 'L', 'T']);
    expect(r.edges.size).toBe(5);
    expect(runsAfter(g, 'T').nodes).toEqual(new Set(['T']));
    expect(runsAfter(g, 'nothing').nodes.size).toBe(0);
  });
});

/** Random graphs: n nodes, random connectors (cycles, parallel connectors, unreachable parts and all). */
const graphs = fc
  .record({
    n: fc.integer({ min: 1, max: 9 }),
    pairs: fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 22 }),
  })
  .map(({ n, pairs }) => {
    const name = (i: number) => (i % (n + 1) === 0 ? S : `N${i % (n + 1)}`);
    const list = pairs.filter(([, b]) => b % (n + 1) !== 0).map(([a, b]) => `${name(a)}>${name(b)}`);
    return graphOf(
      list,
      Array.from({ length: n }, (_, i) => `N${i + 1}`),
    );
  });

const reach = (g: FlowGraph, from: string, back = false) => {
  const seen = new Set([from]);
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop())
    for (const e of g.edges) {
      const [a, b] = back ? [e.target, e.source] : [e.source, e.target];
      if (a === id && !seen.has(b)) {
        seen.add(b);
        stack.push(b);
      }
    }
  return seen;
};

describe('properties', () => {
  it('pathsTo: reachable from Start and reaching the target, ends in the set, an exact count', () => {
    fc.assert(
      fc.property(graphs, fc.nat(9), (g, k) => {
        const target = g.nodes[k % g.nodes.length]?.id as string;
        const p = pathsTo(g, target);
        const fromStart = reach(g, S);
        if (!fromStart.has(target)) {
          expect(p).toEqual({ reachable: false, reason: 'no path from Start' });
          return;
        }
        if (!p.reachable) throw new Error('should be reachable');
        expect(p.nodes.has(S) && p.nodes.has(target)).toBe(true);
        const toTarget = reach(g, target, true);
        for (const id of p.nodes) expect(fromStart.has(id) && toTarget.has(id)).toBe(true);
        // Nothing missing either: every node both reachable and reaching is on the way.
        for (const id of fromStart) if (toTarget.has(id)) expect(p.nodes.has(id)).toBe(true);
        const ends = new Map(g.edges.map((e) => [e.id, e]));
        for (const id of p.edges) {
          const e = ends.get(id) as GraphEdge;
          expect(p.nodes.has(e.source) && p.nodes.has(e.target)).toBe(true);
        }
        expect(p.count).toEqual({ count: simplePaths(g, target) });
        // The order starts at Start and holds every element of the set once.
        const order = pathOrder(g, p.nodes);
        expect(order[0]).toBe(S);
        expect([...order].sort()).toEqual([...p.nodes].sort());
      }),
      { numRuns: 400 },
    );
  });

  it('runsAfter: closed under successors, holds the element, only what it reaches', () => {
    fc.assert(
      fc.property(graphs, fc.nat(9), (g, k) => {
        const from = g.nodes[k % g.nodes.length]?.id as string;
        const r = runsAfter(g, from);
        expect(r.nodes.has(from)).toBe(true);
        for (const e of g.edges)
          if (r.nodes.has(e.source)) expect(r.nodes.has(e.target) && r.edges.has(e.id)).toBe(true);
        expect(r.nodes).toEqual(reach(g, from));
      }),
      { numRuns: 300 },
    );
  });

  it('generated flows: every element reached from Start has a way there through its own connectors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 100_000 }), (size, seed) => {
        const gen = generateFlow(size, seed);
        const r = parseFlow(gen.xml, { fileName: `${gen.name}.flow-meta.xml` });
        if (!r.ok) throw new Error('generated flow did not parse');
        const g = buildGraph(r.doc);
        const last = g.nodes[g.nodes.length - 1]?.id as string;
        const p = pathsTo(g, last);
        if (!p.reachable) throw new Error('generated flows are connected');
        // Each element of the set but Start has a connector in the set coming in.
        for (const id of p.nodes)
          if (id !== S) expect(g.edges.some((e) => e.target === id && p.edges.has(e.id))).toBe(true);
        expect(p.count.count).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
