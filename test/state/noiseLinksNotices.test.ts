import { describe, expect, it } from 'vitest';
import { buildLink, type LinkState } from '../../src/share/index';
import { createAppStore, type LayoutData, type StoreDeps } from '../../src/state/store';
import { quietFlowXml } from '../model/diff/quietFlow';
import { fakeRepo, flowXml } from './setsFakes';

/** A link naming a filter, mode or layout this Flowscope does not know opens, and the banner says what it skipped. */
const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});
const before = quietFlowXml();
const after = quietFlowXml({ decisionDescription: 'Reworded', step: '2.0' });
async function hashOf(state: LinkState) {
  const made = await buildLink(state, 'https://flowscope.example/');
  if (!made.ok) throw new Error(made.message);
  return made.url.slice(made.url.indexOf('#'));
}
const diffLink = () =>
  hashOf({
    v: 1,
    route: 'diff',
    a: { kind: 'inline', text: before },
    b: { kind: 'inline', text: after },
    mode: 'side',
    layout: 'auto',
    ignore: ['description'],
  });

describe('a link’s unknown names are a notice the user sees', () => {
  it('ignore=description,bogus: the known filter is on, the banner names "bogus" as a notice, not an error', async () => {
    const store = createAppStore({ layout: stacked });
    const hash = (await diffLink()).replace('ignore=description', 'ignore=description,bogus');
    expect(await store.getState().openLink(hash)).toBe(true);
    const s = store.getState();
    expect([...s.noise]).toEqual(['description']);
    expect(s.comparison?.diff.nodes.find((n) => n.id === 'Is_Big')?.status).toBe('unchanged');
    expect(s.error?.stage).toBe('notice');
    expect(s.error?.message).toContain('Unknown filter "bogus"');
    expect(s.error?.message).not.toContain('description"');
    // Dismissed like any banner; the comparison stays.
    s.dismissError();
    expect(store.getState().error).toBeUndefined();
    expect(store.getState().comparison).toBeDefined();
  });

  it('an unknown mode= and layout= are each said, and the comparison opens in the defaults', async () => {
    const store = createAppStore({ layout: stacked });
    const hash = (await diffLink()).replace('mode=side', 'mode=sideways').replace('layout=auto', 'layout=spiral');
    expect(await store.getState().openLink(hash)).toBe(true);
    const s = store.getState();
    expect(s.diffMode).toBe('overlay');
    expect(s.error?.stage).toBe('notice');
    expect(s.error?.message).toContain('"sideways"');
    expect(s.error?.message).toContain('"spiral"');
  });

  it('a link with only known names shows nothing; a failing link is an error, not a notice', async () => {
    const store = createAppStore({ layout: stacked });
    expect(await store.getState().openLink(await diffLink())).toBe(true);
    expect(store.getState().error).toBeUndefined();
    expect(await store.getState().openLink('#/diff?v=1&ignore=bogus&z=!!!')).toBe(false);
    expect(store.getState().error?.stage).toBeUndefined();
    expect(store.getState().error?.message).not.toContain('bogus');
  });

  it('a view link’s unknown layout is said too, and opening another flow clears the notice', async () => {
    const store = createAppStore({ layout: stacked });
    const hash = (await hashOf({ v: 1, route: 'view', a: { kind: 'inline', text: before }, layout: 'auto' })).replace(
      'layout=auto',
      'layout=spiral',
    );
    expect(await store.getState().openLink(hash)).toBe(true);
    expect(store.getState().flow).toBeDefined();
    expect(store.getState().error?.message).toContain('"spiral"');
    expect(store.getState().load(after, { kind: 'paste', name: 'pasted text' })).toBe(true);
    expect(store.getState().error).toBeUndefined();
  });

  it('a #/changes link’s unknown ignore= is said once the change set is open', async () => {
    const PR = 'https://github.com/acme/crm/pull/12';
    const side = (sha: string) => ({
      ref: sha,
      sha,
      project: 'acme/crm',
      tree: `https://github.com/acme/crm/tree/${sha}`,
    });
    const base = [{ path: 'flows/Small.flow-meta.xml', text: flowXml('Small') }];
    const head = [{ path: 'flows/Small.flow-meta.xml', text: flowXml('Small', ['X']) }];
    const { createLocalChangeClient } = await import('../../src/sets/changeClient');
    const deps: StoreDeps = {
      layout: stacked,
      changes: async () => ({
        createClient: createLocalChangeClient,
        fetchRepo: fakeRepo(base).fetchRepo,
        fetchPull: async () => ({
          pull: { host: 'github', url: PR, number: 12, title: 'T', base: side('aaa'), head: side('bbb') },
          base: { files: base, skipped: [] },
          head: { files: head, skipped: [] },
          changed: [],
          unchanged: 0,
        }),
      }),
    };
    const store = createAppStore(deps);
    const link = `#/changes?v=1&src=${encodeURIComponent(PR)}&ignore=label,whitespace&flow=Small`;
    expect(await store.getState().openLink(link)).toBe(true);
    expect([...store.getState().noise]).toEqual(['label']);
    expect(store.getState().comparison).toBeDefined();
    expect(store.getState().error?.stage).toBe('notice');
    expect(store.getState().error?.message).toContain('Unknown filter "whitespace"');
  });
});
