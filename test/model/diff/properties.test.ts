import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../../src/model/diff/index';
import { MUTATION_KINDS, mutateFlow } from '../../support/mutate';
import { generateFlow } from '../../support/generate';
import { buildGraph } from '../../../src/model/graph';
import { readCorpus } from '../../helpers/corpus';
import { parseDoc } from './helpers';
import { readDiff } from './mirror';
import { expectConsistent, expectEmpty, expectExactly, moveCoordinates } from './expect';

const generated = fc.record({ size: fc.integer({ min: 1, max: 120 }), seed: fc.integer({ min: 1, max: 1_000_000 }) });
const docOf = ({ size, seed }: { size: number; seed: number }) =>
  parseDoc(generateFlow(size, seed).xml, 'Generated.flow-meta.xml');

describe('diff properties (generated flows)', () => {
  it('diff(a, a) is empty', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const doc = docOf(g);
        expectEmpty(diffFlows(doc, structuredClone(doc)), buildGraph(doc).nodes.length);
      }),
      { numRuns: 40 },
    );
  });

  it('the same flow as Metadata XML and as Tooling JSON diffs empty, both ways', () => {
    fc.assert(
      fc.property(generated, ({ size, seed }) => {
        const gen = generateFlow(size, seed);
        const xml = parseDoc(gen.xml, `${gen.name}.flow-meta.xml`);
        const json = parseDoc(gen.json);
        expectEmpty(diffFlows(xml, json), size + 1);
        expectEmpty(diffFlows(json, xml), size + 1);
      }),
      { numRuns: 40 },
    );
  });

  it('coordinates-only changes give an empty diff', () => {
    fc.assert(
      fc.property(generated, fc.integer({ min: -500, max: 500 }), (g, dx) => {
        const doc = docOf(g);
        expectEmpty(diffFlows(doc, moveCoordinates(doc, dx)), buildGraph(doc).nodes.length);
      }),
      { numRuns: 40 },
    );
  });

  it('each random mutation (change, rewire, rename, add, remove, status) is reported exactly', () => {
    fc.assert(
      fc.property(
        generated,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...MUTATION_KINDS),
        (g, mseed, kind) => {
          const doc = docOf(g);
          const m = mutateFlow(doc, 1, mseed, [kind]);
          fc.pre(m.applied.length === 1);
          const d = diffFlows(doc, m.doc);
          expectExactly(d, doc, m.doc, m.expected);
          expectConsistent(d, doc, m.doc);
          expect(readDiff(diffFlows(m.doc, doc), true)).toEqual(readDiff(d, false));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('several independent mutations at once are each reported exactly, and reversing the diff mirrors it', () => {
    fc.assert(
      fc.property(
        generated,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 12 }),
        (g, mseed, count) => {
          const doc = docOf(g);
          const m = mutateFlow(doc, count, mseed);
          fc.pre(m.applied.length > 1);
          const ab = diffFlows(doc, m.doc);
          expectExactly(ab, doc, m.doc, m.expected);
          expectConsistent(ab, doc, m.doc);
          expect(readDiff(diffFlows(m.doc, doc), true)).toEqual(readDiff(ab, false));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('diff properties (real flows)', () => {
  it('the TemperatureMonitor flow as XML and as its Tooling record differs only in status (retrieved at different times)', () => {
    const xml = parseDoc(
      readCorpus('flows', 'mohan-chinnappan-n__cli-dx__TemperatureMonitor.flow'),
      'TemperatureMonitor.flow',
    );
    const json = parseDoc(readCorpus('tooling-json', 'mohan-chinnappan-n__cli-dx__TemperatureMonitor.json'));
    for (const [a, b, before, after] of [
      [xml, json, 'Obsolete', 'Active'],
      [json, xml, 'Active', 'Obsolete'],
    ] as const) {
      const d = diffFlows(a, b);
      expect(d.properties).toEqual([{ path: 'status', before, after }]);
      expectEmpty({ ...d, properties: [], summary: { ...d.summary, properties: 0 } }, buildGraph(a).nodes.length);
    }
  });
});
