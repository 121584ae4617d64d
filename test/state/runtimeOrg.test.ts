import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { openListedFlow } from '../../src/views/runtime/openListed';
import { MemoryStorage } from '../helpers/memoryStorage';
import { mockInterviews } from '../helpers/mockFlowRest';
import { activeOf } from '../helpers/mockOrg';
import { startMockTooling, type MockTooling } from '../helpers/mockTooling';

/**
 * The Interviews action against the mock org (a real HTTP server, the real lazily loaded client): the open
 * flow's interviews queried, paged, capped with a message and placed; the token in no state; a flow list's
 * flow opened through the org actions.
 */
let mock: MockTooling;
beforeAll(async () => {
  mock = await startMockTooling();
});
afterAll(async () => {
  expect(mock.requests.filter((r) => r.url.includes(mock.token))).toEqual([]);
  await mock.close();
});
let saved: typeof mock.rest.interviews;
beforeAll(() => {
  saved = mock.rest.interviews;
});
afterEach(() => {
  mock.rest.interviews = saved;
  mock.mode = 'ok';
});

const ADOPTION = 'Adoption: Start Adoption Process';
const stateText = (store: AppStore) =>
  JSON.stringify(store.getState(), (_k, v: unknown) => (typeof v === 'function' ? undefined : v));

async function openAdoption(): Promise<AppStore> {
  const store = createAppStore({ storage: new MemoryStorage() });
  await store.getState().connectOrg({ instanceUrl: mock.url, token: mock.token, apiVersion: '63.0' }, false);
  const flow = (await store.getState().listOrgFlows('adoption')).flows.find((f) => f.label === ADOPTION);
  if (!flow) throw new Error('no Adoption flow in the mock');
  const versions = await store.getState().listOrgVersions(flow.id);
  const active = versions.find((v) => v.id === flow.activeVersionId);
  if (!active) throw new Error('no active version');
  await store.getState().openOrgVersion(flow, active);
  return store;
}

describe('Interviews from the org', () => {
  it('queries the open flow’s interviews: at its elements, elsewhere (older versions’, none), never dropped', async () => {
    const store = await openAdoption();
    expect(await store.getState().queryOrgInterviews()).toBe(true);
    const r = store.getState().runtime;
    const at = (r?.groups ?? []).reduce((n, g) => n + g.interviews.length, 0);
    const elsewhere = (r?.elsewhere ?? []).reduce((n, g) => n + g.interviews.length, 0);
    expect(r?.shown).toBe(48);
    expect(at + elsewhere).toBe(48);
    expect(r?.elsewhere.some((g) => g.element === '')).toBe(true);
    expect(r?.elsewhere.some((g) => g.element !== '')).toBe(true);
    expect(store.getState().runtimeNotes.size).toBe(r?.groups.length);
    expect(r?.source.kind).toBe('org');
    expect(r?.capNote).toBeUndefined();
    expect(store.getState().orgInterviews).toBeUndefined();
    expect(stateText(store)).not.toContain(mock.token);
  });

  it('50,000 interviews: the first 2,000 read (one page), "Showing the first 2,000 of 50,000 interviews"', async () => {
    const flow = mock.flows.find((f) => f.label === ADOPTION);
    const active = flow && activeOf(flow);
    if (!active) throw new Error('no active version');
    mock.rest.interviews = mockInterviews(active, 50_000, { seed: 5 });
    const store = await openAdoption();
    expect(await store.getState().queryOrgInterviews()).toBe(true);
    expect(store.getState().runtime).toMatchObject({ shown: 2000, total: 50_000 });
    expect(store.getState().runtime?.capNote).toBe('Showing the first 2,000 of 50,000 interviews.');
  });

  it('a flow not opened from the org: refused in words; a failing org: its message, what was there stays', async () => {
    const store = await openAdoption();
    const sample = readFileSync(join(__dirname, '../../src/samples/Case_Triage.flow-meta.xml'), 'utf8');
    expect(store.getState().load(sample, { kind: 'paste', name: 'pasted text' })).toBe(true);
    expect(await store.getState().queryOrgInterviews()).toBe(false);
    expect(store.getState().orgInterviews).toMatchObject({
      status: 'error',
      message: 'The flow on screen was not opened from the connected org.',
    });
    const again = await openAdoption();
    mock.mode = 'server-error';
    expect(await again.getState().queryOrgInterviews()).toBe(false);
    expect(again.getState().orgInterviews).toMatchObject({ status: 'error' });
    expect(again.getState().runtime).toBeUndefined();
    expect(stateText(again)).not.toContain(mock.token);
  });

  it('a pasted flow list’s flow opens through the org actions (its listed version)', async () => {
    const store = await openAdoption();
    const flow = mock.flows.find((f) => f.label === ADOPTION);
    const list = {
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'FlowDefinitionView' },
          ApiName: flow?.developerName,
          Label: ADOPTION,
          ProcessType: 'Flow',
          VersionNumber: 1,
        },
      ],
    };
    await store.getState().preparePayload('{}');
    expect(store.getState().load(JSON.stringify(list), { kind: 'paste', name: 'pasted text' })).toBe(true);
    const item = store.getState().restView?.kind === 'flow-list' ? store.getState().restView : undefined;
    if (item?.kind !== 'flow-list' || !item.flows[0]) throw new Error('no flow list');
    await openListedFlow(store.getState, item.flows[0]);
    expect(store.getState().flow?.source).toEqual({ kind: 'org', name: `${flow?.developerName} v1` });
    expect(store.getState().restView).toBeUndefined();
  });
});
