import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLD_TYPE, type FoldedGraph, foldChanges, isChangedEdge } from '../../../src/model/diff/fold';
import { diffFlows } from '../../../src/model/diff/index';
import type { DiffGraph, EdgeStatus, NodeStatus } from '../../../src/model/diff/types';
import { generateFlow } from '../../support/generate';
import { mutateFlow } from '../../support/mutate';
import { readCorpus, corpusPairs } from '../../helpers/corpus';
import { parseDoc } from './helpers';

type E = [source: string, target: string, status?: EdgeStatus, kind?: 'next' | 'fault' | 'outcome'];
/** A union graph from node statuses and edges (a `changed` node is any other status). */
function union(nodes: Record<string, NodeStatus>, edges: E[]): DiffGraph {
  return {
    flow: { name: 'F', label: 'F' },
    warnings: [],
    nodes: Object.entries(nodes).map(([id, status]) => ({
      id,
      type: id === '$start' ? 'start' : 'assignments',
      label: id.toUpperCase(),
      status,
    })),
    edges: edges.map(([source, target, status = 'unchanged', kind = 'next'], i) => ({
      id: `${source}->${target}#${kind}#${i}`,
      source,
      target,
      kind,
      key: kind === 'outcome' ? `o${i}` : undefined,
      goTo: false,
      status,
    })),
  };
}
/** start → n1 → … → n{count}, every element unchanged but those given. */
function chain(count: number, statuses: Record<string, NodeStatus> = {}): DiffGraph {
  const nodes: Record<string, NodeStatus> = { $start: 'unchanged' };
  const edges: E[] = [];
  for (let i = 1; i <= count; i++) {
    nodes[`n${i}`] = statuses[`n${i}`] ?? 'unchanged';
    edges.push([i === 1 ? '$start' : `n${i - 1}`, `n${i}`]);
  }
  return union(nodes, edges);
}
const ids = (f: FoldedGraph) => f.graph.nodes.map((n) => n.id);
const arrows = (f: FoldedGraph) => f.graph.edges.map((e) => `${e.source}>${e.target}`).sort();

describe('Changes only folds unchanged runs as GitHub folds lines', () => {
  it('keeps a change with one element before and after it, and folds the runs on either side inline', () => {
    const f = foldChanges(chain(12, { n6: 'changed' }));
    expect(ids(f)).toEqual(['$start', 'fold:n1', 'n5', 'n6', 'n7', 'fold:n8']);
    expect(f.folds.map((x) => x.members)).toEqual([
      ['n1', 'n2', 'n3', 'n4'],
      ['n8', 'n9', 'n10', 'n11', 'n12'],
    ]);
    expect(f.graph.nodes.find((n) => n.id === 'fold:n1')).toMatchObject({ type: FOLD_TYPE, label: '… 4 unchanged' });
    // One connected flow: Start → fold → context → change → context → fold.
    expect(arrows(f)).toEqual(['$start>fold:n1', 'fold:n1>n5', 'n5>n6', 'n6>n7', 'n7>fold:n8'].sort());
  });

  it('shows a lone unchanged element between shown ones rather than "… 1 unchanged"', () => {
    const f = foldChanges(chain(7, { n2: 'changed', n6: 'added' }));
    expect(f.folds).toEqual([]);
    expect(ids(f)).toHaveLength(8);
  });

  it('parallel runs between the same two shown elements share one fold', () => {
    // c1 (changed) → d (context, a decision) → [p1 → p2] and [q1 → q2 → q3] → m (context) → c2 (changed)
    const g = union(
      { $start: 'unchanged', c1: 'changed', d: 'unchanged', p1: 'unchanged', p2: 'unchanged', q1: 'unchanged' },
      [
        ['$start', 'c1'],
        ['c1', 'd'],
        ['d', 'p1', 'unchanged', 'outcome'],
        ['p1', 'p2'],
        ['d', 'q1', 'unchanged', 'outcome'],
      ],
    );
    g.nodes.push(
      ...['q2', 'q3', 'm'].map((id) => ({ id, type: 'assignments', label: id, status: 'unchanged' as const })),
      { id: 'c2', type: 'assignments', label: 'c2', status: 'removed' },
    );
    for (const [s, t] of [
      ['q1', 'q2'],
      ['q2', 'q3'],
      ['p2', 'm'],
      ['q3', 'm'],
      ['m', 'c2'],
    ] as const)
      g.edges.push({ id: `${s}-${t}`, source: s, target: t, kind: 'next', goTo: false, status: 'unchanged' });
    const f = foldChanges(g);
    expect(f.folds.map((x) => x.members)).toEqual([['p1', 'p2', 'q1', 'q2', 'q3']]);
    // Both outcomes lead into the one fold, each with its own outcome; one connector leaves it.
    const into = f.graph.edges.filter((e) => e.target === 'fold:p1');
    expect(into.map((e) => [e.source, e.kind, e.key])).toEqual([
      ['d', 'outcome', 'o2'],
      ['d', 'outcome', 'o4'],
    ]);
    expect(f.graph.edges.filter((e) => e.source === 'fold:p1').map((e) => [e.target, e.kind])).toEqual([['m', 'next']]);
  });

  it('a connector that only changed its label is a change; its ends and their neighbours are shown', () => {
    const g = chain(9);
    const e = g.edges[4];
    if (!e) throw new Error('no edge');
    e.label = 'new';
    e.before = { source: e.source, target: e.target, label: 'old', goTo: false };
    expect(isChangedEdge(e)).toBe(true);
    expect([...foldChanges(g).changed].sort()).toEqual(['n4', 'n5']);
  });

  it('with no change, nothing is a change (the view says so); with everything changed, nothing folds', () => {
    expect(foldChanges(chain(6)).changed.size).toBe(0);
    const all = chain(5, { n1: 'added', n2: 'changed', n3: 'renamed', n4: 'removed', n5: 'changed' });
    const f = foldChanges(all);
    expect(f.folds).toEqual([]);
    expect(f.graph.nodes).toEqual(all.nodes);
    expect(f.graph.edges).toEqual(all.edges);
  });

  it('draws what the reader expanded instead of its fold', () => {
    const g = chain(12, { n6: 'changed' });
    const f = foldChanges(g, new Set(['n1', 'n2', 'n3', 'n4']));
    expect(f.folds.map((x) => x.members)).toEqual([['n8', 'n9', 'n10', 'n11', 'n12']]);
    expect(ids(f)).toContain('n2');
  });
});

/** The invariants of every folded graph, against the union graph it folds. */
function expectFolded(u: DiffGraph, f: FoldedGraph, reveal: ReadonlySet<string> = new Set()) {
  const shown = new Set(f.graph.nodes.filter((n) => n.type !== FOLD_TYPE).map((n) => n.id));
  const foldIds = new Set(f.folds.map((x) => x.id));
  // Well formed: unique ids, every connector between two of its nodes.
  const nodeIds = f.graph.nodes.map((n) => n.id);
  expect(new Set(nodeIds).size).toBe(nodeIds.length);
  expect(new Set(f.graph.edges.map((e) => e.id)).size).toBe(f.graph.edges.length);
  for (const e of f.graph.edges) expect(nodeIds.includes(e.source) && nodeIds.includes(e.target)).toBe(true);
  // Every change is shown, with its neighbours on every path; so is anything revealed.
  for (const n of u.nodes) if (n.status !== 'unchanged') expect(shown.has(n.id)).toBe(true);
  for (const e of u.edges) {
    if (isChangedEdge(e)) expect(shown.has(e.source) && shown.has(e.target)).toBe(true);
    if (f.changed.has(e.source) || f.changed.has(e.target))
      expect(shown.has(e.source) && shown.has(e.target)).toBe(true);
  }
  for (const id of reveal) expect(shown.has(id)).toBe(true);
  // Every other element is shown or in exactly one fold; a fold stands for two or more unchanged elements.
  const counted = new Map<string, number>();
  for (const fold of f.folds) {
    expect(fold.members.length).toBeGreaterThanOrEqual(2);
    expect(f.graph.nodes.find((n) => n.id === fold.id)?.label).toBe(`… ${fold.members.length} unchanged`);
    for (const m of fold.members) {
      counted.set(m, (counted.get(m) ?? 0) + 1);
      expect(f.foldOf.get(m)).toBe(fold.id);
    }
  }
  for (const n of u.nodes) {
    const folds = counted.get(n.id) ?? 0;
    expect(folds + (shown.has(n.id) ? 1 : 0)).toBe(1);
    if (folds > 0) expect(n.status).toBe('unchanged');
  }
  // Connected wherever the union graph was: each union connector is inside one fold or drawn between
  // the nodes that stand for its ends; so a fold is no orphan unless its elements were one on their own.
  const at = (id: string) => f.foldOf.get(id) ?? id;
  const drawn = new Set(f.graph.edges.map((e) => `${e.source}\n${e.target}`));
  for (const e of u.edges) {
    const [s, t] = [at(e.source), at(e.target)];
    if (s !== t || !foldIds.has(s)) expect(drawn.has(`${s}\n${t}`)).toBe(true);
  }
  // And nothing is drawn that the union graph does not connect.
  const linked = new Set(u.edges.map((e) => `${at(e.source)}\n${at(e.target)}`));
  for (const k of drawn) expect(linked.has(k)).toBe(true);
  expect(f.graph.nodes.length).toBeLessThanOrEqual(u.nodes.length);
}

const generated = fc.record({
  size: fc.integer({ min: 1, max: 120 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  mseed: fc.integer({ min: 1, max: 1_000_000 }),
  count: fc.integer({ min: 0, max: 6 }),
});

describe('Changes only (generated flows, random edits)', () => {
  it('shows every change with its context, folds every other element exactly once, stays connected', () => {
    fc.assert(
      fc.property(generated, fc.integer({ min: 0, max: 5 }), ({ size, seed, mseed, count }, pick) => {
        const doc = parseDoc(generateFlow(size, seed).xml, 'Generated.flow-meta.xml');
        const m = mutateFlow(doc, count, mseed);
        const u = diffFlows(doc, m.doc).graph;
        const f = foldChanges(u);
        expectFolded(u, f);
        if (m.applied.length === 0) expect(f.changed.size).toBe(0);
        // Expanding a fold keeps every invariant and shows what it stood for.
        const fold = f.folds[pick % Math.max(1, f.folds.length)];
        if (fold) {
          const reveal = new Set(fold.members);
          expectFolded(u, foldChanges(u, reveal), reveal);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('folds a long flow with one edit down to a few nodes', () => {
    const doc = parseDoc(generateFlow(120, 7).xml, 'Generated.flow-meta.xml');
    const m = mutateFlow(doc, 1, 3, ['change']);
    const u = diffFlows(doc, m.doc).graph;
    const f = foldChanges(u);
    expectFolded(u, f);
    expect(f.graph.nodes.length).toBeLessThan(u.nodes.length / 3);
  });
});

describe('Changes only (real version pairs)', () => {
  it('holds the same invariants on every pair of the corpus', () => {
    for (const pair of corpusPairs()) {
      const a = parseDoc(readCorpus(`pairs/${pair}`, 'a.flow-meta.xml'), 'a.flow-meta.xml');
      const b = parseDoc(readCorpus(`pairs/${pair}`, 'b.flow-meta.xml'), 'b.flow-meta.xml');
      const u = diffFlows(a, b).graph;
      expectFolded(u, foldChanges(u));
    }
  });
});
