import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/index';
import { CORPUS, corpusFiles, corpusPairs, readCorpus } from '../helpers/corpus';
import { fixture } from '../helpers/fixtures';
import { expectedRuntime, interviewRows, queryResult, type InterviewRow } from '../helpers/interviews';
import { fx, run } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'flowscope-interviews-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (value: unknown) => {
  const path = join(dir, `q${++n}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const namesOf = (text: string, fileName?: string) => {
  const p = parseFlow(text, { fileName });
  if (!p.ok) throw new Error(p.error.message);
  return p.doc.elements.map((e) => e.name);
};

interface Runtime {
  elements: Record<string, Record<string, number>>;
  elsewhere: Record<string, number>;
  total: number;
}

/** The CLI's runtime against the records, counted independently. */
async function check(flowPath: string, rows: InterviewRow[], names: string[], wrap = false) {
  const body = wrap ? { status: 0, result: queryResult(rows), warnings: [] } : queryResult(rows);
  const r = await run('graph', flowPath, '--interviews', write(body), '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const out = JSON.parse(r.out) as { nodes: unknown[]; runtime: Runtime };
  expect(out.nodes.length).toBeGreaterThan(0);
  const want = expectedRuntime(rows, names);
  expect(out.runtime.total).toBe(rows.length);
  expect(Object.keys(out.runtime.elements).sort()).toEqual([...want.byElement.keys()].sort());
  for (const [el, statuses] of want.byElement) expect(out.runtime.elements[el]).toEqual(Object.fromEntries(statuses));
  expect(out.runtime.elsewhere).toEqual(Object.fromEntries(want.elsewhere));
  return out.runtime;
}

describe('flowscope graph FLOW --interviews QUERY.json', () => {
  it('places generated interviews on the fixture by CurrentElement and status; the rest under elsewhere', async () => {
    const text = fixture('Opportunity_Review.flow-meta.xml');
    const names = namesOf(text);
    const rows = interviewRows(names, { count: 300, removed: ['Old_Step', 'Wait_For_Approval'], seed: 16 });
    const runtime = await check(fx('Opportunity_Review.flow-meta.xml'), rows, names);
    expect(runtime.elsewhere['']).toBeGreaterThan(0);
    expect(runtime.elsewhere.Old_Step).toBeGreaterThan(0);
    // The same flow as a Tooling record and as a query result, and the sf wrapper.
    await check(fx('Opportunity_Review.tooling.json'), rows, names, true);
  });

  it.each(corpusFiles('flows').filter((_, i) => i % 16 === 0))('corpus flow %s', async (file) => {
    const names = namesOf(readCorpus('flows', file), file);
    const rows = interviewRows(names, { count: 120, removed: ['Removed_In_V2'], seed: file.length });
    await check(join(CORPUS, 'flows', file), rows, names);
  });

  it('a corpus pair: interviews of the older version on the newer one, removed elements elsewhere', async () => {
    const pair = corpusPairs().find((p) => {
      const a = namesOf(readCorpus(`pairs/${p}`, 'a.flow-meta.xml'));
      const b = new Set(namesOf(readCorpus(`pairs/${p}`, 'b.flow-meta.xml')));
      return a.some((x) => !b.has(x));
    })!;
    const a = namesOf(readCorpus(`pairs/${pair}`, 'a.flow-meta.xml'));
    const b = namesOf(readCorpus(`pairs/${pair}`, 'b.flow-meta.xml'));
    const rows = interviewRows(a, { count: 200, seed: 3, statuses: ['Paused', 'Error', 'VersionPaused'] });
    const runtime = await check(join(CORPUS, 'pairs', pair, 'b.flow-meta.xml'), rows, b);
    const gone = a.filter((x) => !b.includes(x));
    expect(Object.keys(runtime.elsewhere).some((k) => gone.includes(k))).toBe(true);
  });

  it('status names as the records give them; records without CurrentElement count under ""', async () => {
    const names = namesOf(fixture('Opportunity_Review.flow-meta.xml'));
    const rows = [
      { Id: '1', InterviewStatus: 'Paused', CurrentElement: names[0] },
      { Id: '2', InterviewStatus: 'paused', CurrentElement: names[0] },
      { Id: '3', InterviewStatus: 'Error' },
      { Id: '4', InterviewStatus: '__proto__', CurrentElement: '__proto__' },
    ];
    const r = await run(
      'graph',
      fx('Opportunity_Review.flow-meta.xml'),
      '--interviews',
      write(queryResult(rows)),
      '--json',
    );
    expect(r.code).toBe(0);
    const runtime = (JSON.parse(r.out) as { runtime: Runtime }).runtime;
    expect(runtime.elements).toEqual({ [names[0]!]: { Paused: 1, paused: 1 } });
    expect(JSON.stringify(runtime.elsewhere)).toBe('{"__proto__":1,"":1}');
    expect(runtime.total).toBe(4);
  });

  it('without --json: the summary and a table of counts, untrusted names made safe', async () => {
    const names = namesOf(fixture('Opportunity_Review.flow-meta.xml'));
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => ({ Id: `p${i}`, InterviewStatus: 'Paused', CurrentElement: names[1] })),
      { Id: 'e', InterviewStatus: 'Error', CurrentElement: names[1] },
      { Id: 'o', InterviewStatus: 'Paused', CurrentElement: 'Old\u001b[31mStep' },
      { Id: 'z', InterviewStatus: 'Paused', CurrentElement: null },
    ];
    const r = await run('graph', fx('Opportunity_Review.flow-meta.xml'), '--interviews', write(queryResult(rows)));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Interviews: 15');
    expect(r.out).toMatch(new RegExp(`13  ${names[1]}\\s+12 Paused · 1 Error`));
    expect(r.out).toContain('Not at an element of this version:');
    expect(r.out).toMatch(/1 {2}\(no element\)/);
    expect(r.out).not.toContain('\u001b');
  });

  it('one page of a longer query: placed, with a note that the counts cover that page', async () => {
    const rows = interviewRows(['X'], { count: 5 });
    const page = queryResult(rows, { done: false, next: '/services/data/v63.0/query/01g-5', total: 50 });
    const r = await run('graph', fx('Opportunity_Review.flow-meta.xml'), '--interviews', write(page), '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^note: .* one page of a longer query \(50 interviews\); the counts cover the 5 it holds/);
  });

  it('a file that is not FlowInterview records is a clear error (exit 1)', async () => {
    const flow = fx('Opportunity_Review.flow-meta.xml');
    const cases: [unknown, RegExp][] = [
      ['not json at all', /is not JSON/],
      [
        { totalSize: 1, done: true, records: [{ attributes: { type: 'Account' }, Id: '001' }] },
        /a query of Account, not FlowInterview/,
      ],
      [{ totalSize: 1, done: true, records: [{ Id: '001' }] }, /no records to tell/],
      [{ records: [{ attributes: { type: 'FlowDefinitionView' }, ApiName: 'X', Label: 'X' }] }, /a list of flows/],
      [{ name: 'X', type: 'FLOW', inputs: [], outputs: [] }, /an invocable-flow description/],
      [readCorpus('tooling-json', corpusFiles('tooling-json')[0]!), /is not FlowInterview records/],
    ];
    for (const [body, message] of cases) {
      const r = await run('graph', flow, '--interviews', write(body), '--json');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err).toContain('sf data query --json');
    }
    const missing = await run('graph', flow, '--interviews', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nope\.json: ENOENT/);
  });

  it('bad usage: no QUERY.json, or several flows', async () => {
    const flow = fx('Opportunity_Review.flow-meta.xml');
    expect((await run('graph', flow, '--interviews')).code).toBe(2);
    const many = await run('graph', flow, fx('Lead_Routing.freeform.flow-meta.xml'), '--interviews', write({}));
    expect(many.code).toBe(2);
    expect(many.err).toContain('one FILE');
  });
});
