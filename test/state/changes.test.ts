import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLD_TYPE } from '../../src/model/diff/fold';
import type { FlowGraph } from '../../src/model/graph';
import { createAppStore, type LayoutData } from '../../src/state/store';
import { generateStepChain } from '../support/generate';

/** A layout that places nodes top to bottom in graph order. */
const stacked = (g: FlowGraph): LayoutData => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});
/** A layout service whose answers the test releases one by one, as a worker would give them. */
function manualLayout() {
  const asked: { graph: FlowGraph; answer: () => void }[] = [];
  const service = (graph: FlowGraph) =>
    new Promise<LayoutData>((resolve) => asked.push({ graph, answer: () => resolve(stacked(graph)) }));
  return { asked, service };
}
const tick = () => new Promise((r) => setTimeout(r, 0));
/** A chain of 30 steps, and the same with Step 15 relabelled. */
const chain = generateStepChain(30).xml;
const edited = chain.replace('<label>Step 15</label>', '<label>Step fifteen</label>');
const input = (text: string, name: string) => ({ text, source: { kind: 'file' as const, name } });

describe('Changes only in the store', () => {
  it('lays out the folded graph after the comparison is laid out, never over it', async () => {
    const { asked, service } = manualLayout();
    const store = createAppStore({ layout: service });
    await store.getState().compare(input(chain, 'a'), input(edited, 'b'));
    store.getState().setDiffMode('changes');
    // The union layout is still running: asking for another now would drop it in the browser's worker.
    await store.getState().showChanges();
    expect(asked).toHaveLength(1);
    expect(store.getState().changesView).toBeUndefined();
    asked[0]?.answer();
    await tick();
    await store.getState().showChanges();
    expect(asked).toHaveLength(2);
    const folded = asked[1]?.graph;
    // Start, a fold, Step 14, the change, Step 16, a fold: compact.
    expect(folded?.nodes.map((n) => (n.type === FOLD_TYPE ? n.label : n.id))).toEqual([
      '$start',
      '… 13 unchanged',
      'Step_14',
      'Step_15',
      'Step_16',
      '… 14 unchanged',
    ]);
    expect(store.getState().changesView?.layout.status).toBe('running');
    asked[1]?.answer();
    await tick();
    expect(store.getState().changesView?.layout.status).toBe('done');
    // Asked again for the same comparison (the mode entered again): nothing new to lay out.
    await store.getState().showChanges();
    expect(asked).toHaveLength(2);
  });

  it('a fold expands into its elements (laid out again); a new comparison starts folded again', async () => {
    const { asked, service } = manualLayout();
    const store = createAppStore({ layout: service });
    await store.getState().compare(input(chain, 'a'), input(edited, 'b'));
    asked[0]?.answer();
    await tick();
    await store.getState().showChanges();
    asked[1]?.answer();
    await tick();
    const first = store.getState().changesView?.folded.folds[0];
    expect(first?.members).toHaveLength(13);
    await store.getState().expandFold(first?.id ?? '');
    expect(asked).toHaveLength(3);
    expect(asked[2]?.graph.nodes.filter((n) => n.type === FOLD_TYPE).map((n) => n.label)).toEqual(['… 14 unchanged']);
    expect(asked[2]?.graph.nodes.map((n) => n.id)).toContain('Step_1');
    asked[2]?.answer();
    await tick();
    expect([...(store.getState().changesView?.revealed ?? [])]).toHaveLength(13);
    // Swap: another diff; its own union layout first, then its folded graph, nothing revealed.
    expect(await store.getState().swapSides()).toBe(true);
    expect(asked).toHaveLength(4);
    await store.getState().showChanges();
    expect(asked).toHaveLength(4);
    asked[3]?.answer();
    await tick();
    await store.getState().showChanges();
    expect(asked).toHaveLength(5);
    expect(asked[4]?.graph.nodes.filter((n) => n.type === FOLD_TYPE)).toHaveLength(2);
  });

  it('when nothing folds, Changes only takes the comparison’s own layout without laying out again', async () => {
    const { asked, service } = manualLayout();
    const sample = (f: string) => readFileSync(join(__dirname, '../../src/samples', f), 'utf8');
    const store = createAppStore({ layout: service });
    await store
      .getState()
      .compare(
        input(sample('Opportunity_Review.flow-meta.xml'), 'a'),
        input(sample('Opportunity_Review.v2.flow-meta.xml'), 'b'),
      );
    asked[0]?.answer();
    await tick();
    await store.getState().showChanges();
    expect(asked).toHaveLength(1);
    const view = store.getState().changesView;
    const union = store.getState().layout;
    expect(view?.layout.status).toBe('done');
    if (view?.layout.status !== 'done' || union.status !== 'done') throw new Error('not laid out');
    expect(view.layout.layout.nodes).toEqual(union.layout.nodes);
  });

  it('a failed layout of the changes says so and leaves the comparison as it was', async () => {
    let calls = 0;
    const store = createAppStore({
      layout: async (g) => {
        if (++calls === 2) throw new Error('worker died');
        return stacked(g);
      },
    });
    await store.getState().compare(input(chain, 'a'), input(edited, 'b'));
    await tick();
    await store.getState().showChanges();
    await tick();
    expect(store.getState().changesView?.layout).toEqual({ status: 'error', message: 'worker died' });
    expect(store.getState().layout.status).toBe('done');
    expect(store.getState().error).toBeUndefined();
  });
});
