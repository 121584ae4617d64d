import { expect } from 'vitest';
import { isEmptyDiff } from '../../../src/model/diff/index';
import type { ExpectedDiff } from '../../support/mutate';
import type { FlowDiff } from '../../../src/model/diff/types';
import { buildGraph } from '../../../src/model/graph';
import { isObj, type FlowDoc, type Obj, type Value } from '../../../src/model/types';

/** Shared expectations of the differ's tests. */
export function expectEmpty(d: FlowDiff, nodeCount: number): void {
  expect(isEmptyDiff(d)).toBe(true);
  expect(d.nodes.every((n) => n.status === 'unchanged' && n.changes.length === 0)).toBe(true);
  expect(d.edges.every((e) => e.status === 'unchanged')).toBe(true);
  expect(d.rewired).toEqual([]);
  expect(d.properties).toEqual([]);
  expect(d.resources.every((r) => r.status === 'unchanged')).toBe(true);
  expect(d.graph.nodes).toHaveLength(nodeCount);
  expect(
    d.graph.nodes.every((n) => n.status === 'unchanged') && d.graph.edges.every((e) => e.status === 'unchanged'),
  ).toBe(true);
}

/** Every locationX/Y moved, at any depth (auto-layout flows rewrite them on each save). */
export function moveCoordinates(doc: FlowDoc, dx: number): FlowDoc {
  const move = (v: Value, field?: string): Value => {
    if (typeof v === 'string') return field === 'locationX' || field === 'locationY' ? String(Number(v) * 3 + dx) : v;
    if (Array.isArray(v)) return v.map((x) => move(x));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x, k)]));
  };
  const out = structuredClone(doc);
  for (const el of out.elements) el.data = move(el.data) as Obj;
  if (out.start) out.start = move(out.start) as Obj;
  if (isObj(out.start) && out.start.locationX === undefined) out.start.locationX = String(dx);
  return out;
}

const edgeBag = (doc: FlowDoc) => buildGraph(doc).edges.map((e) => `${e.source}>${e.target} ${e.kind} ${e.key ?? ''}`);
function bagMinus(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a
    .filter((x) => {
      const i = rest.indexOf(x);
      if (i < 0) return true;
      rest.splice(i, 1);
      return false;
    })
    .sort();
}

export function expectExactly(d: FlowDiff, before: FlowDoc, after: FlowDoc, exp: ExpectedDiff): void {
  const ids = (status: string) =>
    d.nodes
      .filter((n) => n.status === status)
      .map((n) => n.id)
      .sort();
  expect(ids('added')).toEqual([...exp.added].sort());
  expect(ids('removed')).toEqual([...exp.removed].sort());
  expect(d.nodes.filter((n) => n.status === 'renamed').map((n) => [n.renamedFrom, n.id, n.changes])).toEqual(
    expect.arrayContaining(exp.renamed.map(([b, a]) => [b, a, []])),
  );
  expect(ids('renamed')).toHaveLength(exp.renamed.length);
  const changed = d.nodes.filter((n) => n.status === 'changed').map((n) => ({ id: n.id, changes: n.changes }));
  expect(changed.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
    [...exp.changed].sort((x, y) => (x.id < y.id ? -1 : 1)),
  );
  const rw = (r: { source: string; kind: string; key?: string; before: string; after: string }) =>
    `${r.source} ${r.kind} ${r.key ?? ''} ${r.before}>${r.after}`;
  expect(d.rewired.map(rw).sort()).toEqual(exp.rewired.map(rw).sort());
  expect(d.properties).toEqual(exp.properties);
  expect(d.resources.every((r) => r.status === 'unchanged')).toBe(true);
  const show = (s: string) =>
    d.edges
      .filter((e) => e.status === s)
      .map((e) => `${e.source}>${e.target} ${e.kind} ${e.key ?? ''}`)
      .sort();
  expect(show('added')).toEqual(bagMinus(edgeBag(after), edgeBag(before)));
  expect(show('removed')).toEqual(bagMinus(edgeBag(before), edgeBag(after)));
}

/** The summary counts the lists; the union graph has unique ids, real endpoints and every node of both sides. */
export function expectConsistent(d: FlowDiff, before: FlowDoc, after: FlowDoc): void {
  const gb = buildGraph(before);
  const ga = buildGraph(after);
  const [nodesBefore, nodesAfter, edgesBefore, edgesAfter] = [
    gb.nodes.length,
    ga.nodes.length,
    gb.edges.length,
    ga.edges.length,
  ];
  const count = <T extends { status: string }>(xs: T[], s: string) => xs.filter((x) => x.status === s).length;
  for (const s of ['added', 'removed', 'changed', 'renamed', 'unchanged'] as const)
    expect(d.summary.nodes[s]).toBe(count(d.nodes, s));
  expect(d.summary.edges).toEqual({ added: count(d.edges, 'added'), removed: count(d.edges, 'removed') });
  expect(d.summary.resources).toEqual({
    added: count(d.resources, 'added'),
    removed: count(d.resources, 'removed'),
    changed: count(d.resources, 'changed'),
    renamed: count(d.resources, 'renamed'),
  });
  expect(d.summary.properties).toBe(d.properties.length);
  const ids = new Set(d.graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(d.graph.nodes.length);
  expect(new Set(d.graph.edges.map((e) => e.id)).size).toBe(d.graph.edges.length);
  expect(d.graph.edges.filter((e) => !ids.has(e.source) || !ids.has(e.target))).toEqual([]);
  expect(d.graph.nodes.filter((n) => n.status !== 'added')).toHaveLength(nodesBefore);
  expect(d.graph.nodes.filter((n) => n.status !== 'removed')).toHaveLength(nodesAfter);
  // Hiding what was added shows the before picture, hiding what was removed the after one.
  expect(d.graph.edges.filter((e) => e.status !== 'added')).toHaveLength(edgesBefore);
  expect(d.graph.edges.filter((e) => e.status !== 'removed')).toHaveLength(edgesAfter);
  for (const n of d.nodes) expect(ids.has(n.graphId ?? n.id)).toBe(true);
  // Every union node names what it stands for on each side: each version's nodes exactly once.
  const sorted = (xs: (string | undefined)[]) => xs.filter((x) => x !== undefined).sort();
  expect(sorted(d.graph.nodes.map((n) => n.beforeId))).toEqual(sorted(gb.nodes.map((n) => n.id)));
  expect(sorted(d.graph.nodes.map((n) => n.afterId))).toEqual(sorted(ga.nodes.map((n) => n.id)));
  for (const n of d.graph.nodes) {
    expect(n.beforeId === undefined).toBe(n.status === 'added');
    expect(n.afterId === undefined ? n.status === 'removed' : n.afterId === n.id).toBe(true);
  }
  // The one connector list: unique keys, real union edges, counted by the summary.
  const edgeIds = new Set(d.graph.edges.map((e) => e.id));
  expect(new Set(d.connectors.map((c) => c.id)).size).toBe(d.connectors.length);
  for (const c of d.connectors) for (const id of c.edgeIds) expect(edgeIds.has(id)).toBe(true);
  const changedEdges = d.graph.edges.filter((e) => e.status !== 'unchanged').map((e) => e.id);
  expect(
    d.connectors
      .filter((c) => c.status !== 'relabelled')
      .flatMap((c) => c.edgeIds)
      .sort(),
  ).toEqual(changedEdges.sort());
  const c = d.summary.connectors;
  expect([c.added, c.removed, c.rewired, c.relabelled]).toEqual(
    (['added', 'removed', 'rewired', 'relabelled'] as const).map((s) => count(d.connectors, s)),
  );
  expect(c.rewired).toBe(d.rewired.length);
}
