import { describe, expect, it } from 'vitest';
import type { OrgClient } from '../../src/sources/toolingTypes';
import { type AppState, createAppStore, selectSetProgress } from '../../src/state/store';
import { MemoryStorage } from '../helpers/memoryStorage';
import { fakeOrg, fakeRepo, fakeSetClient, flowXml, setDeps, TREE_URL } from './setsFakes';

/**
 * The store's flow set use-cases without React, with a fake set client and repository reader: opening a
 * folder, a zip, a repository and an org (progress, errors, cancel, a newer open), a set's flows and the
 * breadcrumb, closing, the list, search.
 */
const TOKEN = 'ghp_secretToken1234567890';
const folderFiles = () => [
  { path: 'flows/Parent.flow-meta.xml', file: new File([flowXml('Parent', ['Child', 'Elsewhere'])], 'a') },
  { path: 'flows/Child.flow-meta.xml', file: new File([flowXml('Child')], 'b') },
  { path: 'flows/__proto__.flow-meta.xml', file: new File([flowXml('Proto')], 'c') },
  { path: 'README.md', file: new File(['# not a flow'], 'README.md') },
];
const repoFiles = () => [
  { path: 'force-app/main/default/flows/Parent.flow-meta.xml', text: flowXml('Parent', ['Child']) },
  { path: 'force-app/main/default/flows/Child.flow-meta.xml', text: flowXml('Child') },
];
/** Every `set` state the store goes through while `run` runs. */
async function states<T>(store: ReturnType<typeof createAppStore>, run: () => Promise<T>) {
  const seen: AppState[] = [];
  const stop = store.subscribe((s) => seen.push(s));
  const result = await run();
  stop();
  return { result, seen };
}
const stateText = (store: ReturnType<typeof createAppStore>) =>
  JSON.stringify(store.getState(), (_k, v: unknown) => (typeof v === 'function' ? undefined : v));
const later = () => {
  let release: () => void = () => undefined;
  const hold = new Promise<void>((r) => {
    release = r;
  });
  return { hold, release };
};

describe('opening a set', () => {
  it('a folder: every file goes to the client with its path; the list shows its flows, the rest skipped', async () => {
    const { deps, clients } = setDeps(fakeRepo([]));
    const store = createAppStore(deps);
    const { result, seen } = await states(store, () =>
      store.getState().openSet({ kind: 'folder', name: 'flows', files: folderFiles() }),
    );
    expect(result).toBe(true);
    const set = store.getState().set;
    expect(set).toMatchObject({ status: 'ready', source: { kind: 'folder', name: 'flows' }, path: [], listing: true });
    expect(set?.summary?.flows.map((f) => f.name)).toEqual(['Parent', 'Child', '__proto__']);
    expect(set?.summary?.skipped).toEqual([{ file: 'README.md', reason: 'not a flow file' }]);
    expect(set?.summary?.calls.map((c) => [c.callee, c.resolved])).toEqual([
      ['Child', true],
      ['Elsewhere', false],
    ]);
    expect(clients[0]?.opens[0]?.files.map((f) => f.path)).toEqual(folderFiles().map((f) => f.path));
    expect(clients[0]?.opens[0]?.files.every((f) => 'blob' in f)).toBe(true);
    const phases = seen.map((s) => s.set?.status === 'loading' && s.set.progress?.phase).filter(Boolean);
    expect(phases).toContain('Reading flows');
    // Nothing else on screen changed: no flow was opened.
    expect(store.getState().flow).toBeUndefined();
  });

  it('a zip goes to the client as one file under its name', async () => {
    const zip = new File([new Uint8Array([80, 75, 3, 4])], 'package.zip');
    const client = fakeSetClient({
      'package.zip': [{ path: 'unpackaged/flows/Child.flow-meta.xml', text: flowXml('Child') }],
    });
    const { deps } = setDeps(fakeRepo([]), () => client);
    const store = createAppStore(deps);
    expect(await store.getState().openSet({ kind: 'zip', file: zip })).toBe(true);
    expect(client.opens[0]?.files).toEqual([{ path: 'package.zip', blob: zip }]);
    expect(store.getState().set).toMatchObject({ status: 'ready', source: { kind: 'zip', name: 'package.zip' } });
    expect(store.getState().set?.summary?.flows.map((f) => f.file)).toEqual(['unpackaged/flows/Child.flow-meta.xml']);
  });

  it('a repository: listing, fetching and reading said in words as they happen; the tree names the set', async () => {
    const repo = fakeRepo(repoFiles());
    const { deps, clients } = setDeps(repo);
    const store = createAppStore(deps);
    const words: string[] = [];
    const stop = store.subscribe((s) => {
      const w = selectSetProgress(s);
      if (w && words.at(-1) !== w) words.push(w);
    });
    expect(await store.getState().openSet({ kind: 'repo', url: ` ${TREE_URL} ` })).toBe(true);
    stop();
    expect(words).toEqual([
      'Opening the set…',
      'Listing the repository…',
      'Fetching flow files 1 / 2',
      'Fetching flow files 2 / 2',
      'Reading flows 0 / 2',
      'Reading flows 2 / 2',
    ]);
    expect(repo.calls).toEqual([{ url: TREE_URL, token: undefined }]);
    expect(store.getState().set).toMatchObject({
      status: 'ready',
      source: { kind: 'repo', name: 'acme/crm/force-app/main/default/flows @ main', url: TREE_URL },
      listing: true,
      path: [],
    });
    // The repository's skipped files are listed with the client's.
    expect(clients[0]?.opens[0]?.options.skipped).toEqual([{ file: 'README.md', reason: 'not a flow file' }]);
    expect(store.getState().set?.summary?.skipped).toEqual([{ file: 'README.md', reason: 'not a flow file' }]);
  });

  it('a private repository without a token asks for one; with it the set opens; the token is never kept', async () => {
    const repo = fakeRepo(repoFiles());
    repo.mode = 'private';
    const { deps } = setDeps(repo);
    const store = createAppStore(deps);
    expect(await store.getState().openSet({ kind: 'repo', url: TREE_URL })).toBe(false);
    const failed = store.getState().set;
    expect(failed).toMatchObject({ status: 'error', source: { kind: 'repo', url: TREE_URL } });
    expect(failed?.error?.needsToken).toBe(true);
    expect(failed?.error?.message).toContain('404');
    expect(failed?.error?.hint).toMatch(/token/);
    expect(await store.getState().openSet({ kind: 'repo', url: TREE_URL, token: TOKEN })).toBe(true);
    expect(repo.calls.map((c) => c.token)).toEqual([undefined, TOKEN]);
    expect(store.getState().set?.status).toBe('ready');
    expect(stateText(store)).not.toContain(TOKEN);
  });

  it('a used-up rate limit is not a private repository: no token asked, the host’s hint kept', async () => {
    const repo = fakeRepo(repoFiles());
    repo.mode = 'rate-limited';
    const store = createAppStore(setDeps(repo).deps);
    expect(await store.getState().openSet({ kind: 'repo', url: TREE_URL })).toBe(false);
    expect(store.getState().set?.error).toEqual({
      message: 'GitHub’s rate limit is used up.',
      hint: 'Try again in 12 minutes.',
    });
  });

  it('an error that repeats the token shows it masked', async () => {
    const repo = fakeRepo([]);
    repo.fetchRepo = async (_url, options) => {
      throw new Error(`The host refused Authorization: Bearer ${options?.token}`);
    };
    const store = createAppStore(setDeps(repo).deps);
    expect(await store.getState().openSet({ kind: 'repo', url: TREE_URL, token: TOKEN })).toBe(false);
    expect(store.getState().set?.error?.message).toContain('[token]');
    expect(stateText(store)).not.toContain(TOKEN);
  });

  it('Cancel brings back the set before it, its worker untouched; the cancelled read stops', async () => {
    const repo = fakeRepo(repoFiles());
    const { deps, clients } = setDeps(repo);
    const store = createAppStore(deps);
    await store.getState().openSet({ kind: 'folder', name: 'flows', files: folderFiles() });
    await store.getState().openSetFlow('Child');
    const before = store.getState().set;
    const gate = later();
    repo.hold = gate.hold;
    const opening = store.getState().openSet({ kind: 'repo', url: TREE_URL });
    await Promise.resolve();
    expect(store.getState().set?.status).toBe('loading');
    store.getState().cancelSet();
    expect(store.getState().set).toBe(before);
    gate.release();
    expect(await opening).toBe(false);
    expect(store.getState().set).toBe(before);
    expect(clients.map((c) => c.disposed)).toEqual([false]);
    expect((await store.getState().searchSet('Proto'))?.groups.map((g) => g.flow)).toEqual(['__proto__']);
  });

  it('Cancel while the worker reads a second set stops that worker only', async () => {
    const gate = later();
    let made = 0;
    const { deps, clients } = setDeps(fakeRepo(repoFiles()), () => {
      const c = fakeSetClient();
      if (made++ === 1) c.hold = gate.hold;
      return c;
    });
    const store = createAppStore(deps);
    await store.getState().openSet({ kind: 'folder', name: 'flows', files: folderFiles() });
    const before = store.getState().set;
    const opening = store.getState().openSet({ kind: 'repo', url: TREE_URL });
    await new Promise((r) => setTimeout(r, 0));
    // A second worker reads the new set: the first still holds the set on screen.
    expect(clients).toHaveLength(2);
    expect(clients[1]?.opens).toHaveLength(1);
    store.getState().cancelSet();
    expect(await opening).toBe(false);
    expect(store.getState().set).toBe(before);
    expect(clients.map((c) => c.disposed)).toEqual([false, true]);
    expect((await store.getState().searchSet('Proto'))?.groups).toHaveLength(1);
    // A set opened over the one on screen is read by a new worker; the old one stops once it is read.
    await store.getState().openSet({ kind: 'repo', url: TREE_URL });
    expect(clients).toHaveLength(3);
    expect(clients.map((c) => c.disposed)).toEqual([true, true, false]);
  });

  it('Cancel with no set before leaves none', async () => {
    const repo = fakeRepo(repoFiles());
    const gate = later();
    repo.hold = gate.hold;
    const store = createAppStore(setDeps(repo).deps);
    const opening = store.getState().openSet({ kind: 'repo', url: TREE_URL });
    await Promise.resolve();
    store.getState().cancelSet();
    expect(store.getState().set).toBeUndefined();
    gate.release();
    expect(await opening).toBe(false);
    expect(store.getState().set).toBeUndefined();
  });

  it('a newer open wins over an older one still under way', async () => {
    const repo = fakeRepo(repoFiles());
    const gate = later();
    repo.hold = gate.hold;
    const store = createAppStore(setDeps(repo).deps);
    const older = store.getState().openSet({ kind: 'repo', url: TREE_URL });
    await Promise.resolve();
    const newer = store.getState().openSet({ kind: 'folder', name: 'mine', files: folderFiles() });
    gate.release();
    expect(await Promise.all([older, newer])).toEqual([false, true]);
    expect(store.getState().set).toMatchObject({ status: 'ready', source: { kind: 'folder', name: 'mine' } });
    // Cancelling now has nothing to cancel: the set stays.
    store.getState().cancelSet();
    expect(store.getState().set?.status).toBe('ready');
  });
});

describe('an org as a set', () => {
  async function connected(org: OrgClient) {
    const store = createAppStore({
      ...setDeps(fakeRepo([])).deps,
      storage: new MemoryStorage(),
      connect: async () => org,
    });
    await store.getState().connectOrg({ instanceUrl: org.instanceUrl, token: TOKEN, apiVersion: '63.0' }, false);
    return store;
  }

  it('not connected: the set says to connect first', async () => {
    const store = createAppStore(setDeps(fakeRepo([])).deps);
    expect(await store.getState().openSet({ kind: 'org', which: 'active' })).toBe(false);
    expect(store.getState().set).toMatchObject({
      status: 'error',
      source: { kind: 'org', which: 'active' },
      error: { message: 'Connect to an org first.' },
    });
  });

  it('every page of flows, then active versions 25 at a time; flows without one skipped with the reason', async () => {
    const org = fakeOrg(60);
    const store = await connected(org.client);
    const words: string[] = [];
    const stop = store.subscribe((s) => {
      const w = selectSetProgress(s);
      if (w && words.at(-1) !== w) words.push(w);
    });
    expect(await store.getState().openSet({ kind: 'org', which: 'active' })).toBe(true);
    stop();
    expect(org.batches).toEqual([25, 25, 4]);
    expect(words).toContain("Listing the org's flows 60 / 60");
    expect(words).toContain('Fetching flow versions 25 / 54');
    expect(words).toContain('Fetching flow versions 54 / 54');
    const set = store.getState().set;
    expect(set?.source).toEqual({ kind: 'org', name: 'acme.my.salesforce.com', which: 'active' });
    expect(set?.summary?.flows).toHaveLength(53);
    expect(set?.summary?.flows[0]).toMatchObject({ name: 'Org_Flow_0', file: 'Org_Flow_0.json', label: 'Org Flow 0' });
    expect(set?.summary?.skipped).toContainEqual({ file: 'Org_Flow_9.json', reason: 'no active version' });
    expect(set?.summary?.skipped).toContainEqual({ file: 'Org_Flow_4.json', reason: 'INVALID_ID' });
    expect(stateText(store)).not.toContain(TOKEN);
    // A flow of the org's set opens under its file's name.
    expect(await store.getState().openSetFlow('Org_Flow_3')).toBe(true);
    expect(store.getState().flow?.source).toEqual({ kind: 'file', name: 'Org_Flow_3.json' });
  });

  it('latest versions: every flow has one', async () => {
    const org = fakeOrg(12);
    const store = await connected(org.client);
    expect(await store.getState().openSet({ kind: 'org', which: 'latest' })).toBe(true);
    expect(store.getState().set?.summary?.flows).toHaveLength(11);
    expect(store.getState().set?.summary?.skipped).toEqual([{ file: 'Org_Flow_4.json', reason: 'INVALID_ID' }]);
  });
});

describe("a set's flows", () => {
  async function openFolder() {
    const { deps, clients } = setDeps(fakeRepo([]));
    const store = createAppStore(deps);
    await store.getState().openSet({ kind: 'folder', name: 'flows', files: folderFiles() });
    return { store, clients };
  }

  it('from the list: the flow on screen, named by its path in the set, its element selected', async () => {
    const { store } = await openFolder();
    expect(await store.getState().openSetFlow('Parent', { select: 'Call_0' })).toBe(true);
    const s = store.getState();
    expect(s.flow?.doc.label).toBe('Parent');
    expect(s.flow?.source).toEqual({ kind: 'file', name: 'flows/Parent.flow-meta.xml' });
    expect(s.selection).toBe('Call_0');
    expect(s.set).toMatchObject({ path: ['Parent'], listing: false });
  });

  it('drilling into a subflow adds to the breadcrumb; back, the caller shows with its Subflow selected', async () => {
    const { store } = await openFolder();
    await store.getState().openSetFlow('Parent');
    store.getState().select('Call_0');
    expect(await store.getState().openSetFlow('Child', { from: 'drill', select: 'Done' })).toBe(true);
    expect(store.getState().set?.path).toEqual(['Parent', 'Child']);
    expect(store.getState().flow?.doc.label).toBe('Child');
    expect(store.getState().selection).toBe('Done');
    expect(await store.getState().setBreadcrumb(0)).toBe(true);
    expect(store.getState().set?.path).toEqual(['Parent']);
    expect(store.getState().flow?.doc.label).toBe('Parent');
    expect(store.getState().selection).toBe('Call_0');
    // Opening from the list starts the breadcrumb again.
    await store.getState().openSetFlow('__proto__');
    expect(store.getState().set?.path).toEqual(['__proto__']);
    expect(store.getState().flow?.doc.label).toBe('Proto');
    expect(await store.getState().setBreadcrumb(3)).toBe(false);
  });

  it('a flow the set does not have: the banner says so, the screen stays', async () => {
    const { store } = await openFolder();
    await store.getState().openSetFlow('Parent');
    expect(await store.getState().openSetFlow('Elsewhere', { from: 'drill' })).toBe(false);
    expect(store.getState().error?.message).toBe('Elsewhere is not in this set.');
    expect(store.getState().flow?.doc.label).toBe('Parent');
    expect(store.getState().set?.path).toEqual(['Parent']);
  });

  it('a repository’s flow opens under its own page’s URL (so its single-flow link works)', async () => {
    const store = createAppStore(setDeps(fakeRepo(repoFiles())).deps);
    await store.getState().openSet({ kind: 'repo', url: TREE_URL });
    await store.getState().openSetFlow('Child');
    expect(store.getState().flow?.source).toEqual({
      kind: 'url',
      name: 'https://github.com/acme/crm/blob/main/force-app/main/default/flows/Child.flow-meta.xml',
    });
  });

  it('the list again keeps the flow behind it; closing the set keeps the flow as a single flow', async () => {
    const { store, clients } = await openFolder();
    await store.getState().openSetFlow('Child');
    store.getState().showSetList();
    expect(store.getState().set).toMatchObject({ listing: true, path: [] });
    expect(store.getState().flow?.doc.label).toBe('Child');
    await store.getState().openSetFlow('Parent');
    store.getState().closeSet();
    expect(store.getState().set).toBeUndefined();
    expect(store.getState().flow?.doc.label).toBe('Parent');
    expect(clients[0]?.disposed).toBe(true);
    expect(await store.getState().searchSet('Parent')).toBeUndefined();
    expect(await store.getState().openSetFlow('Child')).toBe(false);
  });

  it('search finds across the set; an older search overtaken by a newer one answers nothing', async () => {
    const { store } = await openFolder();
    const older = store.getState().searchSet('Done');
    const newer = store.getState().searchSet('Call 1');
    expect(await older).toBeUndefined();
    expect((await newer)?.groups.map((g) => g.flow)).toEqual(['Parent']);
    expect((await store.getState().searchSet('Done'))?.groups.map((g) => g.flow)).toEqual([
      'Parent',
      'Child',
      '__proto__',
    ]);
  });

  it('before any set: the actions do nothing and say nothing went wrong', async () => {
    const store = createAppStore(setDeps(fakeRepo([])).deps);
    expect(await store.getState().searchSet('x')).toBeUndefined();
    expect(await store.getState().openSetFlow('x')).toBe(false);
    store.getState().showSetList();
    store.getState().cancelSet();
    store.getState().closeSet();
    expect(store.getState().set).toBeUndefined();
  });
});
