import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSets, type ChangeSetEntry } from '../../src/model/changeSet';
import { diffFlows } from '../../src/model/diff/index';
import type { FlowDoc } from '../../src/model/types';
import { generateFlow } from '../support/generate';
import { MUTATION_KINDS, mutateFlow } from '../support/mutate';
import { moveCoordinates } from './diff/expect';
import { parseDoc } from './diff/helpers';

const generated = fc.record({ size: fc.integer({ min: 1, max: 80 }), seed: fc.integer({ min: 1, max: 1_000_000 }) });
const docOf = ({ size, seed }: { size: number; seed: number }) =>
  parseDoc(generateFlow(size, seed).xml, 'Generated.flow-meta.xml');
const entry = (name: string, doc: FlowDoc, text?: string): ChangeSetEntry => ({
  name,
  file: `flows/${name}.flow-meta.xml`,
  doc,
  ...(text !== undefined ? { text } : {}),
});

describe('compareSets: statuses and counts', () => {
  it('a flow compared with itself (a copy, or with only its coordinates moved) is unchanged', () => {
    fc.assert(
      fc.property(generated, fc.integer({ min: -300, max: 300 }), (g, dx) => {
        const doc = docOf(g);
        const set = compareSets([entry('F', doc)], [entry('F', structuredClone(doc)), entry('G', doc)]);
        expect(set.change('F')?.status).toBe('unchanged');
        expect(set.diff('F')).toBeDefined();
        const moved = compareSets([entry('F', doc)], [entry('F', moveCoordinates(doc, dx))]);
        expect(moved.change('F')).toMatchObject({
          status: 'unchanged',
          summary: { nodes: { added: 0, removed: 0, changed: 0, renamed: 0 }, edges: { added: 0, removed: 0 } },
          interface: [],
          callers: [],
        });
        expect(moved.counts()).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 1 });
      }),
      { numRuns: 30 },
    );
  });

  it('identical texts are unchanged without diffing', () => {
    const gen = generateFlow(10, 3);
    const doc = parseDoc(gen.xml, 'F.flow-meta.xml');
    const set = compareSets([entry('F', doc, gen.xml)], [entry('F', doc, gen.xml)]);
    expect(set.change('F')?.status).toBe('unchanged');
    expect(set.change('F')?.summary?.nodes).toEqual({ added: 0, removed: 0, changed: 0, renamed: 0 });
  });

  it('mutations make a flow changed, with the counts of its `diff --json` summary and of the edits made', () => {
    fc.assert(
      fc.property(generated, fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 6 }), (g, mseed, n) => {
        const doc = docOf(g);
        const m = mutateFlow(doc, n, mseed, MUTATION_KINDS);
        fc.pre(m.applied.length > 0);
        const set = compareSets([entry('F', doc)], [entry('F', m.doc)]);
        const f = set.change('F');
        const s = diffFlows(doc, m.doc).summary;
        expect(f?.status).toBe('changed');
        expect(f?.summary).toEqual({
          nodes: { added: s.nodes.added, removed: s.nodes.removed, changed: s.nodes.changed, renamed: s.nodes.renamed },
          edges: s.edges,
        });
        expect(f?.summary?.nodes.added).toBe(m.expected.added.length);
        expect(f?.summary?.nodes.removed).toBe(m.expected.removed.length);
        expect(f?.summary?.nodes.renamed).toBe(m.expected.renamed.length);
        expect(set.counts()).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('a status change alone (no element counts) still makes a flow changed', () => {
    const doc = docOf({ size: 12, seed: 9 });
    const m = mutateFlow(doc, 1, 4, ['status']);
    expect(m.applied).toHaveLength(1);
    const f = compareSets([entry('F', doc)], [entry('F', m.doc)]).change('F');
    expect(f?.status).toBe('changed');
    expect(f?.summary?.nodes).toEqual({ added: 0, removed: 0, changed: 0, renamed: 0 });
  });

  it('lists added and removed flows with their element counts, and no diff for them', () => {
    const a = docOf({ size: 7, seed: 1 });
    const b = docOf({ size: 4, seed: 2 });
    const set = compareSets([entry('Old', a)], [entry('New', b)]);
    expect(set.names).toEqual(['New', 'Old']);
    expect(set.change('Old')).toMatchObject({ status: 'removed', elements: 7, before: 'flows/Old.flow-meta.xml' });
    expect(set.change('New')).toMatchObject({ status: 'added', elements: 4, after: 'flows/New.flow-meta.xml' });
    expect(set.change('New')?.summary).toBeUndefined();
    expect(set.diff('New')).toBeUndefined();
    expect(set.diff('Old')).toBeUndefined();
    expect(set.change('Nothing')).toBeUndefined();
    expect(set.counts()).toEqual({ added: 1, removed: 1, changed: 0, unchanged: 0 });
  });

  it('a flow renamed with the same content is removed + added, each with a note naming the other', () => {
    const gen = generateFlow(6, 5);
    const doc = parseDoc(gen.xml, 'X.flow-meta.xml');
    const set = compareSets([entry('Before_Name', doc, gen.xml)], [entry('After_Name', doc, gen.xml)]);
    expect(set.change('Before_Name')?.status).toBe('removed');
    expect(set.change('Before_Name')?.note).toContain('After_Name');
    expect(set.change('After_Name')?.status).toBe('added');
    expect(set.change('After_Name')?.note).toContain('Before_Name');
  });

  it('notes a rename its source detected (similar content), and ignores one that does not fit the sets', () => {
    const a = docOf({ size: 8, seed: 2 });
    const b = mutateFlow(a, 1, 3, ['change']).doc;
    const set = compareSets([entry('Old', a), entry('Kept', a)], [entry('New', b), entry('Kept', a)], {
      renamed: [
        { from: 'Old', to: 'New' },
        { from: 'Kept', to: 'New' },
      ],
    });
    expect(set.change('Old')).toMatchObject({
      status: 'removed',
      note: 'renamed to New (by git): shown as removed + added',
    });
    expect(set.change('New')).toMatchObject({
      status: 'added',
      note: 'renamed from Old (by git): shown as removed + added',
    });
    expect(set.change('Kept')?.note).toBeUndefined();
  });

  it('orders flows by size of change, largest first, unchanged last', () => {
    const base = docOf({ size: 40, seed: 11 });
    const small = mutateFlow(base, 1, 1, ['change']).doc;
    const big = mutateFlow(base, 8, 2, ['add', 'remove', 'rename']).doc;
    const set = compareSets(
      [entry('Small', base), entry('Big', base), entry('Same', base), entry('Gone', docOf({ size: 3, seed: 4 }))],
      [entry('Small', small), entry('Big', big), entry('Same', base)],
    );
    const order = set.flows().map((f) => f.name);
    expect(order[order.length - 1]).toBe('Same');
    expect(order.indexOf('Big')).toBeLessThan(order.indexOf('Small'));
    expect(set.flows().map((f) => f.status)).toEqual(['changed', 'removed', 'changed', 'unchanged']);
  });

  it('diffs lazily: pairing computes no diff, and a diff asked twice is the same object', () => {
    const base = docOf({ size: 20, seed: 3 });
    const m = mutateFlow(base, 2, 5).doc;
    const set = compareSets([entry('F', base)], [entry('F', m)]);
    expect(set.pair('F')?.before?.doc).toBe(base);
    expect(set.diff('F')).toBe(set.diff('F'));
  });

  it('keeps flows named like Object.prototype members apart', () => {
    const a = docOf({ size: 5, seed: 1 });
    const b = mutateFlow(a, 2, 7).doc;
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const set = compareSets(
      names.map((n) => entry(n, a)),
      [entry('__proto__', b), entry('constructor', a), entry('valueOf', a)],
    );
    expect(set.names).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']);
    expect(set.change('__proto__')?.status).toBe('changed');
    expect(set.change('constructor')?.status).toBe('unchanged');
    expect(set.change('toString')?.status).toBe('removed');
    expect(set.change('valueOf')?.status).toBe('added');
    expect(set.counts()).toEqual({ added: 1, removed: 2, changed: 1, unchanged: 1 });
    expect(Object.hasOwn(Object.prototype, 'status')).toBe(false);
  });

  it('compares the first of a repeated name and says which entries it passed over', () => {
    const a = docOf({ size: 5, seed: 1 });
    const set = compareSets([entry('F', a), { name: 'F', file: 'other/F.flow-meta.xml', doc: a }], [entry('F', a)]);
    expect(set.duplicates).toEqual([{ side: 'before', name: 'F', file: 'other/F.flow-meta.xml' }]);
    expect(set.change('F')?.status).toBe('unchanged');
  });
});
