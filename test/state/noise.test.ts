import { describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { createAppStore, type LayoutData } from '../../src/state/store';
import { quietFlowXml } from '../model/diff/quietFlow';

const SITE = 'https://flowscope.example/';
const before = { text: quietFlowXml(), source: { kind: 'file' as const, name: 'before.flow-meta.xml' } };
// The decision changed only in its description; the assignment really changed.
const after = {
  text: quietFlowXml({ decisionDescription: 'Reworded', step: '2.0' }),
  source: { kind: 'file' as const, name: 'after.flow-meta.xml' },
};
const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});
const tick = () => new Promise((r) => setTimeout(r, 0));
const titles = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) =>
  s.comparison?.changes.map((c) => c.title) ?? [];
const status = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>, id: string) =>
  s.comparison?.diff.graph.nodes.find((n) => n.id === id)?.status;

describe('noise filters in the store', () => {
  it('a toggle re-filters the comparison at once: canvas statuses, change list and counts; the layout stays', async () => {
    let layouts = 0;
    const store = createAppStore({
      layout: (g) => {
        layouts++;
        return stacked(g);
      },
    });
    await store.getState().compare(before, after);
    await tick();
    expect(titles(store.getState()).sort()).toEqual(['Add One', 'Is Big']);
    expect(store.getState().comparison?.filtering?.hidden.description).toBe(1);
    const laid = store.getState().layout;
    await store.getState().toggleNoise('description');
    const s = store.getState();
    expect([...s.noise]).toEqual(['description']);
    expect(titles(s)).toEqual(['Add One']);
    expect(status(s, 'Is_Big')).toBe('unchanged');
    expect(status(s, 'Add_One')).toBe('changed');
    expect(s.comparison?.diff.summary.nodes.changed).toBe(1);
    expect(s.layout).toBe(laid);
    expect(layouts).toBe(1);
    await store.getState().toggleNoise('description');
    expect(titles(store.getState()).sort()).toEqual(['Add One', 'Is Big']);
  });

  it('n / p stay on the change being looked at, and the choice survives Swap and the next comparison', async () => {
    const store = createAppStore({ layout: stacked });
    await store.getState().compare(before, after);
    await tick();
    const at = store.getState().comparison?.changes.findIndex((c) => c.title === 'Add One') ?? -1;
    store.getState().goToChange(at);
    await store.getState().setNoise(new Set(['description']));
    expect(store.getState().comparison?.changes[store.getState().changeIndex ?? -1]?.title).toBe('Add One');
    store.getState().stepChange(1);
    expect(store.getState().changeIndex).toBe(0);
    await store.getState().swapSides();
    expect(titles(store.getState())).toEqual(['Add One']);
    await store.getState().compare(before, after);
    expect(titles(store.getState())).toEqual(['Add One']);
  });

  it("a comparison's link carries the choice, and opening it restores it; a link without it clears it", async () => {
    const store = createAppStore({ layout: stacked });
    await store.getState().compare(before, after);
    await store.getState().setNoise(new Set(['label', 'description']));
    const built = await store.getState().linkForScreen(SITE);
    if (!built.ok) throw new Error(built.message);
    expect(built.url).toContain('ignore=description,label');
    const other = createAppStore({ layout: stacked });
    expect(await other.getState().openLink(built.url.slice(built.url.indexOf('#')))).toBe(true);
    expect([...other.getState().noise].sort()).toEqual(['description', 'label']);
    expect(titles(other.getState())).toEqual(['Add One']);
    const plain = await buildLink(
      { v: 1, route: 'diff', a: { kind: 'inline', text: before.text }, b: { kind: 'inline', text: after.text } },
      SITE,
    );
    if (!plain.ok) throw new Error(plain.message);
    expect(await other.getState().openLink(plain.url.slice(plain.url.indexOf('#')))).toBe(true);
    expect(other.getState().noise.size).toBe(0);
    expect(titles(other.getState())).toHaveLength(2);
  });

  it('Changes only folds the filtered diff again', async () => {
    const store = createAppStore({ layout: stacked });
    await store.getState().compare(before, after);
    await tick();
    store.getState().setDiffMode('changes');
    await store.getState().showChanges();
    await store.getState().setNoise(new Set(['description']));
    await tick();
    const view = store.getState().changesView;
    expect(view?.diff).toBe(store.getState().comparison?.diff);
    expect([...(view?.folded.changed ?? [])]).toEqual(['Add_One']);
  });
});
