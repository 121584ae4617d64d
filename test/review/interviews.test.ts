/**
 * `flowscope graph FLOW --interviews QUERY.json --json` on corpus flows with the review's own generated
 * FlowInterview records: real element names, removed ones, names off by case, `__proto__`, null, empty and
 * missing `CurrentElement`, statuses Paused / Error / Started / odd case / none, `attributes` present or
 * absent, the three wrappers (`/query`, `sf data query --json`, a bare array), extra fields of every JSON type.
 * The expected runtime is counted here from the raw XML's element names (reading.ts), not from the parser.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers';
import { CORPUS, corpusFiles } from '../helpers/corpus';
import { flowFromXml, type Node } from './reading';

const dir = mkdtempSync(join(tmpdir(), 'flowscope-review-interviews-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let written = 0;
const write = (value: unknown) => {
  const path = join(dir, `q${++written}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

/** Top-level items with a `<name>` that are canvas elements: not resources, not Builder's metadata values. */
const NOT_ELEMENTS = new Set([
  'variables',
  'constants',
  'formulas',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages',
  'processMetadataValues',
]);
const elementNames = (flow: Node) =>
  flow.kids
    .filter((k) => !NOT_ELEMENTS.has(k.tag))
    .map((k) => k.kids.find((c) => c.tag === 'name')?.text.trim() ?? '')
    .filter((n) => n !== '');

type Current = { kind: 'real'; i: number } | { kind: 'value'; v: unknown } | { kind: 'absent' };

interface Gen {
  current: Current;
  status: unknown;
  attributes: boolean;
  extra: Record<string, unknown>;
}

const currentArb: fc.Arbitrary<Current> = fc.oneof(
  { weight: 6, arbitrary: fc.nat(400).map((i) => ({ kind: 'real' as const, i })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom<unknown>(
        'Old_Step',
        'Removed_Screen',
        '__proto__',
        'constructor',
        'toString',
        null,
        '',
        'hasOwnProperty',
      )
      .map((v) => ({ kind: 'value' as const, v })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'absent' as const }) },
);
const statusArb = fc.constantFrom<unknown>('Paused', 'Error', 'Started', 'paused', 'ERROR', 'In Progress', '', null);
const extraArb = fc.dictionary(
  fc.constantFrom('WasPausedFromScreen', 'GuidedFlowName', 'Custom__c', 'Count', 'Nested', 'FlowVersionViewId'),
  fc.oneof(fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.constant(null), fc.string(), fc.constant({})),
);
const genArb: fc.Arbitrary<Gen> = fc.record({
  current: currentArb,
  status: statusArb,
  attributes: fc.boolean(),
  extra: extraArb,
});

function record(g: Gen, names: string[], n: number): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  if (g.attributes)
    r.attributes = { type: 'FlowInterview', url: `/services/data/v62.0/sobjects/FlowInterview/0Fo${n}` };
  Object.assign(r, g.extra);
  r.Id = `0Fo000000000${String(n).padStart(3, '0')}`;
  r.Name = `Interview ${n}`;
  r.InterviewLabel = `Label ${n}`;
  r.PauseLabel = n % 2 ? null : 'Waiting';
  r.CreatedDate = '2026-11-30T10:00:00.000+0000';
  if (g.current.kind === 'real') r.CurrentElement = names.length > 0 ? names[g.current.i % names.length] : null;
  else if (g.current.kind === 'value') r.CurrentElement = g.current.v;
  // A name off by case is another version's spelling.
  if (g.current.kind === 'real' && g.current.i % 17 === 0 && typeof r.CurrentElement === 'string')
    r.CurrentElement =
      r.CurrentElement.toUpperCase() === r.CurrentElement ? `${r.CurrentElement}x` : r.CurrentElement.toUpperCase();
  r.InterviewStatus = g.status;
  return r;
}

/** The runtime as the issue words it, counted here. */
function expected(records: Record<string, unknown>[], names: string[]) {
  const own = new Set(names);
  const elements = new Map<string, Map<string, number>>();
  const elsewhere = new Map<string, number>();
  for (const r of records) {
    const c = typeof r.CurrentElement === 'string' ? r.CurrentElement : '';
    const s = typeof r.InterviewStatus === 'string' ? r.InterviewStatus : '';
    if (c !== '' && own.has(c)) {
      const m = elements.get(c) ?? new Map<string, number>();
      m.set(s, (m.get(s) ?? 0) + 1);
      elements.set(c, m);
    } else elsewhere.set(c, (elsewhere.get(c) ?? 0) + 1);
  }
  return { elements, elsewhere, total: records.length };
}

interface Runtime {
  elements: Record<string, Record<string, number>>;
  elsewhere: Record<string, number>;
  total: number;
}

const FLOWS = corpusFiles('flows');
const wrapped = (records: unknown[], how: number) =>
  how === 0
    ? { totalSize: records.length, done: true, records }
    : how === 1
      ? { status: 0, result: { totalSize: records.length, done: true, records }, warnings: [] }
      : records;

describe('graph --interviews --json with generated FlowInterview records on corpus flows', () => {
  it('places every record by CurrentElement and status, the rest under elsewhere ("" for none), and totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(FLOWS.length - 1),
        fc.array(genArb, { minLength: 1, maxLength: 40 }),
        fc.nat(2),
        async (f, gens, how) => {
          const file = join(CORPUS, 'flows', FLOWS[f] as string);
          const names = elementNames(flowFromXml(readFileSync(file, 'utf8')));
          const records = gens.map((g, n) => record(g, names, n));
          // A bare array needs records that look like interviews: one with attributes or FlowInterview's fields.
          const r = await run('graph', file, '--interviews', write(wrapped(records, how)), '--json');
          expect(r.err).toBe('');
          expect(r.code).toBe(0);
          const out = JSON.parse(r.out) as { runtime: Runtime };
          const want = expected(records, names);
          expect(out.runtime.total).toBe(want.total);
          expect(Object.keys(out.runtime.elements).sort()).toEqual([...want.elements.keys()].sort());
          for (const [el, m] of want.elements)
            expect(Object.entries(out.runtime.elements[el] ?? {}).sort()).toEqual([...m].sort());
          expect(Object.entries(out.runtime.elsewhere).sort()).toEqual([...want.elsewhere].sort());
          const sum =
            Object.values(out.runtime.elements).reduce((a, m) => a + Object.values(m).reduce((x, y) => x + y, 0), 0) +
            Object.values(out.runtime.elsewhere).reduce((a, b) => a + b, 0);
          expect(sum).toBe(records.length);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('__proto__ as CurrentElement is counted like any other name, and pollutes nothing', async () => {
    const file = join(CORPUS, 'flows', FLOWS[0] as string);
    const records = [
      { attributes: { type: 'FlowInterview' }, CurrentElement: '__proto__', InterviewStatus: '__proto__' },
      { attributes: { type: 'FlowInterview' }, CurrentElement: '__proto__', InterviewStatus: 'Paused' },
    ];
    const r = await run('graph', file, '--interviews', write(wrapped(records, 0)), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { runtime: Runtime };
    expect(Object.hasOwn(out.runtime.elsewhere, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(out.runtime.elsewhere, '__proto__')?.value).toBe(2);
    expect(Object.keys(out.runtime.elements)).toEqual([]);
    expect(Object.hasOwn(Object.prototype, 'Paused')).toBe(false);
  });

  it('a query of another object is refused, saying what it is', async () => {
    const file = join(CORPUS, 'flows', FLOWS[0] as string);
    const accounts = { totalSize: 1, done: true, records: [{ attributes: { type: 'Account' }, Id: '001', Name: 'A' }] };
    const r = await run('graph', file, '--interviews', write(accounts), '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('Account');
    const logs = {
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: 'FlowInterviewLog' }, InterviewStatus: 'Error', FlowDeveloperName: 'X' }],
    };
    const l = await run('graph', file, '--interviews', write(logs), '--json');
    expect(l.code).toBe(1);
    expect(l.err).toContain('FlowInterviewLog');
  });

  it('an empty query result (no interview anywhere) is zero interviews, not a refusal', async () => {
    const file = join(CORPUS, 'flows', FLOWS[0] as string);
    for (const body of [
      { totalSize: 0, done: true, records: [] },
      { status: 0, result: { totalSize: 0, done: true, records: [] }, warnings: [] },
    ]) {
      const path = write(body);
      const r = await run('graph', file, '--interviews', path, '--json');
      expect(r.err).toBe(`note: ${path} holds no records: no interviews to place.\n`);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as { runtime: Runtime }).runtime).toEqual({ elements: {}, elsewhere: {}, total: 0 });
    }
  });
});
