import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildGraph, parseFlow } from '../../src/index';
import { SourceError } from '../../src/sources/redact';
import { connect } from '../../src/sources/tooling';
import { apiVersionOf, instanceOrigin } from '../../src/sources/toolingInput';
import type { OrgClient } from '../../src/sources/toolingTypes';
import { readCorpus } from '../helpers/corpus';
import { startMockTooling, type MockTooling } from '../helpers/mockTooling';

let mock: MockTooling;
const calls: string[] = [];
/** The real fetch, with every URL it is asked for recorded. */
const recording = (input: string, init?: RequestInit) => {
  calls.push(input);
  return fetch(input, init);
};
const open = (over: Partial<Parameters<typeof connect>[0]> = {}) =>
  connect({ instanceUrl: mock.url, token: mock.token, fetch: recording, ...over });
/** The SourceError a promise rejects with (fails the test if it resolves or throws something else). */
async function failure(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}
const everyText = (e: SourceError) => `${e.message}\n${e.hint}\n${String(e)}\n${e.stack ?? ''}\n${JSON.stringify(e)}`;

const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
beforeAll(async () => {
  mock = await startMockTooling();
});
afterEach(() => {
  mock.mode = 'ok';
});
afterAll(async () => {
  // Token safety across every test above: never in a URL, never on the console.
  expect(
    mock.requests.filter((r) => r.url.includes(mock.token) || r.url.includes(encodeURIComponent(mock.token))),
  ).toEqual([]);
  expect(calls.filter((u) => u.includes(mock.token) || u.includes(encodeURIComponent(mock.token)))).toEqual([]);
  for (const spy of consoleSpies) expect(JSON.stringify(spy.mock.calls)).not.toContain(mock.token);
  await mock.close();
});

async function allFlows(client: OrgClient, filter: string) {
  const pages = [await client.listFlows(filter)];
  while (pages[pages.length - 1]!.next) pages.push(await client.listFlows(filter, pages[pages.length - 1]!.next));
  return { pages, flows: pages.flatMap((p) => p.flows) };
}

describe('connecting', () => {
  it('checks the token and API version with one request carrying the token in the Authorization header only', async () => {
    const before = mock.requests.length;
    const client = await open();
    expect(client.instanceUrl).toBe(mock.url);
    expect(client.apiVersion).toBe('63.0');
    const sent = mock.requests.slice(before);
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/services/data/v63.0/']);
    expect(sent[0]!.authorization).toBe(`Bearer ${mock.token}`);
  });

  it('validates the instance URL: https (http only on this machine), no credentials, not the Lightning host', () => {
    expect(instanceOrigin('https://acme.my.salesforce.com/lightning/page/home?x=1').href).toBe(
      'https://acme.my.salesforce.com/',
    );
    expect(instanceOrigin('acme.my.salesforce.com').href).toBe('https://acme.my.salesforce.com/');
    expect(instanceOrigin('http://localhost:8080').href).toBe('http://localhost:8080/');
    expect(() => instanceOrigin('http://acme.my.salesforce.com')).toThrow(/https:\/\//);
    expect(() => instanceOrigin('https://u:p@acme.my.salesforce.com')).toThrow(/user name or password/);
    expect(() => instanceOrigin('')).toThrow(/instance URL/);
    try {
      instanceOrigin('https://acme--dev.sandbox.lightning.force.com/lightning/setup');
    } catch (e) {
      expect((e as SourceError).hint).toContain('https://acme--dev.sandbox.my.salesforce.com');
    }
  });

  it('normalises the API version (default 63.0) and refuses nonsense', () => {
    expect(apiVersionOf(undefined)).toBe('63.0');
    expect(apiVersionOf('v62')).toBe('62.0');
    expect(apiVersionOf(' 60.0 ')).toBe('60.0');
    expect(() => apiVersionOf('latest')).toThrow(/not an API version/);
  });

  it('refuses a token with spaces or line breaks without echoing it, and strips a pasted "Bearer "', async () => {
    const bad = 'abcdefgh ijklmnop';
    const e = await failure(open({ token: bad }));
    expect(e.kind).toBe('invalid-input');
    expect(everyText(e)).not.toContain(bad);
    await expect(open({ token: `Bearer ${mock.token}` })).resolves.toBeTruthy();
  });
});

describe('browsing flows', () => {
  it('lists every flow definition, following nextRecordsUrl page by page (page size 2)', async () => {
    const client = await open();
    const { pages, flows } = await allFlows(client, '');
    expect(pages.length).toBe(4);
    expect(pages[0]!.totalSize).toBe(8);
    expect(flows.map((f) => f.developerName)).toEqual(
      [...mock.flows.map((f) => f.developerName)].sort((a, b) => a.localeCompare(b)),
    );
    const profile = flows.find((f) => f.developerName === 'Adopter_Profile_Create_new_Adopter_Profile')!;
    expect(profile.label).toBe('Adopter Profile: Create new Adopter Profile');
    expect(profile.activeVersionId).not.toBe(profile.latestVersionId);
    expect(flows.find((f) => f.developerName === 'Notify_Dataflow_State')!.activeVersionId).toBeUndefined();
  });

  it('filters by label or API name, case-insensitively, with quotes, % and _ taken literally', async () => {
    const client = await open();
    const names = async (filter: string) => (await allFlows(client, filter)).flows.map((f) => f.developerName);
    expect(await names('adopt')).toEqual([
      'Adopter_Profile_Create_new_Adopter_Profile',
      'Adoption_Start_Adoption_Process',
    ]);
    expect(await names("Bob's")).toEqual(['Bobs_Flow']);
    expect(await names('%')).toEqual(['Bobs_Flow']);
    expect(await names('r_S')).toEqual(['Under_Score_Flow']);
    expect(await names('\\')).toEqual([]);
    expect(await names('temperaturemonitor')).toEqual(['TemperatureMonitor']);
    const last = new URL(mock.requests.filter((r) => r.url.includes('/tooling/query?')).at(-1)!.url).searchParams.get(
      'q',
    );
    expect(last).toBe(
      "SELECT Id, DeveloperName, MasterLabel, ActiveVersionId, LatestVersionId FROM FlowDefinition WHERE MasterLabel LIKE '%temperaturemonitor%' OR DeveloperName LIKE '%temperaturemonitor%' ORDER BY DeveloperName",
    );
  });

  it("lists a flow's versions newest first, following every page", async () => {
    const client = await open();
    const profile = mock.flows[0]!;
    const versions = await client.listVersions(profile.id);
    expect(versions.map((v) => [v.versionNumber, v.status])).toEqual([
      [2, 'Draft'],
      [1, 'Active'],
    ]);
    expect(versions[0]!.lastModified).toBe('2025-04-02T11:30:00.000+0000');
  });

  it('a version is the raw Tooling Flow record, which parseFlow reads to the same graph as the corpus XML', async () => {
    const client = await open();
    const profile = mock.flows[0]!;
    const text = await client.getVersion(profile.versions[0]!.id);
    const fromApi = parseFlow(text);
    const dir = 'pairs/SalesforceLabs__AnimalShelterStarter__Adopter_Profile_Create_new_Adopter_Profile';
    const fromXml = parseFlow(readCorpus(dir, 'a.flow-meta.xml'), {
      fileName: 'Adopter_Profile_Create_new_Adopter_Profile.flow-meta.xml',
    });
    if (!fromApi.ok || !fromXml.ok) throw new Error('parse failed');
    expect(fromApi.origin.format).toBe('tooling-record');
    expect(fromApi.doc.name).toBe('Adopter_Profile_Create_new_Adopter_Profile');
    expect(buildGraph(fromApi.doc)).toEqual(buildGraph(fromXml.doc));
  });

  it('serves the real corpus Tooling record as it came', async () => {
    const client = await open();
    const temp = (await client.listFlows('TemperatureMonitor')).flows[0]!;
    const parsed = parseFlow(await client.getVersion(temp.latestVersionId!));
    expect(parsed.ok && parsed.doc.name).toBe('TemperatureMonitor');
  });

  it('refuses ids that are not record ids before any request (no SOQL injection)', async () => {
    const client = await open();
    const before = mock.requests.length;
    expect((await failure(client.listVersions("300000000000001AAA' OR Id != '"))).kind).toBe('invalid-input');
    expect((await failure(client.getVersion('../../sobjects/User'))).kind).toBe('invalid-input');
    expect(mock.requests.length).toBe(before);
  });
});

describe('errors say what happened and what to do, and never carry the token', () => {
  it('401: session expired or wrong token, with how to get a fresh one', async () => {
    const wrong = '00D5g000004WRNG!AQ0AQWrongTokenValue.y2';
    const e = await failure(open({ token: wrong }));
    expect(e.kind).toBe('unauthorized');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/Session expired or invalid/);
    expect(e.hint).toMatch(/sf org display --json --target-org <alias>.*result\.accessToken/);
    expect(everyText(e)).not.toContain(wrong);
  });

  it('403: API disabled, and the request limit', async () => {
    const client = await open();
    mock.mode = 'forbidden';
    const e = await failure(client.listFlows(''));
    expect([e.kind, e.status]).toEqual(['forbidden', 403]);
    expect(e.message).toMatch(/REST API is not enabled/);
    expect(e.hint).toMatch(/API Enabled/);
    mock.mode = 'rate-limited';
    expect((await failure(client.listFlows(''))).message).toMatch(/request limit is used up/);
  });

  it('an API version the org does not serve names the newest it does', async () => {
    const e = await failure(open({ apiVersion: '64.0' }));
    expect(e.kind).toBe('api-version');
    expect(e.message).toMatch(/does not serve API version 64\.0; its newest is 63\.0/);
    expect(e.hint).toMatch(/Set the API version to 63\.0/);
  });

  it('404 on a version: not found, reload the list', async () => {
    const client = await open();
    const e = await failure(client.getVersion('301000000000999AAA'));
    expect(e.kind).toBe('not-found');
    expect(e.message).toMatch(/flow version 301000000000999AAA was not found/);
  });

  it('a non-JSON answer (a login page) says the URL may not be the API', async () => {
    const client = await open();
    mock.mode = 'invalid-json';
    const e = await failure(client.listFlows(''));
    expect(e.kind).toBe('invalid-json');
    expect(e.message).toMatch(/starts with “<!DOCTYPE html>/);
  });

  it('a server that echoes the token back has it redacted', async () => {
    const client = await open();
    mock.mode = 'echo-token';
    const e = await failure(client.listFlows(''));
    expect(e.message).toContain('Header was Bearer [token]');
    expect(everyText(e)).not.toContain(mock.token);
  });

  it('5xx: try again', async () => {
    const client = await open();
    mock.mode = 'server-error';
    expect((await failure(client.listFlows(''))).hint).toMatch(/try again/);
  });

  it('refuses a nextRecordsUrl on another host without requesting it', async () => {
    const client = await open();
    mock.mode = 'foreign-next';
    const first = await client.listFlows('');
    expect(first.next).toMatch(/^https:\/\/evil\.example\//);
    const e = await failure(client.listFlows('', first.next));
    expect(e.kind).toBe('foreign-host');
    expect(calls.some((u) => u.includes('evil.example'))).toBe(false);
  });

  it('refuses a redirect to another host: the token is never sent there', async () => {
    const client = await open();
    mock.mode = 'redirect-away';
    const e = await failure(client.listFlows(''));
    expect(e.kind).toBe('redirect');
    expect(e.message).toMatch(/redirected the list of flows to example\.invalid/);
    expect(calls.some((u) => u.includes('example.invalid'))).toBe(false);
  });

  it('an unreachable host: network or CORS, both explained, with this site’s origin for the allowlist', async () => {
    const closed = await startMockTooling();
    const url = closed.url;
    await closed.close();
    const e = await failure(connect({ instanceUrl: url, token: mock.token, pageOrigin: 'http://localhost:5173' }));
    expect(e.kind).toBe('cors-or-network');
    expect(e.message).toMatch(
      /network or the host is unreachable, or the host refused this site \(http:\/\/localhost:5173\) \(CORS\)/,
    );
    expect(e.hint).toContain('Setup → CORS → New → Origin URL Pattern http://localhost:5173');
  });

  it('a CORS refusal (the fetch fails, a header-less probe gets through) says to add the origin to the allowlist', async () => {
    const seen: RequestInit[] = [];
    const browserLike = async (_input: string, init?: RequestInit) => {
      seen.push(init ?? {});
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    };
    const e = await failure(
      connect({
        instanceUrl: 'https://acme.my.salesforce.com',
        token: mock.token,
        fetch: browserLike,
        pageOrigin: 'https://flowscope.example',
      }),
    );
    expect(e.kind).toBe('cors');
    expect(e.message).toMatch(
      /https:\/\/acme\.my\.salesforce\.com answered, but the browser blocked the response.*\(https:\/\/flowscope\.example\)/,
    );
    expect(e.hint).toContain('Setup → CORS → New → Origin URL Pattern https://flowscope.example');
    // The probe carries no token.
    expect(JSON.stringify(seen[1])).not.toContain(mock.token);
    expect(seen[1]!.headers).toBeUndefined();
  });

  it('cancelling a request (the filter changed) is kind "aborted"', async () => {
    const client = await open();
    const ctrl = new AbortController();
    const p = client.listFlows('adopt', undefined, ctrl.signal);
    ctrl.abort();
    expect((await failure(p)).kind).toBe('aborted');
  });

  it('caps the size of what it reads', async () => {
    const client = await open({ maxBytes: 10_000 });
    const e = await failure(
      client.getVersion(mock.flows.find((f) => f.developerName === 'KCC_Instant_Individual_EKYC')!.versions[0]!.id),
    );
    expect(e.kind).toBe('too-large');
  });
});

describe('disconnecting', () => {
  it('forgets the token: later calls fail without a request', async () => {
    const client = await open();
    client.disconnect();
    const before = mock.requests.length;
    const e = await failure(client.listFlows(''));
    expect(e.kind).toBe('disconnected');
    expect(mock.requests.length).toBe(before);
    expect(JSON.stringify(client)).not.toContain(mock.token);
  });

  it('the client object never exposes the token', async () => {
    const client = await open();
    expect(JSON.stringify(client)).not.toContain(mock.token);
    expect(Object.values(client).some((v) => typeof v === 'string' && v.includes(mock.token))).toBe(false);
  });
});
