import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as graph from '../../src/model/graph';
import { buildLink } from '../../src/share/index';
import { createAppStore, type LayoutData, type LayoutService, type StoreDeps } from '../../src/state/store';

/**
 * Issue 11 in the store, without React: an input that parses but whose graph, diff or layout then fails ends
 * as the banner's error, with what was open before still on screen (its layout intact); stale answers drop.
 */
vi.mock('../../src/model/graph', async (actual) => {
  const real = await actual<typeof import('../../src/model/graph')>();
  return { ...real, buildGraph: vi.fn(real.buildGraph) };
});
afterEach(() => vi.mocked(graph.buildGraph).mockClear());

const samples = join(__dirname, '../../src/samples');
const v1 = readFileSync(join(samples, 'Opportunity_Review.flow-meta.xml'), 'utf8');
const v2 = readFileSync(join(samples, 'Opportunity_Review.v2.flow-meta.xml'), 'utf8');
const A = { text: v1, source: { kind: 'file' as const, name: 'a.flow-meta.xml' } };
const B = { text: v2, source: { kind: 'file' as const, name: 'b.flow-meta.xml' } };
const settle = () => new Promise((r) => setTimeout(r, 0));

const stacked = (g: { nodes: { id: string }[] }): LayoutData => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});

/** A layout service whose every request waits to be answered (`ok`) or failed (`fail`) by the test. */
function controlled() {
  const calls: { ok: () => void; fail: (e: Error) => void; nodes: number }[] = [];
  const layout: LayoutService = (g) =>
    new Promise<LayoutData>((resolve, reject) =>
      calls.push({ ok: () => resolve(stacked(g)), fail: reject, nodes: g.nodes.length }),
    );
  return { calls, layout };
}
/** A store with `a.flow-meta.xml` open and laid out. */
async function withA(deps: StoreDeps = {}) {
  const c = controlled();
  const store = createAppStore({ layout: c.layout, ...deps });
  expect(store.getState().load(A.text, A.source)).toBe(true);
  c.calls[0]?.ok();
  await settle();
  const s = store.getState();
  expect(s.layout.status).toBe('done');
  return { store, ...c, flow: s.flow, layout: s.layout };
}

describe('a layout that fails', () => {
  it('of a new flow: the previous flow comes back with its layout, and the banner says why', async () => {
    const { store, calls, flow, layout } = await withA();
    store.getState().select('Check_Amount');
    expect(store.getState().load(B.text, B.source)).toBe(true);
    expect(store.getState().flow?.source.name).toBe('b.flow-meta.xml');
    calls[1]?.fail(new Error('Laying out 9 elements took longer than 20 s.'));
    await settle();
    const s = store.getState();
    expect(s.flow).toBe(flow);
    expect(s.layout).toBe(layout);
    expect(s.selection).toBe('Check_Amount');
    expect(s.error).toMatchObject({
      stage: 'layout',
      source: B.source,
      message: 'Laying out 9 elements took longer than 20 s.',
      hint: expect.stringContaining('What was open before is back on screen'),
    });
  });

  it('of the very first flow: the flow stays with the in-canvas message, plus the banner', async () => {
    const { calls, layout } = controlled();
    const store = createAppStore({ layout });
    store.getState().load(A.text, A.source);
    calls[0]?.fail(new Error('worker crashed'));
    await settle();
    const s = store.getState();
    expect(s.flow?.source).toEqual(A.source);
    expect(s.layout).toEqual({ status: 'error', message: 'worker crashed' });
    expect(s.error).toMatchObject({ stage: 'layout', message: 'worker crashed', source: A.source });
  });

  it('a layout service that throws at once is a failure like any other, not an exception', async () => {
    let fail = false;
    const store = createAppStore({
      layout: async (g) => {
        if (fail) throw new Error('no worker');
        return stacked(g);
      },
    });
    store.getState().load(A.text, A.source);
    await settle();
    const first = store.getState().flow;
    fail = true;
    expect(store.getState().load(B.text, B.source)).toBe(true);
    await settle();
    expect(store.getState().flow).toBe(first);
    expect(store.getState().error).toMatchObject({ stage: 'layout', message: 'no worker' });
  });

  it('of a comparison: the flow it was opened from comes back', async () => {
    const { store, calls, flow, layout } = await withA();
    expect(await store.getState().compareWith(B)).toBe(true);
    expect(store.getState().comparison).toBeDefined();
    calls[1]?.fail(new Error('too many crossings'));
    await settle();
    const s = store.getState();
    expect(s.comparison).toBeUndefined();
    expect(s.flow).toBe(flow);
    expect(s.layout).toBe(layout);
    expect(s.error).toMatchObject({
      stage: 'layout',
      subject: 'the comparison of a.flow-meta.xml with b.flow-meta.xml',
      message: 'too many crossings',
    });
  });

  it('after swapping sides: the comparison as it was comes back', async () => {
    const { store, calls } = await withA();
    await store.getState().compareWith(B);
    calls[1]?.ok();
    await settle();
    const before = store.getState().comparison;
    expect(await store.getState().swapSides()).toBe(true);
    calls[2]?.fail(new Error('boom'));
    await settle();
    expect(store.getState().comparison).toBe(before);
    expect(store.getState().layout.status).toBe('done');
  });

  it('a stale failure (a newer load won) is dropped; so is a stale result', async () => {
    const { store, calls } = await withA();
    store.getState().load(B.text, B.source);
    store.getState().load(A.text, { kind: 'paste', name: 'pasted text' });
    calls[2]?.ok();
    await settle();
    calls[1]?.fail(new Error('late failure'));
    await settle();
    const s = store.getState();
    expect(s.flow?.source.kind).toBe('paste');
    expect(s.layout.status).toBe('done');
    expect(s.error).toBeUndefined();
  });

  it('a newer load still wins when the older one fails first', async () => {
    const { store, calls, flow } = await withA();
    store.getState().load(B.text, B.source);
    store.getState().load(A.text, { kind: 'paste', name: 'pasted text' });
    calls[1]?.fail(new Error('stale'));
    await settle();
    expect(store.getState().flow?.source.kind).toBe('paste');
    expect(store.getState().error).toBeUndefined();
    // And if the newest then fails, the last flow that was drawn comes back.
    calls[2]?.fail(new Error('newest failed'));
    await settle();
    expect(store.getState().flow).toBe(flow);
    expect(store.getState().error?.message).toBe('newest failed');
  });
});

describe('a graph or diff step that throws (an internal error)', () => {
  it('load: the banner names an internal error with its message; the open flow stays; nothing throws', async () => {
    const { store, flow, layout } = await withA();
    vi.mocked(graph.buildGraph).mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(() => store.getState().load(B.text, B.source)).not.toThrow();
    const s = store.getState();
    expect(s.flow).toBe(flow);
    expect(s.layout).toBe(layout);
    expect(s.error).toMatchObject({
      stage: 'graph',
      source: B.source,
      message: 'Internal error while building the graph: Maximum call stack size exceeded',
      hint: expect.stringContaining('Flowscope bug'),
    });
  });

  it('compare: a side whose graph throws is named; a differ that throws keeps the open flow', async () => {
    const { store, flow } = await withA({
      diff: async () => () => {
        throw new Error('differ broke');
      },
    });
    expect(await store.getState().compareWith(B)).toBe(false);
    expect(store.getState().comparison).toBeUndefined();
    expect(store.getState().flow).toBe(flow);
    expect(store.getState().error).toMatchObject({
      stage: 'diff',
      message: 'Internal error while comparing the two versions: differ broke',
    });
    vi.mocked(graph.buildGraph).mockImplementationOnce(() => {
      throw new Error('graph broke');
    });
    await expect(store.getState().compare(A, B)).resolves.toBe(false);
    expect(store.getState().error).toMatchObject({ stage: 'graph', side: 'before' });
  });

  it('a differ that cannot load (a failed chunk) ends in the banner, not a rejection', async () => {
    const { store, flow } = await withA({ diff: () => Promise.reject(new Error('Failed to fetch module')) });
    await expect(store.getState().compareWith(B)).resolves.toBe(false);
    expect(store.getState().flow).toBe(flow);
    expect(store.getState().error?.message).toContain('Failed to fetch module');
  });

  it('openLink: a link whose flow throws, or a codec that fails, is the banner; the open flow stays', async () => {
    const { store, flow } = await withA();
    const made = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text: v2 } }, 'https://x.example/');
    if (!made.ok) throw new Error(made.message);
    vi.mocked(graph.buildGraph).mockImplementationOnce(() => {
      throw new Error('graph broke');
    });
    await expect(store.getState().openLink(made.url.slice(made.url.indexOf('#')))).resolves.toBe(false);
    expect(store.getState().flow).toBe(flow);
    expect(store.getState().error).toMatchObject({ stage: 'graph', source: { kind: 'link' } });

    const broken = createAppStore({ share: () => Promise.reject(new Error('chunk failed')) });
    await expect(broken.getState().openLink('#/view?v=1&z=abc')).resolves.toBe(false);
    expect(broken.getState().error).toMatchObject({ message: 'Internal error: chunk failed' });
  });
});

describe('loadFile with a reader that rejects', () => {
  it('is the banner naming the file, not a rejection; the open flow stays', async () => {
    const { store, flow } = await withA({ readFile: () => Promise.reject(new Error('NotReadableError')) });
    await expect(store.getState().loadFile(new File([''], 'gone.xml'))).resolves.toBe(false);
    expect(store.getState().flow).toBe(flow);
    expect(store.getState().error).toMatchObject({
      source: { kind: 'file', name: 'gone.xml' },
      message: 'Could not read gone.xml: NotReadableError',
    });
  });
});

describe('restorePrevious (the safety net’s Close)', () => {
  it('brings back the flow drawn before, then, with nothing before, clears the screen', async () => {
    const { store, calls, flow, layout } = await withA();
    store.getState().load(B.text, B.source);
    calls[1]?.ok();
    await settle();
    store.getState().restorePrevious();
    expect(store.getState().flow).toBe(flow);
    expect(store.getState().layout).toBe(layout);
    store.getState().restorePrevious();
    expect(store.getState().flow).toBeUndefined();
    expect(store.getState().layout.status).toBe('idle');
  });
});
