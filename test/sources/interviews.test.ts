import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/model/parse/index';
import { placeInterviews, runtimeJson } from '../../src/model/runtime';
import { interviewsQuery } from '../../src/sources/interviews';
import { SourceError } from '../../src/sources/redact';
import { connect } from '../../src/sources/tooling';
import { parseSoql } from '../helpers/mockSoql';
import { docOf, mockInterviews } from '../helpers/mockFlowRest';
import { startMockTooling, type MockTooling } from '../helpers/mockTooling';

let mock: MockTooling;
let original: MockTooling['rest']['interviews'];
const urls: string[] = [];
const open = (apiVersion?: string) =>
  connect({
    instanceUrl: mock.url,
    token: mock.token,
    apiVersion,
    fetch: (input: string, init?: RequestInit) => {
      urls.push(input);
      return fetch(input, init);
    },
  });
async function failure(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}
const flow = (name: string) => mock.flows.find((f) => f.developerName === name)!;
const adoption = () => flow('Adoption_Start_Adoption_Process');
const active = () => adoption().versions.find((v) => v.status === 'Active')!;

beforeAll(async () => {
  mock = await startMockTooling({ allowOrigin: '*' });
  original = mock.rest.interviews;
});
afterEach(() => {
  mock.mode = 'ok';
  mock.rest.interviews = original;
  mock.rest.restPageSize = 2000;
});
afterAll(async () => {
  expect(urls.filter((u) => u.includes(mock.token) || u.includes(encodeURIComponent(mock.token)))).toEqual([]);
  expect(mock.requests.filter((r) => r.url.includes(mock.token))).toEqual([]);
  await mock.close();
});

describe('queryInterviews', () => {
  it('reads a flow’s interviews through the REST /query (not Tooling), every version, newest first', async () => {
    const client = await open();
    const before = mock.requests.length;
    const read = await client.queryInterviews({ id: active().id, definitionId: adoption().id });
    const sent = mock.requests.slice(before).map((r) => new URL(r.url));
    const rest = sent.filter((u) => u.pathname === '/services/data/v63.0/query');
    expect(rest).toHaveLength(1);
    const soql = parseSoql(rest[0]!.searchParams.get('q')!)!;
    expect(soql.from).toBe('FlowInterview');
    for (const f of ['Id', 'Name', 'CurrentElement', 'InterviewLabel', 'InterviewStatus', 'PauseLabel', 'CreatedDate'])
      expect(soql.fields).toContain(f);
    expect(mock.requests.slice(before).every((r) => r.authorization === `Bearer ${mock.token}`)).toBe(true);
    expect(read).toMatchObject({ total: 48, capped: false });
    expect(read.interviews).toHaveLength(48);
    const dates = read.interviews.map((i) => i.createdDate!);
    expect(dates).toEqual([...dates].sort().reverse());
    // Placed on the active version: the obsolete version's interviews at removed elements stand elsewhere.
    const placed = runtimeJson(placeInterviews(docOf(active()), read.interviews));
    expect(placed.total).toBe(48);
    const elsewhere = Object.entries(placed.elsewhere);
    expect(placed.elsewhere['']).toBe(2);
    expect(elsewhere.filter(([k]) => k !== '').reduce((n, [, c]) => n + c, 0)).toBeGreaterThanOrEqual(3);
    const counted = Object.values(placed.elements).flatMap((s) => Object.values(s));
    expect(counted.reduce((a, b) => a + b, 0) + elsewhere.reduce((n, [, c]) => n + c, 0)).toBe(48);
  });

  it('scope version reads that version’s interviews only; a flow without interviews has none', async () => {
    const client = await open();
    const mine = await client.queryInterviews({ id: active().id, definitionId: adoption().id }, { scope: 'version' });
    expect(mine.total).toBe(42);
    expect(mine.interviews.every((i) => i.versionId === active().id)).toBe(true);
    const bob = flow('Bobs_Flow');
    expect(await client.queryInterviews({ id: bob.versions[0]!.id })).toEqual({
      interviews: [],
      total: 0,
      capped: false,
    });
  });

  it('follows nextRecordsUrl page by page, and stops at the cap saying how many there are', async () => {
    const v = active();
    mock.rest.interviews = mockInterviews(v, 5000, { seed: 5 });
    const client = await open();
    const progress: [number, number][] = [];
    const before = mock.requests.length;
    const all = await client.queryInterviews(
      { id: v.id },
      { cap: 10_000, onProgress: (a, b) => progress.push([a, b]) },
    );
    expect(all).toMatchObject({ total: 5000, capped: false });
    expect(new Set(all.interviews.map((i) => i.id)).size).toBe(5000);
    expect(progress).toEqual([
      [2000, 5000],
      [4000, 5000],
      [5000, 5000],
    ]);
    const pages = mock.requests.slice(before).map((r) => new URL(r.url).pathname);
    expect(pages.filter((p) => /\/query\/01gREST\d+-\d+$/.test(p))).toHaveLength(2);
    const capped = await client.queryInterviews({ id: v.id }, { cap: 2500 });
    expect(capped).toMatchObject({ total: 5000, capped: true });
    expect(capped.interviews).toHaveLength(2500);
    const first = await client.queryInterviews({ id: v.id });
    expect(first).toMatchObject({ total: 5000, capped: true });
    expect(first.interviews).toHaveLength(2000);
  });

  it('50,000 interviews: the first page only, capped, quickly', async () => {
    const v = active();
    mock.rest.interviews = mockInterviews(v, 50_000, { seed: 50 });
    const client = await open();
    const t = performance.now();
    const read = await client.queryInterviews({ id: v.id });
    expect(read).toMatchObject({ total: 50_000, capped: true });
    expect(read.interviews).toHaveLength(2000);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('smaller pages on request (Sforce-Query-Options) are followed the same way', async () => {
    const v = active();
    mock.rest.interviews = mockInterviews(v, 700, { seed: 6 });
    mock.rest.restPageSize = 200;
    const client = await open();
    const read = await client.queryInterviews({ id: v.id }, { cap: 5000 });
    expect(read.interviews).toHaveLength(700);
  });

  it('keeps null fields absent and null CurrentElement as null', async () => {
    const client = await open();
    const read = await client.queryInterviews({ id: active().id }, { scope: 'version' });
    const none = read.interviews.filter((i) => i.currentElement === null);
    expect(none).toHaveLength(2);
    expect(read.interviews.some((i) => !Object.hasOwn(i, 'pauseLabel'))).toBe(true);
    expect(read.interviews.every((i) => typeof i.status === 'string' && i.status !== '')).toBe(true);
  });

  it('selects Error only where the API version has it (62.0+); older versions are asked without it', async () => {
    expect(interviewsQuery(['301000000000004AAA'], '61.0')).not.toContain('Error');
    expect(interviewsQuery(['301000000000004AAA'], '63.0')).toContain(', Error FROM');
    const old = await open('58.0');
    expect((await old.queryInterviews({ id: active().id }, { scope: 'version' })).total).toBe(42);
  });

  it('asks for the 18- and 15-character version ids, quoted as SOQL literals', () => {
    const q = interviewsQuery(['301000000000004AAA'], '63.0');
    expect(q).toContain("FlowVersionViewId IN ('301000000000004AAA', '301000000000004')");
    expect(parseSoql(q)).toBeDefined();
  });

  it('refuses ids that are not record ids before any request', async () => {
    const client = await open();
    const before = mock.requests.length;
    expect((await failure(client.queryInterviews({ id: "x' OR Id != '" }))).kind).toBe('invalid-input');
    expect((await failure(client.queryInterviews({ id: active().id, definitionId: 'nope' }))).kind).toBe(
      'invalid-input',
    );
    expect(mock.requests.length).toBe(before);
  });

  it('errors as the client says them: 401, 403, a foreign next page, the token redacted', async () => {
    const client = await open();
    const v = active();
    mock.rest.interviews = mockInterviews(v, 2500, { seed: 1 });
    mock.mode = 'foreign-next';
    const foreign = await failure(client.queryInterviews({ id: v.id }, { cap: 3000 }));
    expect(foreign.kind).toBe('foreign-host');
    expect(mock.requests.some((r) => r.url.includes('evil.example'))).toBe(false);
    mock.mode = 'forbidden';
    expect((await failure(client.queryInterviews({ id: v.id }))).kind).toBe('forbidden');
    mock.mode = 'echo-token';
    const echoed = await failure(client.queryInterviews({ id: v.id }));
    expect(`${echoed.message}${echoed.hint}`).not.toContain(mock.token);
    mock.mode = 'ok';
    const wrong = await connect({ instanceUrl: mock.url, token: mock.token }).then((c) => {
      c.disconnect();
      return c;
    });
    expect((await failure(wrong.queryInterviews({ id: v.id }))).kind).toBe('disconnected');
  });

  it('cancelling is kind "aborted"', async () => {
    const client = await open();
    const ctl = new AbortController();
    ctl.abort();
    expect((await failure(client.queryInterviews({ id: active().id }, { signal: ctl.signal }))).kind).toBe('aborted');
  });
});

describe('invocable flows', () => {
  it('lists the org’s invocable flows and reads one’s inputs and outputs from its variables', async () => {
    const client = await open();
    const list = await client.listInvocableFlows();
    expect(list.map((f) => f.name)).toContain('TemperatureMonitor');
    const one = await client.getInvocableFlow('TemperatureMonitor');
    const doc = parseFlow(JSON.stringify(flow('TemperatureMonitor').versions[0]!.record));
    if (!doc.ok) throw new Error('parse');
    const inputs = doc.doc.resources.filter((r) => r.type === 'variables' && r.data.isInput === 'true');
    expect(one.inputs.map((p) => p.name).sort()).toEqual(inputs.map((r) => r.name).sort());
    expect(one.outputs.find((p) => p.name === 'myVariable_event_context_collection')).toMatchObject({
      type: 'SOBJECT',
      collection: true,
    });
  });

  it('an unknown flow is not found; a name that is no API name is refused before a request', async () => {
    const client = await open();
    expect((await failure(client.getInvocableFlow('No_Such_Flow'))).kind).toBe('not-found');
    const before = mock.requests.length;
    expect((await failure(client.getInvocableFlow('../sobjects/User'))).kind).toBe('invalid-input');
    expect(mock.requests.length).toBe(before);
  });
});
