// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/layout/index';
import { elementIndex } from '../../src/model/graph';
import { createAppStore } from '../../src/state/store';
import { FlowCanvas } from '../../src/views/canvas/FlowCanvas';
import { DetailsPanel } from '../../src/views/details/DetailsPanel';
import { StoreContext } from '../../src/views/storeContext';
import { stubResizeObserver } from '../helpers/reactFlow';

beforeAll(stubResizeObserver);
afterEach(cleanup);
const sample = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.flow-meta.xml'), 'utf8');

/** The canvas and the selected element's Details panel, over one store. */
async function renderPage(text: string, selected: string) {
  const store = createAppStore();
  store.getState().load(text, { kind: 'file', name: 'f.flow-meta.xml' });
  const flow = store.getState().flow!;
  const layout = await layoutGraph(flow.graph);
  act(() => store.getState().select(selected));
  const element = elementIndex(flow.doc).elements.get(selected)!;
  render(
    <StoreContext.Provider value={store}>
      <div style={{ width: 1200, height: 800 }}>
        <FlowCanvas doc={flow.doc} graph={flow.graph} layout={layout} />
      </div>
      <DetailsPanel element={element} doc={flow.doc} graph={flow.graph} />
    </StoreContext.Provider>,
  );
  return store;
}
const classOf = (id: string) => document.querySelector(`[data-node-id="${id}"]`)?.className ?? '';
const dimmedCards = () => document.querySelectorAll('.fs-node.is-dimmed').length;

describe('How do we get here? / What runs after', () => {
  it('lights the way from Start, dims the rest, says how many paths and the conditions on the way', async () => {
    await renderPage(sample, 'Mark_Big_Deal');
    fireEvent.click(screen.getByRole('button', { name: 'How do we get here?' }));
    const result = await screen.findByTestId('path-result');
    expect(result.textContent).toContain('1 path from Start');
    expect(screen.getByRole('button', { name: 'How do we get here?' }).getAttribute('aria-pressed')).toBe('true');
    const items = within(screen.getByRole('list', { name: 'Conditions on the way' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toBe('Start → Run Immediately');
    expect(items[1]?.textContent).toContain('Check Amount & Stage → Over 1M: ');
    expect(items[1]?.querySelector('code')?.textContent).toBe('$Record.Amount');
    expect(items[1]?.querySelector('em')?.textContent).toBe('Over 1M');
    // The path: Start, the decision and the element lit; Update Opportunity (a neighbour, after it) dimmed now.
    expect(classOf('Check_Amount')).toContain('is-related');
    expect(classOf('$start')).toContain('is-related');
    expect(classOf('Update_Opportunity')).toContain('is-dimmed');
    // Eight cards: the three on the way lit, the other five dimmed.
    expect(dimmedCards()).toBe(5);
    fireEvent.click(within(result).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(screen.queryByTestId('path-result')).toBeNull());
    expect(classOf('Update_Opportunity')).toContain('is-related');
  });

  it('What runs after lights everything downstream; pressing it again clears it', async () => {
    await renderPage(sample, 'Update_Opportunity');
    fireEvent.click(screen.getByRole('button', { name: 'What runs after' }));
    expect((await screen.findByTestId('path-result')).textContent).toContain(
      '4 elements can run after Update Opportunity',
    );
    for (const id of ['Get_Line_Items', 'Each_Line_Item', 'Flag_Line', 'Log_Error'])
      expect(classOf(id)).toContain('is-related');
    expect(classOf('Check_Amount')).toContain('is-dimmed');
    expect(classOf('Mark_Big_Deal')).toContain('is-dimmed');
    fireEvent.click(screen.getByRole('button', { name: 'What runs after' }));
    await waitFor(() => expect(screen.queryByTestId('path-result')).toBeNull());
  });

  it('says so when Start does not reach the element, and flow text shows as text', async () => {
    const odd = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Odd</label><processType>AutoLaunchedFlow</processType>
  <start><connector><targetReference>D</targetReference></connector></start>
  <decisions><name>D</name><label>&lt;img src=x onerror=alert(1)&gt;</label>
    <defaultConnector><targetReference>B</targetReference></defaultConnector>
    <rules><name>R</name><label>&lt;b&gt;bold&lt;/b&gt;</label>
      <conditions><leftValueReference>x</leftValueReference><operator>EqualTo</operator>
        <rightValue><stringValue>&lt;i&gt;</stringValue></rightValue></conditions>
      <connector><targetReference>C</targetReference></connector></rules>
  </decisions>
  <assignments><name>B</name><label>B</label></assignments>
  <assignments><name>C</name><label>C</label></assignments>
  <assignments><name>Island</name><label>Island</label></assignments>
</Flow>`;
    const store = await renderPage(odd, 'C');
    fireEvent.click(screen.getByRole('button', { name: 'How do we get here?' }));
    const result = await screen.findByTestId('path-result');
    expect(result.textContent).toContain('<img src=x onerror=alert(1)> → <b>bold</b>: x Equals "<i>"');
    expect(result.querySelector('img, b, i')).toBeNull();
    act(() => store.getState().select('Island'));
    expect(screen.queryByTestId('path-result')).toBeNull();
    await act(() => store.getState().showPaths('to'));
    expect(store.getState().paths?.reachable).toBe(false);
  });
});
