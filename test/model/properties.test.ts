import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFlow } from '../support/generate';
import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { readCorpus } from '../helpers/corpus';
import { fixture } from '../helpers/fixtures';

const sorted = <T>(xs: T[], key: (x: T) => string) => xs.map(key).sort();

describe('generated flows round-trip XML → FlowDoc → graph', () => {
  it('has exactly the nodes and edges the metadata defines, and the Tooling JSON of it agrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 160 }), fc.integer({ min: 1, max: 1_000_000 }), (size, seed) => {
        const gen = generateFlow(size, seed);
        const xml = parseFlow(gen.xml, { fileName: `${gen.name}.flow-meta.xml` });
        const json = parseFlow(gen.json);
        if (!xml.ok || !json.ok) throw new Error('generated flow did not parse');
        const g = buildGraph(xml.doc);
        expect(g.nodes.length).toBe(size + 1);
        expect(sorted(g.nodes, (n) => `${n.id}:${n.type}`)).toEqual(
          sorted(gen.expected.nodes, (n) => `${n.id}:${n.type}`),
        );
        const key = (e: { source: string; target: string; kind: string; goTo: boolean }) =>
          `${e.source}>${e.target}#${e.kind}${e.goTo ? '!' : ''}`;
        expect(sorted(g.edges, key)).toEqual(sorted(gen.expected.edges, key));
        expect(g.nodes.some((n) => n.unreachable)).toBe(false);
        expect(json.doc).toEqual(xml.doc);
        expect(buildGraph(json.doc)).toEqual(g);
      }),
      { numRuns: 60 },
    );
  });
});

describe('damaged input never throws', () => {
  const sources = [
    fixture('Opportunity_Review.flow-meta.xml'),
    fixture('Opportunity_Review.tooling.json'),
    readCorpus('flows', 'mohan-chinnappan-n__cli-dx__TemperatureMonitor.flow'),
    readCorpus('tooling-json', 'shreyas-girjapure__Orphan-Node-Identifier__debugFlowSample.json'),
  ];
  const parseAndGraph = (text: string) => {
    const r = parseFlow(text);
    if (r.ok) buildGraph(r.doc);
    else expect(r.error.message.length).toBeGreaterThan(0);
  };

  it('truncations of real files give a flow or a message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) =>
        parseAndGraph(text.slice(0, Math.floor(text.length * at))),
      ),
      { numRuns: 300 },
    );
  });

  it('random edits (delete, insert, replace a span) give a flow or a message', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 40 }),
      fc.string({
        maxLength: 12,
        unit: fc.constantFrom(
          '<',
          '>',
          '/',
          '"',
          '{',
          '}',
          '[',
          ']',
          ':',
          ',',
          '&',
          ';',
          'a',
          ' ',
          '\n',
          'null',
          'connector',
          '\u0000',
        ),
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 5 }), (text, edits) => {
        let t = text;
        for (const [pos, len, insert] of edits) {
          const p = pos % (t.length + 1);
          t = t.slice(0, p) + insert + t.slice(p + len);
        }
        parseAndGraph(t);
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON value gives a flow or a message', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => parseAndGraph(JSON.stringify(v) ?? 'null')),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) =>
        parseAndGraph(JSON.stringify({ Metadata: { label: 'x', decisions: [v], start: v } })),
      ),
      { numRuns: 300 },
    );
  });
});
