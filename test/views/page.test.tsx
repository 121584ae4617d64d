// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type LayoutData } from '../../src/state/store';
import { App } from '../../src/views/App';
import { StoreContext } from '../../src/views/storeContext';
import { fixture } from '../helpers/fixtures';

/** A layout service that never answers: the page must say it is working, not look blank. */
const pending = () => new Promise<LayoutData>(() => undefined);

function renderApp() {
  const store = createAppStore({ layout: pending });
  render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  return store;
}
afterEach(cleanup);
const load = (store: ReturnType<typeof createAppStore>, text: string, name = 'Opportunity_Review.flow-meta.xml') =>
  act(() => void store.getState().load(text, { kind: 'file', name }));

describe('the viewer page', () => {
  it('invites a drop, paste or sample before anything is loaded', () => {
    renderApp();
    expect(screen.getByText(/Drop a flow file anywhere, paste one/)).toBeTruthy();
  });

  it('says it is laying out while the layout runs, and shows the flow facts', async () => {
    const store = renderApp();
    load(store, fixture('Opportunity_Review.flow-meta.xml'));
    expect(screen.getByRole('status').textContent).toBe('Laying out 8 elements…');
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toContain('Opportunity <Review>');
    expect(screen.getByText(/7 elements, 11 connectors/)).toBeTruthy();
  });

  it('search finds an element by label or API name and Enter selects it, showing its details', async () => {
    const store = renderApp();
    load(store, fixture('Opportunity_Review.flow-meta.xml'));
    const box = screen.getByRole('combobox', { name: /Search elements/ });
    fireEvent.change(box, { target: { value: 'line' } });
    expect(
      within(screen.getByRole('listbox', { name: 'Matching elements' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      expect.stringContaining('Flag Line'),
      expect.stringContaining('Each Line Item'),
      expect.stringContaining('Get Line Items'),
    ]);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().selection).toBe('Each_Line_Item');
    expect((await screen.findByRole('tab', { name: 'Details' })).getAttribute('aria-selected')).toBe('true');
    // The details panel loads on first use; it then names the element and its type.
    expect((await screen.findByRole('heading', { name: 'Each Line Item' })).textContent).toBe('Each Line Item');
  });

  it('Esc clears the selection and `/` focuses search', () => {
    const store = renderApp();
    load(store, fixture('Opportunity_Review.flow-meta.xml'));
    act(() => store.getState().select('Check_Amount'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().selection).toBeUndefined();
    fireEvent.keyDown(window, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: /Search elements/ }));
  });

  it('a bad input shows which input, what is wrong and what to do, and keeps the loaded flow', async () => {
    const store = renderApp();
    load(store, fixture('Opportunity_Review.flow-meta.xml'), 'good.flow-meta.xml');
    load(store, '{\n "Metadata": {\n  "label": }\n}', 'bad.json');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Could not open bad\.json\. The JSON is not valid at line 3, column 12/);
    expect(alert.textContent).toMatch(/copy the whole response again/);
    expect(await screen.findByText(/7 elements, 11 connectors/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the error' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failed layout says so instead of a blank canvas', async () => {
    const store = createAppStore({
      layout: () => Promise.reject(new Error('Laying out 8 elements took longer than 20 s')),
    });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    load(store, fixture('Opportunity_Review.flow-meta.xml'));
    expect((await screen.findByText(/Could not lay out this flow/)).textContent).toMatch(/took longer than 20 s/);
  });
});
