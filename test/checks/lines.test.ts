import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowLines } from '../../src/checks/lines';
import { parseFlow } from '../../src/index';
import { corpusFiles, readCorpus } from '../helpers/corpus';
import { generateFlow } from '../support/generate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A flow written line by line, remembering the line of each element's and resource's own `<name>`. */
interface Written {
  xml: string;
  lines: Map<string, number>;
  names: string[];
}

const NESTED = ['rules', 'inputAssignments', 'outputAssignments', 'filters', 'scheduledPaths', 'fields'];

const block = fc.record({
  type: fc.constantFrom('decisions', 'recordUpdates', 'loops', 'screens', 'variables', 'formulas', 'actionCalls'),
  // Nested blocks with a `<name>` of their own, before and after the element's name.
  before: fc.array(fc.constantFrom(...NESTED), { maxLength: 3 }),
  after: fc.array(fc.constantFrom(...NESTED), { maxLength: 3 }),
  indent: fc.constantFrom('', '  ', '\t'),
  // Fields on the same line as the name, comments, blank lines.
  oneLine: fc.boolean(),
  comment: fc.boolean(),
  blank: fc.nat({ max: 2 }),
});

type Block = typeof block extends fc.Arbitrary<infer T> ? T : never;

function write(blocks: Block[]): Written {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<Flow xmlns="http://soap.sforce.com/2006/04/metadata">'];
  out.push('    <apiVersion>62.0</apiVersion>');
  const lines = new Map<string, number>();
  const names: string[] = [];
  blocks.forEach((b, i) => {
    const name = `El_${i}`;
    names.push(name);
    const p = b.indent;
    out.push(`${p}<${b.type}>`);
    if (b.comment) out.push(`${p}  <!-- <name>${name}_not</name> -->`);
    // A nested block reuses another element's name: the look-up must not take it.
    for (const [j, n] of b.before.entries())
      out.push(
        `${p}  <${n}>`,
        `${p}    <name>${j === 0 && i > 0 ? `El_${i - 1}` : `${name}_${n}`}</name>`,
        `${p}  </${n}>`,
      );
    for (let k = 0; k < b.blank; k++) out.push('');
    if (b.oneLine) out.push(`${p}  <label>L ${esc('<&>')}</label><name>${name}</name><x/>`);
    else out.push(`${p}  <name>`, `${p}${name}`, `${p}  </name>`);
    lines.set(name, out.length - (b.oneLine ? 0 : 2));
    for (const n of b.after) out.push(`${p}  <${n}><name>${name}_${n}_after</name></${n}>`);
    out.push(`${p}</${b.type}>`);
  });
  out.push('</Flow>', '');
  return { xml: out.join('\n'), lines, names };
}

describe('flowLines', () => {
  it("finds the line of each element's own <name>, never a nested one (property)", () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
        const w = write(blocks);
        const found = flowLines(w.xml);
        for (const name of w.names) expect(found.name(name)).toBe(w.lines.get(name));
        expect(found.field('apiVersion')).toBe(3);
        // Names only nested blocks have are not elements.
        expect(found.name('El_0_rules')).toBeUndefined();
      }),
    );
  });

  it('numbers a repeated name as the graph does (Name~2 is the second)', () => {
    const xml = [
      '<Flow>',
      '<assignments><name>A</name></assignments>',
      '<decisions><rules><name>A</name></rules><name>A</name></decisions>',
      '</Flow>',
    ].join('\n');
    const found = flowLines(xml);
    expect([found.name('A'), found.name('A', 2), found.name('A', 3)]).toEqual([2, 3, undefined]);
  });

  it('finds every generated flow element in XML and in Tooling JSON on a line that holds its name', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const g = generateFlow(60, seed);
      for (const [text, pattern] of [
        [g.xml, (n: string) => `<name>${n}</name>`],
        [g.json, (n: string) => `"${n}"`],
      ] as const) {
        const found = flowLines(text);
        const rows = text.split('\n');
        for (const el of g.elements) {
          const line = found.name(el.name);
          expect(line, `${el.name} (seed ${seed})`).toBeDefined();
          expect(rows[(line as number) - 1]).toContain(pattern(el.name));
        }
      }
    }
  });

  it('reads a Tooling record: names in the Metadata element arrays, not in nested objects', () => {
    const json = JSON.stringify(
      {
        Id: '301000000000001',
        FullName: 'F',
        Metadata: {
          apiVersion: 60,
          recordUpdates: [{ inputAssignments: [{ name: 'Get_X' }], name: 'Update_X' }],
          recordLookups: [{ name: 'Get_X', filters: [{ name: 'Update_X' }] }],
          start: { connector: { targetReference: 'Get_X' } },
        },
      },
      null,
      2,
    );
    const found = flowLines(json);
    const rows = json.split('\n');
    const at = (n: number | undefined) => rows[(n ?? 0) - 1]?.trim();
    expect(at(found.name('Update_X'))).toBe('"name": "Update_X"');
    expect(found.name('Update_X', 2)).toBeUndefined();
    expect(found.name('Get_X', 2)).toBeUndefined();
    expect(rows[(found.name('Get_X') as number) - 2]?.trim()).toBe('{');
    expect(at(found.field('start'))).toBe('"start": {');
    expect(at(found.field('apiVersion'))).toBe('"apiVersion": 60,');
  });

  it('finds every element and resource of every corpus flow on the line of its <name>', () => {
    let scanMs = 0;
    let checked = 0;
    for (const file of corpusFiles('flows')) {
      const text = readCorpus('flows', file);
      const parsed = parseFlow(text, { fileName: file });
      if (!parsed.ok) continue;
      const t0 = performance.now();
      const found = flowLines(text);
      scanMs += performance.now() - t0;
      const rows = text.split('\n');
      const seen = new Map<string, number>();
      for (const item of [...parsed.doc.elements, ...parsed.doc.resources]) {
        const n = (seen.get(item.name) ?? 0) + 1;
        seen.set(item.name, n);
        const line = found.name(item.name, n);
        expect(line, `${file}: ${item.name}`).toBeDefined();
        expect(rows[(line as number) - 1], `${file}: ${item.name}`).toMatch(/<name>/);
        expect(rows.slice((line as number) - 1, (line as number) + 2).join('\n')).toContain(esc(item.name));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000);
    // One scan per file: the whole corpus in well under two seconds, even on a loaded machine.
    expect(scanMs).toBeLessThan(2000);
  });

  it('finds every element of the corpus Tooling JSON on its "name" line', () => {
    for (const file of corpusFiles('tooling-json')) {
      const text = readCorpus('tooling-json', file);
      const parsed = parseFlow(text, { fileName: file });
      if (!parsed.ok) continue;
      const found = flowLines(text);
      const rows = text.split('\n');
      for (const el of parsed.doc.elements) {
        const line = found.name(el.name);
        expect(line, `${file}: ${el.name}`).toBeDefined();
        if (rows.length > 1) expect(rows[(line as number) - 1]).toMatch(new RegExp(`"name"\\s*:\\s*"${el.name}"`));
      }
    }
  });
});
