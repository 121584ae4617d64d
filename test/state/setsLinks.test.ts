import { describe, expect, it } from 'vitest';
import { decodeLink, readSetLink } from '../../src/share/index';
import { createAppStore, selectSetLinkable } from '../../src/state/store';
import { MemoryStorage } from '../helpers/memoryStorage';
import { fakeOrg, fakeRepo, flowXml, setDeps, TREE_URL } from './setsFakes';

/** `#/set` links in the store: opening one (public, private), and the link of a set's screen. */
const SITE = 'https://flowscope.example/';
const TOKEN = 'glpat-secretToken1234567890';
const DIR = 'force-app/main/default/flows';
const repoFiles = () => [
  { path: `${DIR}/Parent.flow-meta.xml`, text: flowXml('Parent', ['Child']) },
  { path: `${DIR}/Child.flow-meta.xml`, text: flowXml('Child', ['Grandchild']) },
  { path: `${DIR}/Grandchild.flow-meta.xml`, text: flowXml('Grandchild') },
];
const linkTo = (params: string) => `#/set?v=1&src=${encodeURIComponent(TREE_URL)}${params}`;
const stateText = (store: ReturnType<typeof createAppStore>) =>
  JSON.stringify(store.getState(), (_k, v: unknown) => (typeof v === 'function' ? undefined : v));
async function built(store: ReturnType<typeof createAppStore>) {
  const link = await store.getState().linkForScreen(SITE);
  if (!link.ok) throw new Error(link.message);
  return link;
}

describe('opening a set link', () => {
  it('opens the repository, then the flow with its breadcrumb and the element selected', async () => {
    const repo = fakeRepo(repoFiles());
    const store = createAppStore(setDeps(repo).deps);
    expect(await store.getState().openLink(linkTo('&flow=Grandchild&via=Parent,Child&select=Done'))).toBe(true);
    const s = store.getState();
    expect(s.set).toMatchObject({ status: 'ready', path: ['Parent', 'Child', 'Grandchild'], listing: false });
    expect(s.flow?.doc.label).toBe('Grandchild');
    expect(s.selection).toBe('Done');
    expect(repo.calls).toEqual([{ url: TREE_URL, token: undefined }]);
    // The breadcrumb leads back.
    expect(await store.getState().setBreadcrumb(1)).toBe(true);
    expect(store.getState().flow?.doc.label).toBe('Child');
  });

  it('a link to the set alone shows its list; `sel=` works as `select=`', async () => {
    const store = createAppStore(setDeps(fakeRepo(repoFiles())).deps);
    expect(await store.getState().openLink(linkTo(''))).toBe(true);
    expect(store.getState().set).toMatchObject({ status: 'ready', listing: true, path: [] });
    expect(store.getState().flow).toBeUndefined();
    expect(await store.getState().openLink(linkTo('&flow=Child&sel=Call_0'))).toBe(true);
    expect(store.getState().selection).toBe('Call_0');
  });

  it('a private repository: the set asks for a token; given, the link’s flow and selection follow', async () => {
    const repo = fakeRepo(repoFiles());
    repo.mode = 'private';
    const store = createAppStore(setDeps(repo).deps);
    expect(await store.getState().openLink(linkTo('&flow=Child&via=Parent&select=Call_0'))).toBe(false);
    const asking = store.getState().set;
    expect(asking).toMatchObject({
      status: 'error',
      error: { needsToken: true },
      source: { kind: 'repo', url: TREE_URL },
    });
    // What the page does with the token the user types: the same URL again, with it.
    const url = asking?.source.kind === 'repo' ? asking.source.url : '';
    expect(await store.getState().openSet({ kind: 'repo', url, token: TOKEN })).toBe(true);
    expect(store.getState().set?.path).toEqual(['Parent', 'Child']);
    expect(store.getState().selection).toBe('Call_0');
    expect(stateText(store)).not.toContain(TOKEN);
    const link = await built(store);
    expect(link.url).not.toContain(TOKEN);
    expect(readSetLink(link.url)).toMatchObject({
      ok: true,
      state: { flow: 'Child', via: ['Parent'], select: 'Call_0' },
    });
  });

  it('a link into the set already on screen opens its flow without reading the repository again', async () => {
    const repo = fakeRepo(repoFiles());
    const store = createAppStore(setDeps(repo).deps);
    await store.getState().openLink(linkTo('&flow=Parent'));
    expect(await store.getState().openLink(linkTo('&flow=Grandchild&via=Parent,Child'))).toBe(true);
    expect(store.getState().set?.path).toEqual(['Parent', 'Child', 'Grandchild']);
    expect(await store.getState().openLink(linkTo(''))).toBe(true);
    expect(store.getState().set).toMatchObject({ listing: true, path: [] });
    expect(repo.calls).toHaveLength(1);
    // Opening the set itself (not a link) reads it again: the repository may have changed.
    await store.getState().openSet({ kind: 'repo', url: TREE_URL });
    expect(repo.calls).toHaveLength(2);
  });

  it('a flow the set does not have: the list, and the banner says so', async () => {
    const store = createAppStore(setDeps(fakeRepo(repoFiles())).deps);
    expect(await store.getState().openLink(linkTo('&flow=Nope'))).toBe(true);
    expect(store.getState().set).toMatchObject({ status: 'ready', listing: true });
    expect(store.getState().error?.message).toBe('Nope is not in this set.');
  });

  it('a broken set link is the banner’s error; nothing is fetched', async () => {
    const repo = fakeRepo(repoFiles());
    const store = createAppStore(setDeps(repo).deps);
    expect(await store.getState().openLink('#/set?flow=A')).toBe(false);
    expect(store.getState().error?.message).toMatch(/no repository/);
    expect(repo.calls).toEqual([]);
  });
});

describe('the link of a set’s screen', () => {
  it('a repository’s set: its list is the set link; a flow adds flow, via, select; it opens the same', async () => {
    const store = createAppStore(setDeps(fakeRepo(repoFiles())).deps);
    await store.getState().openSet({ kind: 'repo', url: TREE_URL });
    expect(selectSetLinkable(store.getState())).toBe('url');
    expect((await built(store)).url).toBe(`${SITE}${linkTo('')}`);
    await store.getState().openSetFlow('Parent');
    await store.getState().openSetFlow('Child', { from: 'drill', select: 'Call_0' });
    const link = await built(store);
    expect(link.url).toBe(`${SITE}${linkTo('&flow=Child&via=Parent&select=Call_0')}`);
    expect(link.warning).toBeUndefined();
    const other = createAppStore(setDeps(fakeRepo(repoFiles())).deps);
    expect(await other.getState().openLink(link.url.slice(SITE.length))).toBe(true);
    expect(other.getState().set?.path).toEqual(['Parent', 'Child']);
    expect(other.getState().selection).toBe('Call_0');
    // Another flow opened over the set's is shared as itself.
    store.getState().load(flowXml('Pasted'), { kind: 'paste', name: 'pasted text' });
    expect((await built(store)).url).toContain('#/view?v=1&z=');
    await store.getState().setBreadcrumb(1);
    // Closed, the flow is a single flow again: its link points at its own file.
    store.getState().closeSet();
    expect((await built(store)).url).toContain(
      `src=${encodeURIComponent(`https://raw.githubusercontent.com/acme/crm/main/${DIR}/Child.flow-meta.xml`)}`,
    );
  });

  it('a folder’s set: the flow on screen’s own link, with a warning; its list has no link', async () => {
    const store = createAppStore(setDeps(fakeRepo([])).deps);
    const files = [{ path: 'flows/Child.flow-meta.xml', file: new File([flowXml('Child')], 'Child.flow-meta.xml') }];
    await store.getState().openSet({ kind: 'folder', name: 'flows', files });
    expect(selectSetLinkable(store.getState())).toBe('local');
    const list = await store.getState().linkForScreen(SITE);
    expect(list).toMatchObject({ ok: false, message: expect.stringContaining('files on this computer') });
    await store.getState().openSetFlow('Child', { select: 'Done' });
    const link = await built(store);
    expect(link.warning).toBe(
      'This set was opened from files on this computer; a link cannot carry it. The link shares the flow on screen.',
    );
    const decoded = await decodeLink(link.url);
    expect(decoded).toMatchObject({ ok: true, state: { route: 'view', a: { kind: 'inline' }, sel: 'Done' } });
  });

  it('an org’s set says it came from an org; no set, no warning', async () => {
    const org = fakeOrg(3);
    const store = createAppStore({
      ...setDeps(fakeRepo([])).deps,
      storage: new MemoryStorage(),
      connect: async () => org.client,
    });
    await store.getState().connectOrg({ instanceUrl: org.client.instanceUrl, token: TOKEN, apiVersion: '63.0' }, false);
    await store.getState().openSet({ kind: 'org', which: 'active' });
    await store.getState().openSetFlow('Org_Flow_1');
    expect((await built(store)).warning).toMatch(/^This set was opened from an org; a link cannot carry it/);
    store.getState().closeSet();
    expect(selectSetLinkable(store.getState())).toBeUndefined();
    expect((await built(store)).warning).toBeUndefined();
    expect(stateText(store)).not.toContain(TOKEN);
  });
});
