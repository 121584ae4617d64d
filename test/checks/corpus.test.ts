/**
 * Every corpus flow (and every version of every pair, and the Tooling payloads) is checked without throwing,
 * and the acceptance rules agree with an independent reading of the raw text (independent.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { RULES, runChecks } from '../../src/checks/index';
import { corpusFiles, corpusPairs, readCorpus } from '../helpers/corpus';
import { expectedFindings, readJson, readXml } from './independent';

const ACCEPTANCE = new Set(['dml-in-loop', 'soql-in-loop', 'missing-fault-path']);
const key = (f: { rule: string; element: string; detail?: string }) => `${f.rule} ${f.element} ${f.detail ?? ''}`;

function agree(dir: string, file: string, raw: 'xml' | 'json') {
  const text = readCorpus(dir, file);
  const parsed = parseFlow(text, { fileName: file.split('/').pop() as string });
  expect(parsed.ok, file).toBe(true);
  if (!parsed.ok) return { all: 0, acceptance: 0 };
  const findings = runChecks(parsed.doc, buildGraph(parsed.doc));
  const ids = new Set(RULES.map((r) => r.id));
  for (const f of findings) {
    expect(ids.has(f.rule)).toBe(true);
    expect(f.message.length).toBeGreaterThan(10);
  }
  const ours = findings
    .filter((f) => ACCEPTANCE.has(f.rule))
    .map(key)
    .sort();
  const theirs = expectedFindings(raw === 'xml' ? readXml(text) : readJson(text))
    .map(key)
    .sort();
  expect(ours, file).toEqual(theirs);
  return { all: findings.length, acceptance: ours.length };
}

describe('checks over the corpus', () => {
  it('every flow runs, and dml-in-loop, soql-in-loop and missing-fault-path match the independent reading', () => {
    let acceptance = 0;
    let flows = 0;
    for (const file of corpusFiles('flows')) {
      acceptance += agree('flows', file, 'xml').acceptance;
      flows++;
    }
    expect(flows).toBeGreaterThan(300);
    // The corpus has such findings (hundreds of missing fault paths, a few loops): the comparison is not empty.
    expect(acceptance).toBeGreaterThan(500);
  });
  it('so does every version of every pair', () => {
    for (const pair of corpusPairs())
      for (const side of ['a', 'b']) agree('pairs', `${pair}/${side}.flow-meta.xml`, 'xml');
  });
  it('and the Tooling API payloads, read from their raw JSON', () => {
    for (const file of corpusFiles('tooling-json')) agree('tooling-json', file, 'json');
  });
});
