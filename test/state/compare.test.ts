import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../src/model/diff/index';
import type { FlowDoc } from '../../src/model/types';
import { createAppStore, type LayoutData } from '../../src/state/store';

const sample = (f: string) => readFileSync(join(__dirname, '../../src/samples', f), 'utf8');
const v1 = {
  text: sample('Opportunity_Review.flow-meta.xml'),
  source: { kind: 'file' as const, name: 'v1.flow-meta.xml' },
};
const v2 = {
  text: sample('Opportunity_Review.v2.flow-meta.xml'),
  source: { kind: 'file' as const, name: 'v2.flow-meta.xml' },
};

/** A layout that places nodes top to bottom in graph order, so the change list has a known order. */
const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});

describe('comparing two versions in the store', () => {
  it('diffs the pair, lays out the union graph once and lists every change', async () => {
    const layouts: number[] = [];
    const store = createAppStore({
      layout: async (g) => {
        layouts.push(g.nodes.length);
        return stacked(g);
      },
    });
    expect(await store.getState().compare(v1, v2)).toBe(true);
    const c = store.getState().comparison;
    expect(c?.diff.summary.nodes).toMatchObject({ added: 1, renamed: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(layouts).toEqual([c?.diff.graph.nodes.length]);
    const titles = store.getState().comparison?.changes.map((x) => `${x.group}:${x.status}:${x.title}`) ?? [];
    expect(titles).toContain('elements:added:Notify Owner');
    expect(titles).toContain('elements:renamed:Flag Line Item');
    expect(titles).toContain('resources:added:Discount_Percent');
    expect(titles).toContain('properties:changed:API version');
    // A connector whose source and kind stay but whose target moves is one entry.
    expect(titles.filter((t) => t.startsWith('connectors:rewired')).length).toBeGreaterThan(0);
  });

  it('n / p step through every change, wrapping, selecting each element', async () => {
    const store = createAppStore({ layout: stacked });
    await store.getState().compare(v1, v2);
    const n = store.getState().comparison?.changes.length ?? 0;
    expect(n).toBeGreaterThan(5);
    store.getState().stepChange(1);
    expect(store.getState().changeIndex).toBe(0);
    const first = store.getState().comparison?.changes[0];
    expect(store.getState().selection).toBe(first?.nodeId);
    for (let i = 1; i < n; i++) store.getState().stepChange(1);
    expect(store.getState().changeIndex).toBe(n - 1);
    store.getState().stepChange(1);
    expect(store.getState().changeIndex).toBe(0);
    store.getState().stepChange(-1);
    expect(store.getState().changeIndex).toBe(n - 1);
  });

  it('swapping sides mirrors the diff; closing returns to the open flow', async () => {
    const store = createAppStore({ layout: stacked });
    store.getState().load(v1.text, v1.source);
    expect(await store.getState().compareWith(v2)).toBe(true);
    expect(store.getState().comparison?.before.source.name).toBe('v1.flow-meta.xml');
    const diff = store.getState().comparison?.diff;
    expect(await store.getState().swapSides()).toBe(true);
    // The same diff read the other way round: what diffing v2 against v1 gives.
    const swapped = store.getState().comparison;
    expect(swapped?.before.source.name).toBe('v2.flow-meta.xml');
    expect(swapped?.diff).not.toBe(diff);
    expect(swapped?.diff.summary).toEqual(
      diffFlows(swapped?.before.doc as FlowDoc, swapped?.after.doc as FlowDoc).summary,
    );
    const s = swapped?.diff.summary;
    expect(s?.nodes.removed).toBe(1);
    expect(s?.nodes.added).toBe(0);
    store.getState().closeComparison();
    expect(store.getState().comparison).toBeUndefined();
    expect(store.getState().flow?.source.name).toBe('v1.flow-meta.xml');
  });

  it('a bad side says which side, and keeps what is on screen', async () => {
    const store = createAppStore({ layout: stacked });
    await store.getState().compare(v1, v2);
    const before = store.getState().comparison;
    expect(
      await store.getState().compare(v1, { text: '<Flow', source: { kind: 'file', name: 'broken.flow-meta.xml' } }),
    ).toBe(false);
    expect(store.getState().error).toMatchObject({ side: 'after', source: { name: 'broken.flow-meta.xml' } });
    expect(store.getState().comparison).toBe(before);
  });

  it('a comparison of a flow with itself has no changes', async () => {
    const store = createAppStore({ layout: stacked });
    await store.getState().compare(v1, { ...v1, source: { kind: 'paste', name: 'pasted text' } });
    expect(store.getState().comparison?.changes).toEqual([]);
    store.getState().stepChange(1);
    expect(store.getState().changeIndex).toBeUndefined();
  });
});

describe('an element replaced by another of the same name and a different type', () => {
  it('lists both, each pointing at its own node of the union graph', async () => {
    const flow = (body: string) =>
      `<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>F</label><start><connector><targetReference>X</targetReference></connector></start>${body}<status>Draft</status></Flow>`;
    const before = flow(
      '<assignments><name>X</name><label>Set X</label><assignmentItems><assignToReference>v</assignToReference><operator>Assign</operator><value><stringValue>1</stringValue></value></assignmentItems></assignments>',
    );
    const after = flow(
      '<decisions><name>X</name><label>Check X</label><defaultConnectorLabel>Other</defaultConnectorLabel></decisions>',
    );
    const store = createAppStore({ layout: stacked });
    await store
      .getState()
      .compare(
        { text: before, source: { kind: 'paste', name: 'a' } },
        { text: after, source: { kind: 'paste', name: 'b' } },
      );
    const c = store.getState().comparison!;
    const items = c.changes.filter((x) => x.group === 'elements');
    expect(items.map((x) => x.status).sort()).toEqual(['added', 'removed']);
    const ids = items.map((x) => x.nodeId);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(c.diff.graph.nodes.some((n) => n.id === id)).toBe(true);
  });
});

describe('the change counter of an element selected before the layout arrives (a reopened link)', () => {
  it('still names the selected change once the list follows the picture', async () => {
    let finish: (() => void) | undefined;
    // Upside down: the picture's order is the reverse of the unsorted list's, so a stale index shows.
    const upsideDown = (g: { nodes: { id: string }[] }) =>
      new Promise<LayoutData>((resolve) => {
        const n = g.nodes.length;
        finish = () =>
          resolve({
            width: 300,
            height: n * 100,
            nodes: Object.fromEntries(
              g.nodes.map((x, i) => [x.id, { x: 0, y: (n - i) * 100, width: 200, height: 60 }]),
            ),
            edges: {},
          });
      });
    const store = createAppStore({ layout: upsideDown });
    expect(await store.getState().compare(v1, v2)).toBe(true);
    const elements = store.getState().comparison?.changes.filter((c) => c.group === 'elements') ?? [];
    expect(elements.length).toBeGreaterThan(1);
    const chosen = elements[0]?.nodeId as string;
    store.getState().select(chosen);
    finish?.();
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    expect(s.layout.status).toBe('done');
    const at = s.changeIndex as number;
    expect(s.comparison?.changes[at]?.nodeId).toBe(chosen);
  });
});
