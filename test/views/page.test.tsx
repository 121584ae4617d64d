// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { App } from '../../src/views/App';
import { StoreContext } from '../../src/views/storeContext';
import { fixture } from '../helpers/fixtures';

function renderApp() {
  const store = createAppStore();
  render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  return store;
}
afterEach(cleanup);

describe('the load page', () => {
  it('invites a drop, paste or sample before anything is loaded', () => {
    renderApp();
    expect(screen.getByText(/Drop a flow file anywhere, paste one/)).toBeTruthy();
  });

  it('shows the flow header and every element grouped by Builder type', () => {
    const store = renderApp();
    act(() => void store.getState().load(fixture('Opportunity_Review.flow-meta.xml'), { kind: 'file', name: 'Opportunity_Review.flow-meta.xml' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Opportunity <Review>\nsecond line');
    expect(screen.getByText('8 elements, 11 connectors')).toBeTruthy();
    const decisions = screen.getByRole('heading', { name: /Decision/ }).parentElement as HTMLElement;
    expect(within(decisions).getByText('Check Amount & Stage')).toBeTruthy();
  });

  it('renders labels as text, never as HTML', () => {
    const store = renderApp();
    const xml = fixture('Opportunity_Review.flow-meta.xml').replace('<label>Flag Line</label>', '<label>&lt;img src=x onerror=alert(1)&gt;</label>');
    act(() => void store.getState().load(xml, { kind: 'paste', name: 'pasted text' }));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('a bad input shows which input, what is wrong and what to do, and keeps the loaded flow', () => {
    const store = renderApp();
    act(() => void store.getState().load(fixture('Opportunity_Review.flow-meta.xml'), { kind: 'file', name: 'good.flow-meta.xml' }));
    act(() => void store.getState().load('{\n "Metadata": {\n  "label": }\n}', { kind: 'file', name: 'bad.json' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Could not open bad\.json\. The JSON is not valid at line 3, column 12/);
    expect(alert.textContent).toMatch(/copy the whole response again/);
    expect(screen.getByText('8 elements, 11 connectors')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the error' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
