import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectPaths } from '../../src/state/pathSelect';
import { createAppStore, type LayoutData } from '../../src/state/store';

const sample = (f: string) => readFileSync(join(__dirname, '../../src/samples', f), 'utf8');
const v1 = { text: sample('Opportunity_Review.flow-meta.xml'), source: { kind: 'file' as const, name: 'v1' } };
const v2 = { text: sample('Opportunity_Review.v2.flow-meta.xml'), source: { kind: 'file' as const, name: 'v2' } };

/** A layout with one End after Log Error, as Auto-Layout draws it. */
const layout = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
  ends: [{ id: '$end:Log_Error', edge: '$end:Log_Error#next', source: 'Log_Error', kind: 'next' }],
});
const settle = () => new Promise((r) => setTimeout(r, 0));
const sorted = (s: ReadonlySet<string> | undefined) => [...(s ?? [])].sort();

describe('paths in the store', () => {
  it('How do we get here? highlights the way and lists its conditions; another selection or Esc ends it', async () => {
    const store = createAppStore({ layout });
    store.getState().load(v1.text, v1.source);
    await settle();
    store.getState().select('Mark_Big_Deal');
    await store.getState().showPaths('to');
    const s = store.getState();
    const view = selectPaths(s);
    expect(view?.count).toEqual({ count: 1 });
    expect(sorted(s.highlight.nodes)).toEqual(['$start', 'Check_Amount', 'Mark_Big_Deal']);
    expect(s.highlight.edges.size).toBe(2);
    expect(view?.conditions.map((c) => c.text)).toEqual([
      'Start → Run Immediately',
      'Check Amount & Stage → Over 1M: $Record.Amount Greater Than 1,000,000',
    ]);
    store.getState().select('Log_Error');
    expect(selectPaths(store.getState())).toBeUndefined();
    expect(store.getState().highlight.nodes.has('Check_Amount')).toBe(false);
    await store.getState().showPaths('to');
    expect(selectPaths(store.getState())?.count).toEqual({ count: 5 });
    store.getState().select(undefined);
    expect(selectPaths(store.getState())).toBeUndefined();
  });

  it('What runs after lights everything downstream (the loop, the Ends); Clear brings back the element', async () => {
    const store = createAppStore({ layout });
    store.getState().load(v1.text, v1.source);
    await settle();
    store.getState().select('Update_Opportunity');
    await store.getState().showPaths('after');
    const s = store.getState();
    expect(selectPaths(s)?.elements).toBe(5);
    expect(sorted(s.highlight.nodes)).toEqual([
      '$end:Log_Error',
      'Each_Line_Item',
      'Flag_Line',
      'Get_Line_Items',
      'Log_Error',
      'Update_Opportunity',
    ]);
    expect(s.highlight.edges.has('$end:Log_Error#next')).toBe(true);
    await store.getState().clearPaths();
    expect(selectPaths(store.getState())).toBeUndefined();
    // The element's own highlight: it, its connectors and their other ends.
    expect(sorted(store.getState().highlight.nodes)).toEqual([
      'Check_Amount',
      'Get_Line_Items',
      'Log_Error',
      'Mark_Big_Deal',
      'Update_Opportunity',
    ]);
  });

  it('nothing selected asks nothing; a path asked as a new flow opens is dropped', async () => {
    const store = createAppStore({ layout });
    store.getState().load(v1.text, v1.source);
    await store.getState().showPaths('to');
    expect(store.getState().paths).toBeUndefined();
    store.getState().select('Flag_Line');
    const asking = store.getState().showPaths('to');
    store.getState().load(v2.text, v2.source);
    await asking;
    expect(selectPaths(store.getState())).toBeUndefined();
    expect(store.getState().highlight.nodes.size).toBe(0);
  });

  it('works on a comparison’s union graph: an added element’s way and its new outcome', async () => {
    const store = createAppStore({ layout });
    expect(await store.getState().compare(v1, v2)).toBe(true);
    await settle();
    store.getState().select('Notify_Owner');
    await store.getState().showPaths('to');
    const view = selectPaths(store.getState());
    // Every outcome of Check Amount leads here (Strategic Account at once, the others through Get Line Items's
    // fault path), so the decision puts no condition on it: the fault path does.
    expect(view?.count).toEqual({ count: 3 });
    expect(view?.conditions.map((c) => c.text)).toEqual([
      'Start → Run Immediately',
      'Get Line Items → Fault: when it fails',
    ]);
    expect(store.getState().highlight.nodes.has('Notify_Owner')).toBe(true);
    expect(store.getState().highlight.nodes.has('Each_Line_Item')).toBe(false);
    // The renamed element inside the loop (one union node for Flag Line → Flag Line Item).
    const flag = store.getState().comparison?.diff.graph.nodes.find((n) => n.label === 'Flag Line Item')?.id as string;
    store.getState().select(flag);
    await store.getState().showPaths('to');
    expect(selectPaths(store.getState())?.conditions.map((c) => c.text)).toContain(
      'inside the loop Each Line Item: for each item in {!Get_Line_Items}',
    );
  });
});
