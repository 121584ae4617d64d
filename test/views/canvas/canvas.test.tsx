// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { layoutGraph } from '../../../src/layout/index';
import { createAppStore } from '../../../src/state/store';
import { FlowCanvas } from '../../../src/views/canvas/FlowCanvas';
import { StoreContext } from '../../../src/views/storeContext';
import { fixture } from '../../helpers/fixtures';
import { stubResizeObserver } from '../../helpers/reactFlow';

beforeAll(stubResizeObserver);
afterEach(cleanup);

async function renderCanvas(text: string) {
  const store = createAppStore();
  store.getState().load(text, { kind: 'file', name: 'f.flow-meta.xml' });
  const flow = store.getState().flow!;
  const layout = await layoutGraph(flow.graph);
  render(
    <StoreContext.Provider value={store}>
      <div style={{ width: 1200, height: 800 }}>
        <FlowCanvas doc={flow.doc} graph={flow.graph} layout={layout} />
      </div>
    </StoreContext.Provider>,
  );
  return store;
}

describe('the canvas nodes and edges', () => {
  it('draws each element as Builder does: label, Builder type, trigger on Start, fault and Go To badges', async () => {
    await renderCanvas(fixture('Opportunity_Review.flow-meta.xml'));
    const node = (id: string) => document.querySelector(`[data-node-id="${id}"]`);
    expect(node('Check_Amount')?.textContent).toContain('Check Amount & Stage');
    expect(node('Check_Amount')?.textContent).toContain('Decision');
    expect(node('Get_Line_Items')?.textContent).toContain('Get Records');
    expect(node('$start')?.textContent).toMatch(/Opportunity · A record is created or updated/);
    expect(node('Update_Opportunity')?.querySelector('.fs-badge-fault')?.textContent).toBe('Fault');
    expect(node('Log_Error')?.querySelector('.fs-badge-goto')?.textContent).toBe('Go To');
    expect(document.querySelectorAll('[data-node-id]').length).toBe(8);
  });

  it('labels edges with outcome names, the default outcome, For Each, and Fault', async () => {
    await renderCanvas(fixture('Opportunity_Review.flow-meta.xml'));
    const labels = [...document.querySelectorAll('.fs-edge-label')].map((e) => e.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Over 1M', 'Small Deal', 'For Each']));
    expect(document.querySelectorAll('path.fs-edge-fault').length).toBeGreaterThan(0);
  });

  it('selecting an element highlights it with its paths and dims the rest', async () => {
    const store = await renderCanvas(fixture('Opportunity_Review.flow-meta.xml'));
    act(() => store.getState().select('Check_Amount'));
    expect(document.querySelector('[data-node-id="Check_Amount"]')?.className).toContain('is-selected');
    expect(document.querySelector('[data-node-id="Mark_Big_Deal"]')?.className).toContain('is-related');
    expect(document.querySelector('[data-node-id="Each_Line_Item"]')?.className).toContain('is-dimmed');
    expect(screen.getByRole('button', { name: 'Fit the whole flow in view (f)' })).toBeTruthy();
  });

  it('renders hostile labels as text', async () => {
    const xml = fixture('Opportunity_Review.flow-meta.xml').replace(
      'Check Amount &amp; Stage',
      '&lt;img src=x onerror=alert(1)&gt;',
    );
    await renderCanvas(xml);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('[data-node-id="Check_Amount"]')?.textContent).toContain(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('the canvas in a comparison', () => {
  it('marks each element with its status in words, and folds unchanged chains in Changes only', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const sample = (f: string) => readFileSync(join(__dirname, '../../../src/samples', f), 'utf8');
    const store = createAppStore();
    await store
      .getState()
      .compare(
        { text: sample('Opportunity_Review.flow-meta.xml'), source: { kind: 'file', name: 'a' } },
        { text: sample('Opportunity_Review.v2.flow-meta.xml'), source: { kind: 'file', name: 'b' } },
      );
    const c = store.getState().comparison!;
    const layout = await layoutGraph(c.diff.graph);
    const renamed = new Map([['Flag_Line_Item', 'was Flag_Line']]);
    render(
      <StoreContext.Provider value={store}>
        <FlowCanvas doc={c.after.doc} graph={c.diff.graph} layout={layout} renamedFrom={renamed} />
      </StoreContext.Provider>,
    );
    const node = (id: string) => document.querySelector(`[data-node-id="${id}"]`);
    expect(node('Notify_Owner')?.querySelector('.fs-diff-badge')?.textContent).toContain('Added');
    expect(node('Check_Amount')?.querySelector('.fs-diff-badge')?.textContent).toContain('Changed');
    expect(node('Flag_Line_Item')?.querySelector('.fs-diff-badge')?.textContent).toContain('was Flag_Line');
    expect(node('Log_Error')?.getAttribute('data-status')).toBe('unchanged');
    expect(node('Log_Error')?.querySelector('.fs-diff-badge')).toBeNull();
    cleanup();
    // A chain of three unchanged elements folds into one marker; the changed ones stay.
    const filter = {
      nodes: new Set(c.diff.graph.nodes.map((n) => n.id).filter((id) => !['Mark_Big_Deal'].includes(id))),
      edges: new Set<string>(),
      folds: [
        { id: 'fold:x', count: 3, box: { x: 0, y: 0, width: 220, height: 28 }, members: ['Mark_Big_Deal', 'A', 'B'] },
      ],
    };
    render(
      <StoreContext.Provider value={store}>
        <FlowCanvas doc={c.after.doc} graph={c.diff.graph} layout={layout} filter={filter} />
      </StoreContext.Provider>,
    );
    expect(screen.getByTestId('fold').querySelector('.fs-fold-count')?.textContent).toBe('… 3 unchanged');
    expect(node('Mark_Big_Deal')).toBeNull();
  });
});
