import { describe, expect, it } from 'vitest';
import { createLocalChangeClient } from '../../src/sets/changeClient';
import type { ChangeClient } from '../../src/sets/types';
import type { FetchPullSets, PullSets } from '../../src/sources/pullSources';
import { SourceError } from '../../src/sources/redact';
import { type AppState, createAppStore, type LayoutData, type StoreDeps } from '../../src/state/store';
import { abortError, fakeRepo, flowXml } from './setsFakes';

/**
 * The store's change-set use-cases without React: a pull request, two trees and two folders (fakes for the
 * readers, the real worker loop in this thread), the list as it comes, cancel, a private repository's token,
 * a flow's comparison and n / p across flows.
 */
const TOKEN = 'ghp_secretToken1234567890';
const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});
const xml = (name: string, text: string) => ({ path: `flows/${name}.flow-meta.xml`, text });
const BASE = [xml('Same', flowXml('Same')), xml('Small', flowXml('Small')), xml('Big', flowXml('Big'))];
const HEAD = [
  xml('Same', flowXml('Same')),
  xml('Small', flowXml('Small', ['X'])),
  xml('Big', flowXml('Big', ['X', 'Y', 'Z'])),
  xml('__proto__', flowXml('Proto')),
];
const PR = 'https://github.com/acme/crm/pull/12';

function pullSets(): PullSets {
  const side = (sha: string) => ({
    ref: sha,
    sha,
    project: 'acme/crm',
    tree: `https://github.com/acme/crm/tree/${sha}`,
  });
  return {
    pull: { host: 'github', url: PR, number: 12, title: 'Bigger flows', base: side('aaa'), head: side('bbb') },
    base: { files: BASE.slice(1), skipped: [] },
    head: { files: HEAD.slice(1), skipped: [] },
    changed: [],
    unchanged: 40,
  };
}

function deps(fetchPull: FetchPullSets = async () => pullSets(), repo = fakeRepo(BASE)) {
  const clients: ChangeClient[] = [];
  const d: StoreDeps = {
    layout: stacked,
    changes: async () => ({
      createClient: () => {
        const c = createLocalChangeClient();
        clients.push(c);
        return c;
      },
      fetchRepo: repo.fetchRepo,
      fetchPull,
    }),
  };
  return { deps: d, clients, repo };
}

async function states<T>(store: ReturnType<typeof createAppStore>, run: () => Promise<T>) {
  const seen: AppState[] = [];
  const stop = store.subscribe((s) => seen.push(s));
  const result = await run();
  stop();
  return { result, seen };
}

describe('opening a change set', () => {
  it('a pull request: the title, the rows by size of change, unchanged flows counted and hidden', async () => {
    const store = createAppStore(deps().deps);
    const { result, seen } = await states(store, () => store.getState().openChanges({ kind: 'pull', url: PR }));
    expect(result).toBe(true);
    const c = store.getState().changeSet;
    expect(c?.source).toEqual({ kind: 'pull', name: 'PR #12: Bigger flows', url: PR });
    expect(c?.rows.map((r) => [r.name, r.status])).toEqual([
      ['Big', 'changed'],
      ['__proto__', 'added'],
      ['Small', 'changed'],
    ]);
    expect(c?.counts).toEqual({ added: 1, removed: 0, changed: 2, unchanged: 40 });
    // The list was on screen, with flows still being compared, before it was ready.
    const loadingRows = seen.filter((s) => s.changeSet?.status === 'loading' && s.changeSet.rows.length > 0);
    expect(loadingRows.length).toBeGreaterThan(0);
    expect(loadingRows[0]?.changeSet?.rows.some((r) => r.status === 'pending')).toBe(true);
  });

  it('a flow file the pull request renames is removed + added, each noting the other', async () => {
    const renamed: FetchPullSets = async () => ({
      ...pullSets(),
      base: { files: [xml('Old_Name', flowXml('Old'))], skipped: [] },
      head: { files: [xml('New_Name', flowXml('Old', ['X']))], skipped: [] },
      changed: [{ path: 'flows/New_Name.flow-meta.xml', status: 'renamed', previous: 'flows/Old_Name.flow-meta.xml' }],
    });
    const store = createAppStore(deps(renamed).deps);
    expect(await store.getState().openChanges({ kind: 'pull', url: PR })).toBe(true);
    const rows = store.getState().changeSet?.rows ?? [];
    expect(rows.map((r) => [r.name, r.status])).toEqual(
      expect.arrayContaining([
        ['New_Name', 'added'],
        ['Old_Name', 'removed'],
      ]),
    );
    expect(rows.find((r) => r.name === 'New_Name')?.note).toMatch(/Old_Name/);
    expect(rows.find((r) => r.name === 'Old_Name')?.note).toMatch(/New_Name/);
  });

  it('two trees: both read with the token; two folders: their files go to the worker', async () => {
    const head = fakeRepo(HEAD);
    const { deps: d, repo } = deps(undefined, fakeRepo(BASE));
    const base = repo.fetchRepo;
    d.changes = async () => ({
      createClient: () => createLocalChangeClient(),
      fetchRepo: (url, o) => (url.includes('head') ? head.fetchRepo(url, o) : base(url, o)),
      fetchPull: async () => pullSets(),
    });
    const store = createAppStore(d);
    const refs = {
      kind: 'refs' as const,
      base: 'https://github.com/a/b/tree/base',
      head: 'https://github.com/a/b/tree/head',
    };
    expect(await store.getState().openChanges({ ...refs, token: TOKEN })).toBe(true);
    expect(store.getState().changeSet?.counts).toEqual({ added: 1, removed: 0, changed: 2, unchanged: 1 });
    expect([...repo.calls, ...head.calls].map((c) => c.token)).toEqual([TOKEN, TOKEN]);
    expect(JSON.stringify(store.getState().changeSet)).not.toContain(TOKEN);

    const folder = (name: string, files: typeof BASE) => ({
      kind: 'folder' as const,
      name,
      files: files.map((f) => ({ path: f.path, file: new File([f.text], f.path) })),
    });
    expect(
      await store.getState().openChanges({ kind: 'local', base: folder('a', BASE), head: folder('b', HEAD) }),
    ).toBe(true);
    expect(store.getState().changeSet?.source).toEqual({ kind: 'local', name: 'a → b' });
    expect(store.getState().changeSet?.rows).toHaveLength(3);
  });

  it('a private repository asks for a token; the retry with one opens the link’s flow', async () => {
    const fetchPull: FetchPullSets = async (_url, o = {}) => {
      if (!o.token) throw new SourceError('not-found', 'GitHub answered 404 for acme/crm.', '', [], 404);
      return pullSets();
    };
    const store = createAppStore(deps(fetchPull).deps);
    expect(await store.getState().openChanges({ kind: 'pull', url: PR, open: { flow: 'Small' } })).toBe(false);
    expect(store.getState().changeSet).toMatchObject({ status: 'error', error: { needsToken: true } });
    expect(await store.getState().openChanges({ kind: 'pull', url: PR, token: TOKEN })).toBe(true);
    expect(store.getState().changeSet?.flow).toBe('Small');
    expect(store.getState().comparison?.after.doc.name).toBe('Small');
  });

  it('cancel brings back what was there before', async () => {
    let release: () => void = () => undefined;
    const fetchPull: FetchPullSets = (_u, o = {}) =>
      new Promise((resolve, reject) => {
        release = () => resolve(pullSets());
        o.signal?.addEventListener('abort', () => reject(abortError()));
      });
    const store = createAppStore(deps(fetchPull).deps);
    const open = store.getState().openChanges({ kind: 'pull', url: PR });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().changeSet?.status).toBe('loading');
    store.getState().cancelChanges();
    release();
    expect(await open).toBe(false);
    expect(store.getState().changeSet).toBeUndefined();
  });
});

describe('a change set’s flows', () => {
  it('opens a flow’s comparison; n past its last change opens the next flow at its first, p goes back', async () => {
    const store = createAppStore(deps().deps);
    await store.getState().openChanges({ kind: 'pull', url: PR });
    expect(await store.getState().openChangedFlow('Big')).toBe(true);
    const big = store.getState().comparison;
    expect(big?.after.doc.name).toBe('Big');
    const n = big?.changes.length ?? 0;
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) store.getState().stepChange(1);
    expect(store.getState().changeIndex).toBe(n - 1);
    store.getState().stepChange(1);
    await new Promise((r) => setTimeout(r, 50));
    await waitUntil(() => store.getState().changeSet?.flow === '__proto__');
    // An added flow is compared with an empty one: every element reads as added.
    expect(store.getState().comparison?.diff.summary.nodes.added).toBeGreaterThan(0);
    expect(store.getState().changeIndex).toBe(0);
    store.getState().stepChange(-1);
    await waitUntil(() => store.getState().changeSet?.flow === 'Big');
    expect(store.getState().changeIndex).toBe(n - 1);
  });

  it('a plain comparison still wraps around', async () => {
    const store = createAppStore({ layout: stacked });
    await store
      .getState()
      .compare(
        { text: flowXml('A'), source: { kind: 'file', name: 'a' } },
        { text: flowXml('A', ['X']), source: { kind: 'file', name: 'b' } },
      );
    const n = store.getState().comparison?.changes.length ?? 0;
    for (let i = 0; i <= n; i++) store.getState().stepChange(1);
    expect(store.getState().changeIndex).toBe(0);
  });
});

async function waitUntil(ok: () => boolean) {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(ok()).toBe(true);
}

describe('change-set links', () => {
  it('a #/changes link opens the PR at its flow, mode and selection; Copy link makes the same link back', async () => {
    const store = createAppStore(deps().deps);
    const link = `#/changes?v=1&src=${encodeURIComponent(PR)}&flow=__proto__&mode=side&select=Done`;
    expect(await store.getState().openLink(link)).toBe(true);
    expect(store.getState().changeSet?.flow).toBe('__proto__');
    expect(store.getState().diffMode).toBe('side');
    expect(store.getState().selection).toBe('Done');
    const built = await store.getState().linkForScreen('https://flowscope.dev/');
    expect(built.ok && built.url).toBe(
      `https://flowscope.dev/#/changes?v=1&mode=side&src=${encodeURIComponent(PR)}&flow=__proto__&select=Done`,
    );
    store.getState().showChangeList();
    const list = await store.getState().linkForScreen('https://flowscope.dev/');
    expect(list.ok && list.url).toBe(`https://flowscope.dev/#/changes?v=1&src=${encodeURIComponent(PR)}`);
  });

  it('refs links carry both trees; a local change set says it cannot be linked', async () => {
    const { deps: d } = deps(undefined, fakeRepo(BASE));
    const store = createAppStore(d);
    const base = 'https://github.com/a/b/tree/main';
    const head = 'https://github.com/a/b/tree/feature';
    expect(await store.getState().openLink(`#/changes?base=${base}&head=${head}`)).toBe(true);
    const built = await store.getState().linkForScreen('https://x.dev/');
    expect(built.ok && built.url).toBe(
      `https://x.dev/#/changes?v=1&base=${encodeURIComponent(base)}&head=${encodeURIComponent(head)}`,
    );
    const folder = (name: string) => ({ kind: 'folder' as const, name, files: [] });
    await store.getState().openChanges({ kind: 'local', base: folder('a'), head: folder('b') });
    const local = await store.getState().linkForScreen('https://x.dev/');
    expect(local.ok).toBe(false);
    expect(!local.ok && local.message).toMatch(/cannot carry it/);
  });

  it('a link without a PR or both refs is the banner’s error', async () => {
    const store = createAppStore(deps().deps);
    expect(await store.getState().openLink('#/changes?v=1&base=https://github.com/a/b/tree/main')).toBe(false);
    expect(store.getState().error?.message).toMatch(/names no pull request/);
  });
});
