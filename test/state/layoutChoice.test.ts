import { describe, expect, it } from 'vitest';
import type { LayoutRequest } from '../../src/state/layoutChoice';
import { createAppStore, type LayoutData, type LayoutService } from '../../src/state/store';
import { AUTO_LAYOUT, FREE_FORM, FREE_FORM_V2 } from '../helpers/freeForm';

const file = (name: string) => ({ kind: 'file' as const, name });
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A fake layout that records what it was asked for and draws nodes in a column. */
function recording() {
  const calls: { nodes: number; request: LayoutRequest | undefined }[] = [];
  const layout: LayoutService = async (g, _progress, request) => {
    calls.push({ nodes: g.nodes.length, request });
    const out: LayoutData = { width: 300, height: g.nodes.length * 100, nodes: Object.create(null), edges: {} };
    g.nodes.forEach((n, i) => {
      out.nodes[n.id] = { x: 0, y: i * 100, width: 200, height: 60 };
    });
    return out;
  };
  return { calls, layout };
}

describe('the Layout choice in the store', () => {
  it('opens a free-form flow at its saved positions, an Auto-Layout one with Auto-Layout', async () => {
    const { calls, layout } = recording();
    const store = createAppStore({ layout });
    store.getState().load(FREE_FORM, file('free.flow-meta.xml'));
    expect(store.getState().layoutChoice).toBe('saved');
    await settle();
    expect(calls.at(-1)?.request?.engine).toBe('saved');
    expect(calls.at(-1)?.request?.positions?.Check_Region).toEqual({ x: 400, y: 200 });
    expect(calls.at(-1)?.request?.positions?.$start).toEqual({ x: 50, y: 50 });

    store.getState().load(AUTO_LAYOUT, file('auto.flow-meta.xml'));
    expect(store.getState().layoutChoice).toBe('auto');
    await settle();
    expect(calls.at(-1)?.request).toEqual({ engine: 'auto' });
    expect(store.getState().flow?.positions).toBeUndefined();
  });

  it('switching lays out again with the chosen engine and keeps the selection', async () => {
    const { calls, layout } = recording();
    const store = createAppStore({ layout });
    store.getState().load(FREE_FORM, file('free.flow-meta.xml'));
    await settle();
    store.getState().select('Create_Lead');
    const highlight = store.getState().highlight;
    store.getState().setLayoutChoice('elk');
    expect(store.getState().layout.status).toBe('running');
    await settle();
    expect(calls.at(-1)?.request).toEqual({ engine: 'elk' });
    expect(store.getState().layout.status).toBe('done');
    expect(store.getState().selection).toBe('Create_Lead');
    expect(store.getState().highlight).toBe(highlight);
    store.getState().setLayoutChoice('auto');
    await settle();
    expect(calls.at(-1)?.request).toEqual({ engine: 'auto' });
    store.getState().setLayoutChoice('saved');
    await settle();
    expect(calls.at(-1)?.request?.engine).toBe('saved');
    // Choosing what is already chosen does not lay out again.
    const n = calls.length;
    store.getState().setLayoutChoice('saved');
    expect(calls.length).toBe(n);
  });

  it('Saved positions cannot be chosen for a flow without them', async () => {
    const { calls, layout } = recording();
    const store = createAppStore({ layout });
    store.getState().load(AUTO_LAYOUT, file('auto.flow-meta.xml'));
    await settle();
    const n = calls.length;
    store.getState().setLayoutChoice('saved');
    expect(store.getState().layoutChoice).toBe('auto');
    expect(calls.length).toBe(n);
    // A link's choice of Saved positions on such a flow opens it with Auto-Layout.
    store.getState().load(AUTO_LAYOUT, file('auto.flow-meta.xml'), undefined, 'saved');
    expect(store.getState().layoutChoice).toBe('auto');
  });

  it('only the newest choice is drawn when an older layout answers late', async () => {
    const pending: ((l: LayoutData) => void)[] = [];
    const store = createAppStore({ layout: () => new Promise<LayoutData>((resolve) => pending.push(resolve)) });
    store.getState().load(FREE_FORM, file('free.flow-meta.xml'));
    store.getState().setLayoutChoice('elk');
    const late: LayoutData = { width: 1, height: 1, nodes: {}, edges: {} };
    const fresh: LayoutData = { width: 2, height: 2, nodes: {}, edges: {} };
    pending[1]?.(fresh);
    pending[0]?.(late);
    await settle();
    const s = store.getState().layout;
    expect(s.status === 'done' && s.layout).toBe(fresh);
  });

  it('a comparison of two free-form versions keeps one set of positions: the after one’s, removed ones from before', async () => {
    const { calls, layout } = recording();
    const store = createAppStore({ layout });
    expect(
      await store
        .getState()
        .compare({ text: FREE_FORM, source: file('v1') }, { text: FREE_FORM_V2, source: file('v2') }),
    ).toBe(true);
    expect(store.getState().layoutChoice).toBe('saved');
    await settle();
    const positions = calls.at(-1)?.request?.positions;
    expect(calls.at(-1)?.request?.engine).toBe('saved');
    expect(positions?.Notify_Sales).toEqual({ x: 1150, y: 60 }); // added: the after version's
    expect(positions?.Thank_You).toEqual({ x: 1300, y: 260 }); // kept and moved: the after version's
    expect(positions?.Show_Error).toEqual({ x: 1000, y: 420 }); // removed: the before version's
    const union = store
      .getState()
      .comparison?.diff.graph.nodes.map((n) => n.id)
      .sort();
    expect(Object.keys(positions ?? {}).sort()).toEqual(union);

    // Swapping keeps the choice; closing goes back to the single flow with it.
    store.getState().setLayoutChoice('elk');
    await store.getState().swapSides();
    expect(store.getState().layoutChoice).toBe('elk');
    store.getState().closeComparison();
    expect(store.getState().layoutChoice).toBe('elk');
  });

  it('a comparison whose after version uses Auto-Layout is drawn with Auto-Layout', async () => {
    const { calls, layout } = recording();
    const store = createAppStore({ layout });
    await store.getState().compare({ text: FREE_FORM, source: file('v1') }, { text: AUTO_LAYOUT, source: file('v2') });
    expect(store.getState().layoutChoice).toBe('auto');
    expect(store.getState().comparison?.positions).toBeUndefined();
    await settle();
    expect(calls.at(-1)?.request).toEqual({ engine: 'auto' });
  });
});
