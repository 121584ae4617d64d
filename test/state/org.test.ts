import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../../src/sources/redact';
import { createAppStore, type OrgCredentials } from '../../src/state/store';
import { MemoryStorage } from '../helpers/memoryStorage';
import { startMockTooling, type MockTooling } from '../helpers/mockTooling';

/**
 * The org use-cases without React, against the mock Tooling API (a real HTTP server) through the real,
 * lazily loaded Tooling client: connect, list, load more, versions, open, compare, disconnect; and where
 * the token may go (the client and, when asked, the tab's storage) and where it may not (state, messages).
 */
let mock: MockTooling;
const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
beforeAll(async () => {
  mock = await startMockTooling();
});
afterEach(() => {
  mock.mode = 'ok';
});
afterAll(async () => {
  expect(mock.requests.filter((r) => r.url.includes(mock.token))).toEqual([]);
  for (const spy of consoleSpies) expect(JSON.stringify(spy.mock.calls)).not.toContain(mock.token);
  await mock.close();
});

const credentials = (over: Partial<OrgCredentials> = {}): OrgCredentials => ({
  instanceUrl: mock.url,
  token: mock.token,
  apiVersion: '63.0',
  ...over,
});
/** Everything in the store's state (not its actions) as text. */
const stateText = (store: ReturnType<typeof createAppStore>) =>
  JSON.stringify(store.getState(), (_k, v: unknown) => (typeof v === 'function' ? undefined : v));
async function failure(p: Promise<unknown>): Promise<{ kind?: string; message: string; hint: string }> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toMatchObject({ message: expect.any(String), hint: expect.any(String) });
  return e as { kind?: string; message: string; hint: string };
}
const ADOPTER = 'Adopter Profile: Create new Adopter Profile';

describe('connecting to an org from the store', () => {
  it('starts idle; prepareOrg gives the form its defaults (API 63.0, not remembered)', async () => {
    const store = createAppStore({ storage: new MemoryStorage() });
    expect(store.getState().org).toEqual({ status: 'idle' });
    await store.getState().prepareOrg();
    expect(store.getState().org).toEqual({
      status: 'disconnected',
      instanceUrl: '',
      apiVersion: '63.0',
      remember: false,
    });
    expect(store.getState().rememberedOrgToken()).toBeUndefined();
  });

  it('connects and lists the first page, then the next; the token is in no state and no storage', async () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    await store.getState().connectOrg(credentials(), false);
    expect(store.getState().org).toEqual({ status: 'connected', instanceUrl: mock.url, apiVersion: '63.0' });
    const first = await store.getState().listOrgFlows('');
    expect(first.flows.length).toBe(2);
    expect(first.totalSize).toBe(8);
    const more = await store.getState().listOrgFlows('', first.next);
    expect(more.flows.length).toBe(2);
    const filtered = await store.getState().listOrgFlows('adopt');
    expect(filtered.flows.map((f) => f.label)).toEqual([ADOPTER, 'Adoption: Start Adoption Process']);
    expect(storage.writes).toEqual([]);
    expect(stateText(store)).not.toContain(mock.token);
  });

  it('"Remember for this tab" keeps the session in the given storage; a new page fills the form from it', async () => {
    const storage = new MemoryStorage();
    const first = createAppStore({ storage });
    await first.getState().connectOrg(credentials({ token: `  ${mock.token} ` }), true);
    expect(JSON.parse(storage.getItem(SESSION_KEY) ?? '{}')).toEqual({
      instanceUrl: mock.url,
      apiVersion: '63.0',
      token: mock.token,
    });
    const again = createAppStore({ storage });
    await again.getState().prepareOrg();
    expect(again.getState().org).toEqual({
      status: 'disconnected',
      instanceUrl: mock.url,
      apiVersion: '63.0',
      remember: true,
    });
    expect(again.getState().rememberedOrgToken()).toBe(mock.token);
    // Still not in state: the form asks for it once, to fill the password field.
    expect(stateText(again)).not.toContain(mock.token);
    // Connecting without "remember" forgets what was kept.
    await again.getState().connectOrg(credentials(), false);
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('a refused token: the 401 message and hint, still disconnected, and no token in the message', async () => {
    const store = createAppStore({ storage: new MemoryStorage() });
    const wrong = '00D5g000004WRNG!AQ0AQWrongTokenValue.y2';
    const e = await failure(store.getState().connectOrg(credentials({ token: wrong }), true));
    expect(e.kind).toBe('unauthorized');
    expect(`${e.message} ${e.hint}`).toMatch(/Session expired or invalid.*sf org display/);
    expect(`${e.message} ${e.hint}`).not.toContain('WrongTokenValue');
    expect(store.getState().org.status).toBe('disconnected');
    await failure(store.getState().listOrgFlows(''));
  });

  it('Disconnect drops the client and the kept session; the form keeps the instance URL', async () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    await store.getState().connectOrg(credentials(), true);
    store.getState().disconnectOrg();
    expect(store.getState().org).toEqual({
      status: 'disconnected',
      instanceUrl: mock.url,
      apiVersion: '63.0',
      remember: false,
    });
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    expect(store.getState().rememberedOrgToken()).toBeUndefined();
    const before = mock.requests.length;
    expect((await failure(store.getState().listOrgFlows(''))).kind).toBe('disconnected');
    expect(mock.requests.length).toBe(before);
  });

  it('the client given to createAppStore is the one used, with the form’s inputs as typed', async () => {
    const connect = vi.fn(async () => Promise.reject(new Error('not this time')));
    const store = createAppStore({ connect, storage: new MemoryStorage() });
    await expect(store.getState().connectOrg(credentials(), false)).rejects.toThrow('not this time');
    expect(connect).toHaveBeenCalledWith({ instanceUrl: mock.url, token: mock.token, apiVersion: '63.0' });
  });
});

describe('opening and comparing org versions', () => {
  async function connected() {
    const store = createAppStore({ storage: new MemoryStorage() });
    await store.getState().connectOrg(credentials(), false);
    const flow = (await store.getState().listOrgFlows('adopter')).flows[0]!;
    const versions = await store.getState().listOrgVersions(flow.id);
    return { store, flow, versions };
  }

  it('lists a flow’s versions and opens one, named "Flow v1"', async () => {
    const { store, flow, versions } = await connected();
    expect(flow.label).toBe(ADOPTER);
    expect(versions.map((v) => `${v.versionNumber} ${v.status}`).sort()).toEqual(['1 Active', '2 Draft']);
    const v1 = versions.find((v) => v.versionNumber === 1)!;
    await store.getState().openOrgVersion(flow, v1);
    const open = store.getState().flow;
    expect(open?.source).toEqual({ kind: 'org', name: 'Adopter_Profile_Create_new_Adopter_Profile v1' });
    expect(open?.doc.elements.length).toBeGreaterThan(10);
    expect(store.getState().error).toBeUndefined();
  });

  it('compares two versions, older first', async () => {
    const { store, flow, versions } = await connected();
    const [v1, v2] = [...versions].sort((a, b) => a.versionNumber - b.versionNumber);
    await store.getState().compareOrgVersions(flow, v1!, v2!);
    await vi.waitFor(() => expect(store.getState().comparison).toBeDefined());
    const c = store.getState().comparison!;
    expect([c.before.source.name, c.after.source.name]).toEqual([
      'Adopter_Profile_Create_new_Adopter_Profile v1',
      'Adopter_Profile_Create_new_Adopter_Profile v2',
    ]);
    expect(c.changes.length).toBeGreaterThan(0);
  });

  it('a version that cannot be fetched rejects with the org’s message; what was open stays', async () => {
    const { store, flow, versions } = await connected();
    await store.getState().openOrgVersion(flow, versions[0]!);
    const open = store.getState().flow;
    mock.mode = 'not-found';
    const e = await failure(store.getState().openOrgVersion(flow, versions[1]!));
    expect(e.message).toMatch(/was not found in the org/);
    await failure(store.getState().compareOrgVersions(flow, versions[0]!, versions[1]!));
    expect(store.getState().flow).toBe(open);
    expect(store.getState().comparison).toBeUndefined();
    expect(store.getState().error).toBeUndefined();
  });
});
