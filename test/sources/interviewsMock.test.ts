import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareInvocable, detectFlowRestPayload } from '../../src/model/runtime';
import { docOf } from '../helpers/mockFlowRest';
import { startMockTooling, type MockTooling } from '../helpers/mockTooling';

/** The mock org's Flow REST side as a browser or `sf` would meet it: raw requests, CORS, tokens, pages. */
let mock: MockTooling;
const page = 'http://localhost:5173';
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}/services/data/v63.0${path}`, {
    headers: { Authorization: `Bearer ${mock.token}`, Origin: page, ...headers },
  });
const q = (soql: string) => `/query?q=${encodeURIComponent(soql)}`;

beforeAll(async () => {
  mock = await startMockTooling({ allowOrigin: page });
});
afterAll(() => mock.close());

describe('mock Flow REST API', () => {
  it('answers a FlowInterview query as Salesforce does: attributes, nulls, pages of 2,000', async () => {
    const v = mock.flows[1]!.versions[1]!;
    const res = await get(
      q(`SELECT Id, CurrentElement, PauseLabel FROM FlowInterview WHERE FlowVersionViewId = '${v.id}'`),
    );
    expect(res.headers.get('access-control-allow-origin')).toBe(page);
    const body = (await res.json()) as { totalSize: number; done: boolean; records: Record<string, unknown>[] };
    expect(body).toMatchObject({ totalSize: 42, done: true });
    expect(body.records[0]).toMatchObject({ attributes: { type: 'FlowInterview' } });
    expect(body.records.filter((r) => r.CurrentElement === null)).toHaveLength(2);
    expect(body.records.some((r) => r.PauseLabel === null)).toBe(true);
    expect(detectFlowRestPayload(body)).toMatchObject({ kind: 'interviews', totalSize: 42 });
  });

  it('pages with nextRecordsUrl (locator and offset), smaller on Sforce-Query-Options', async () => {
    const first = (await (
      await get(q('SELECT Id FROM FlowInterview'), { 'Sforce-Query-Options': 'batchSize=200' })
    ).json()) as {
      totalSize: number;
      nextRecordsUrl?: string;
      records: unknown[];
    };
    expect(first.totalSize).toBe(55);
    expect(first.records).toHaveLength(55);
    mock.rest.interviews = Array.from({ length: 450 }, (_, i) => ({ Id: `0Fo${i}`, CurrentElement: null }));
    const a = (await (
      await get(q('SELECT Id FROM FlowInterview'), { 'Sforce-Query-Options': 'batchSize=200' })
    ).json()) as {
      nextRecordsUrl: string;
      records: unknown[];
    };
    expect(a.records).toHaveLength(200);
    expect(a.nextRecordsUrl).toMatch(/^\/services\/data\/v63\.0\/query\/01gREST\d+-200$/);
    const b = (await (
      await fetch(`${mock.url}${a.nextRecordsUrl}`, { headers: { Authorization: `Bearer ${mock.token}` } })
    ).json()) as {
      nextRecordsUrl: string;
      records: unknown[];
    };
    expect(b.records).toHaveLength(200);
    expect(b.nextRecordsUrl).toMatch(/-400$/);
    const stale = await fetch(`${mock.url}${a.nextRecordsUrl}`, { headers: { Authorization: `Bearer ${mock.token}` } });
    expect(stale.status).toBe(400);
  });

  it('serves flow lists without Metadata: FlowDefinitionView, FlowVersionView and Flow', async () => {
    for (const object of ['FlowDefinitionView', 'FlowVersionView', 'Flow']) {
      const body = await (await get(q(`SELECT Id, ApiName, Label, ProcessType FROM ${object}`))).json();
      const p = detectFlowRestPayload(body);
      expect(p).toMatchObject({ kind: 'flow-list', object });
      if (p?.kind === 'flow-list') expect(p.flows.map((f) => f.apiName)).toContain('Adoption_Start_Adoption_Process');
    }
  });

  it('refuses what Salesforce refuses: another version’s field, an unknown object, a wrong token', async () => {
    const old = await fetch(`${mock.url}/services/data/v58.0${q('SELECT Id, Error FROM FlowInterview')}`, {
      headers: { Authorization: `Bearer ${mock.token}` },
    });
    expect(old.status).toBe(400);
    expect(JSON.stringify(await old.json())).toContain('INVALID_FIELD');
    expect((await get(q('SELECT Id FROM Nope'))).status).toBe(400);
    const bad = await get(q('SELECT Id FROM FlowInterview'), { Authorization: 'Bearer wrong' });
    expect(bad.status).toBe(401);
  });

  it('lets the allowed origin preflight the REST paths (with Sforce-Query-Options), refuses others', async () => {
    const preflight = (origin: string) =>
      fetch(`${mock.url}/services/data/v63.0/query?q=x`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization,sforce-query-options',
        },
      });
    const ok = await preflight(page);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-headers')).toContain('Sforce-Query-Options');
    expect((await preflight('https://evil.example')).status).toBe(403);
  });

  it('describes invocable flows from their variables; an edit makes a mismatch to find', async () => {
    const list = await (await get('/actions/custom/flow')).json();
    expect(detectFlowRestPayload(list)).toMatchObject({ kind: 'invocable', list: true });
    mock.rest.actionEdits.set('KCC_Instant_Individual_EKYC', (d) => ({
      ...d,
      inputs: [...(d.inputs as unknown[]), { name: 'Extra', type: 'STRING', required: true, maxOccurs: 1 }],
    }));
    const one = detectFlowRestPayload(await (await get('/actions/custom/flow/KCC_Instant_Individual_EKYC')).json());
    expect(one).toMatchObject({ kind: 'invocable', list: false });
    if (one?.kind !== 'invocable') return;
    expect(one.flows[0]!.inputs.map((p) => p.name)).toEqual(
      expect.arrayContaining(['CurrentRecordId', 'demographicEditableFlag', 'Extra']),
    );
    expect(one.flows[0]!.outputs.find((p) => p.name === 'FlagToCreateApplicant')).toMatchObject({ type: 'BOOLEAN' });
    const kcc = mock.flows.find((f) => f.developerName === 'KCC_Instant_Individual_EKYC')!;
    const found = compareInvocable(docOf(kcc.versions[0]!), one.flows[0]!);
    expect(found.map((m) => [m.name, m.kind])).toEqual([['Extra', 'not-in-metadata']]);
    expect((await get('/actions/custom/flow/Nope')).status).toBe(404);
  });
});
