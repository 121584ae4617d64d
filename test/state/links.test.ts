import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildLink, type LinkState } from '../../src/share/index';
import { createAppStore, type FetchUrl, type ShareService } from '../../src/state/store';

/** Opening a share link, and making one for the screen, in the store without React. */
const samples = join(__dirname, '../../src/samples');
const v1 = readFileSync(join(samples, 'Opportunity_Review.flow-meta.xml'), 'utf8');
const v2 = readFileSync(join(samples, 'Opportunity_Review.v2.flow-meta.xml'), 'utf8');
const SITE = 'https://flowscope.example/';
const hashOf = (url: string) => url.slice(url.indexOf('#'));
async function link(state: LinkState) {
  const made = await buildLink(state, SITE);
  if (!made.ok) throw new Error(made.message);
  return hashOf(made.url);
}
const RAW = 'https://raw.example.com/o/r/main/Opportunity_Review.flow-meta.xml';

describe('openLink', () => {
  it('an inline view link opens the flow and selects its element', async () => {
    const store = createAppStore();
    expect(
      await store
        .getState()
        .openLink(await link({ v: 1, route: 'view', a: { kind: 'inline', text: v1 }, sel: 'Check_Amount' })),
    ).toBe(true);
    const s = store.getState();
    expect(s.flow?.doc.label).toBe('Opportunity Review');
    expect(s.flow?.source.kind).toBe('link');
    expect(s.selection).toBe('Check_Amount');
    expect(s.comparison).toBeUndefined();
  });

  it('a diff link opens the comparison with its mode and selection; the screen’s link opens the same', async () => {
    const store = createAppStore();
    const hash = await link({
      v: 1,
      route: 'diff',
      a: { kind: 'inline', text: v1 },
      b: { kind: 'inline', text: v2 },
      mode: 'changes',
      sel: 'Notify_Owner',
    });
    expect(await store.getState().openLink(hash)).toBe(true);
    const s = store.getState();
    expect(s.comparison?.diff.summary.nodes).toMatchObject({ added: 1, renamed: 1 });
    expect(s.diffMode).toBe('changes');
    expect(s.selection).toBe('Notify_Owner');
    const again = await store.getState().linkForScreen(SITE);
    if (!again.ok) throw new Error(again.message);
    const other = createAppStore();
    expect(await other.getState().openLink(hashOf(again.url))).toBe(true);
    expect(other.getState().comparison?.diff.summary).toEqual(s.comparison?.diff.summary);
    expect(other.getState().diffMode).toBe('changes');
    expect(other.getState().selection).toBe('Notify_Owner');
  });

  it('a bad link: the codec’s message as the page error, naming the link; what was open stays', async () => {
    const store = createAppStore();
    store.getState().load(v1, { kind: 'sample', name: 'Opportunity_Review.flow-meta.xml' });
    const open = store.getState().flow;
    expect(await store.getState().openLink('#/view?v=1&z=!!!not-base64')).toBe(false);
    expect(store.getState().error).toMatchObject({
      source: { kind: 'link', name: 'this link' },
      message: expect.stringMatching(/damaged|cut short/),
    });
    expect(store.getState().flow).toBe(open);
  });

  it('a URL version that cannot be fetched: an error naming the URL, with the source’s hint', async () => {
    const fetchUrl = vi.fn<FetchUrl>(async () =>
      Promise.reject(Object.assign(new Error('Nothing found at the address.'), { hint: 'Check the branch name.' })),
    );
    const store = createAppStore({ fetchUrl });
    const hash = await link({ v: 1, route: 'diff', a: { kind: 'inline', text: v1 }, b: { kind: 'url', url: RAW } });
    expect(await store.getState().openLink(hash)).toBe(false);
    expect(fetchUrl).toHaveBeenCalledWith(RAW, {});
    expect(store.getState().error).toEqual({
      message: `Could not fetch ${RAW}: Nothing found at the address.`,
      hint: 'Check the branch name.',
      source: { kind: 'link', name: RAW },
    });
    expect(store.getState().comparison).toBeUndefined();
  });

  it('a URL version is fetched (no token) and opened under its URL; the screen’s link names the URL', async () => {
    const fetchUrl = vi.fn<FetchUrl>(async (url) => ({ text: v1, name: url }));
    const store = createAppStore({ fetchUrl });
    expect(await store.getState().openLink(await link({ v: 1, route: 'view', a: { kind: 'url', url: RAW } }))).toBe(
      true,
    );
    expect(store.getState().flow?.source).toEqual({ kind: 'url', name: RAW });
    const again = await store.getState().linkForScreen(SITE);
    expect(again.ok && again.url).toBe(`${SITE}#/view?v=1&src=${encodeURIComponent(RAW)}`);
  });

  it('decodes with the link codec given to createAppStore', async () => {
    const decodeLink = vi.fn(async () => ({
      ok: true as const,
      state: { v: 1 as const, route: 'view' as const, a: { kind: 'inline' as const, text: v1, name: 'Given' } },
      notices: [],
    }));
    const real = await import('../../src/share/index');
    const share: ShareService = async () => ({ ...real, decodeLink });
    const store = createAppStore({ share });
    expect(await store.getState().openLink('#/view?v=1&z=anything')).toBe(true);
    expect(decodeLink).toHaveBeenCalledWith('#/view?v=1&z=anything');
    expect(store.getState().flow?.source).toEqual({ kind: 'link', name: 'Given (from the link)' });
  });
});

describe('linkForScreen', () => {
  it('says to open a flow first when nothing is open', async () => {
    expect(await createAppStore().getState().linkForScreen(SITE)).toEqual({
      ok: false,
      message: 'Open a flow first.',
      hint: 'Load a flow, then copy its link.',
    });
  });
});
