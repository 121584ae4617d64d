import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { describeElement } from '../../src/describe/element';
import { describeFlow } from '../../src/describe/flow';
import { describeResource } from '../../src/describe/resources';
import { describeStart } from '../../src/describe/start';
import type { Row, Section } from '../../src/describe/types';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

function corpusFiles(): string[] {
  if (!existsSync(path.join(CORPUS, 'flows')))
    throw new Error(`The flow corpus is missing at ${CORPUS}: the details tests need it (never skipped).`);
  const list = (dir: string) =>
    readdirSync(path.join(CORPUS, dir))
      .filter((f) => /\.(flow-meta\.xml|flow|json)$/.test(f))
      .sort()
      .map((f) => `${dir}/${f}`);
  return [...list('flows'), ...(existsSync(path.join(CORPUS, 'tooling-json')) ? list('tooling-json') : [])];
}

/** Every section has rows; every row is text (no "undefined", no "[object Object]", no JSON). */
function problems(where: string, sections: Section[]): string[] {
  const out: string[] = [];
  if (sections.length === 0) out.push(`${where}: no sections`);
  const check = (rows: Row[], at: string) => {
    for (const r of rows) {
      for (const t of [r.label, r.value]) {
        if (typeof t !== 'string') out.push(`${at}: a non-string ${String(t)}`);
        else if (/\bundefined\b|\[object Object\]/.test(t)) out.push(`${at} / ${r.label}: "${t.slice(0, 80)}"`);
      }
      if (r.label === '') out.push(`${at}: a row without a label`);
      if (r.value === '' && !r.children?.length) out.push(`${at} / ${r.label}: an empty row`);
      if (r.children) check(r.children, `${at} / ${r.label}`);
    }
  };
  for (const s of sections) {
    if (s.rows.length === 0) out.push(`${where} / ${s.title}: an empty section`);
    check(s.rows, `${where} / ${s.title}`);
  }
  return out;
}

describe('the describe functions over the whole corpus', () => {
  const files = corpusFiles();
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('describes every element, start, resource and flow of every corpus flow, as text', () => {
    const found: string[] = [];
    let elements = 0;
    let resources = 0;
    for (const file of files) {
      const r = parseFlow(readFileSync(path.join(CORPUS, file), 'utf8'), {
        fileName: path.basename(file).split('__').slice(2).join('__'),
      });
      if (!r.ok) {
        found.push(`${file}: does not parse (${r.error.message})`);
        continue;
      }
      const doc = r.doc;
      const graph = buildGraph(doc);
      for (const el of doc.elements) {
        found.push(...problems(`${file} ${el.type} ${el.name}`, describeElement(el, doc)));
        elements++;
      }
      if (doc.start || doc.startElementReference || doc.properties.processType)
        found.push(...problems(`${file} start`, describeStart(doc.start, doc)));
      for (const res of doc.resources) {
        found.push(...problems(`${file} ${res.type} ${res.name}`, describeResource(res)));
        resources++;
      }
      found.push(...problems(`${file} flow`, [describeFlow(doc, graph)]));
    }
    expect(found).toEqual([]);
    expect(elements).toBeGreaterThan(2000);
    expect(resources).toBeGreaterThan(1000);
  });
});
