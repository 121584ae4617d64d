import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffMarkdown } from '../../src/cli/diffMarkdown';
import { diffFlows, parseFlow, type FlowDoc } from '../../src/index';
import { corpusPairs, readCorpus } from '../helpers/corpus';
import { generateFlow } from '../support/generate';
import { mutateFlow } from '../support/mutate';

/** What a reader of `diff --md` must never see: a metadata path, a type tag, escaped HTML. */
const FORBIDDEN: [string, RegExp][] = [
  ['metadata path', /\w+\[[^\]]*\]\./],
  ['list index', /\[\d+\]/],
  ['type tag', /stringValue|numberValue|booleanValue|elementReference|dateTimeValue|dateValue/],
  ['escaped HTML', /&lt;|&gt;|&amp;|&quot;|&#/],
];
const problems = (md: string) =>
  FORBIDDEN.filter(([, re]) => re.test(md)).map(([what, re]) => `${what}: ${md.match(re)?.[0]}`);

function parse(text: string, name: string): FlowDoc {
  const r = parseFlow(text, { fileName: name });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.doc;
}

describe('diff --md says every change in Builder words', () => {
  it('for every version pair of the corpus: no metadata path, type tag or escaped HTML', () => {
    const pairs = corpusPairs();
    expect(pairs.length).toBeGreaterThan(50);
    const bad: string[] = [];
    for (const dir of pairs) {
      const a = parse(readCorpus(`pairs/${dir}`, 'a.flow-meta.xml'), 'a.flow-meta.xml');
      const b = parse(readCorpus(`pairs/${dir}`, 'b.flow-meta.xml'), 'b.flow-meta.xml');
      // As `diff --md` and `pr` call it, and the other way round.
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const md = diffMarkdown(diffFlows(x, y), { title: y.label, before: x, after: y, maxChanges: 100 });
        for (const p of problems(md)) bad.push(`${dir}: ${p}`);
      }
    }
    expect(bad).toEqual([]);
  }, 60_000);

  it('random edits of generated flows never give those patterns, nor throw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        (size, seed, mseed, count) => {
          const doc = parse(generateFlow(size, seed).xml, 'Generated.flow-meta.xml');
          const m = mutateFlow(doc, count, mseed);
          const md = diffMarkdown(diffFlows(doc, m.doc), { before: doc, after: m.doc, maxChanges: 100 });
          expect(problems(md)).toEqual([]);
          // Without the two versions the words come from the changes alone: still no path.
          expect(problems(diffMarkdown(diffFlows(doc, m.doc)))).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  it('hostile names and values (brackets, entities, tags) in a change stay words', () => {
    const piece = fc.oneof(
      fc.constantFrom('[0]', 'a[b].c', '&amp;', '&lt;p&gt;', '<p>', '&#39;', '`', '|', '__proto__'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        (n, v) => {
          const name = n.join('');
          const value = v.join('');
          const flow = (label: string, text: string) =>
            parse(
              `<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><decisions><name>D</name>` +
                `<label>${esc(label)}</label><locationX>0</locationX><locationY>0</locationY><rules><name>R</name>` +
                `<conditionLogic>and</conditionLogic><conditions><leftValueReference>${esc(name)}</leftValueReference>` +
                `<operator>EqualTo</operator><rightValue><stringValue>${esc(text)}</stringValue></rightValue></conditions>` +
                `<label>${esc(name)}</label></rules></decisions><label>F</label>` +
                '<start><connector><targetReference>D</targetReference></connector></start></Flow>',
              'F.flow-meta.xml',
            );
          const a = flow('A', 'x');
          const b = flow(name, value);
          const md = diffMarkdown(diffFlows(a, b), { before: a, after: b });
          expect(problems(md)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

const esc = (s: string) =>
  s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
