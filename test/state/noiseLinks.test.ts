import { describe, expect, it } from 'vitest';
import { createLocalChangeClient } from '../../src/sets/changeClient';
import type { PullSets } from '../../src/sources/pullSources';
import { createAppStore, type LayoutData, type StoreDeps } from '../../src/state/store';
import { fakeRepo, flowXml } from './setsFakes';

/** A #/changes link's noise filters: set for every comparison of the change set, and written back. */
const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});
const xml = (name: string, text: string) => ({ path: `flows/${name}.flow-meta.xml`, text });
const BASE = [xml('Small', flowXml('Small'))];
const HEAD = [xml('Small', flowXml('Small', ['X']))];
const PR = 'https://github.com/acme/crm/pull/12';
const side = (sha: string) => ({ ref: sha, sha, project: 'acme/crm', tree: `https://github.com/acme/crm/tree/${sha}` });
const pull: PullSets = {
  pull: { host: 'github', url: PR, number: 12, title: 'T', base: side('aaa'), head: side('bbb') },
  base: { files: BASE, skipped: [] },
  head: { files: HEAD, skipped: [] },
  changed: [],
  unchanged: 0,
};
const deps: StoreDeps = {
  layout: stacked,
  changes: async () => ({
    createClient: createLocalChangeClient,
    fetchRepo: fakeRepo(BASE).fetchRepo,
    fetchPull: async () => pull,
  }),
};

describe('noise filters in #/changes links', () => {
  it('the link sets them, Copy link writes them back (list and flow), a link without them clears them', async () => {
    const store = createAppStore(deps);
    const link = `#/changes?v=1&src=${encodeURIComponent(PR)}&ignore=label,description&flow=Small`;
    expect(await store.getState().openLink(link)).toBe(true);
    expect([...store.getState().noise].sort()).toEqual(['description', 'label']);
    const built = await store.getState().linkForScreen('https://flowscope.dev/');
    expect(built.ok && built.url).toContain('&ignore=description,label&');
    store.getState().showChangeList();
    const list = await store.getState().linkForScreen('https://flowscope.dev/');
    expect(list.ok && list.url).toBe(
      `https://flowscope.dev/#/changes?v=1&ignore=description,label&src=${encodeURIComponent(PR)}`,
    );
    expect(await store.getState().openLink(`#/changes?v=1&src=${encodeURIComponent(PR)}`)).toBe(true);
    expect(store.getState().noise.size).toBe(0);
  });
});
