// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, selectFlow, type LayoutData } from '../../src/state/store';
import { App } from '../../src/views/App';
import { ScreenBoundary } from '../../src/views/components/ErrorBanner';
import { StoreContext, useApp } from '../../src/views/storeContext';
import { fixture } from '../helpers/fixtures';
import { quietConsoleErrors } from '../helpers/quietConsole';

/** Issue 11's safety net: drawing that throws shows the banner's message and Close, never a blank page. */
const flowText = fixture('Opportunity_Review.flow-meta.xml');
const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const open = async (store: ReturnType<typeof createAppStore>, name: string) => {
  act(() => void store.getState().load(flowText, { kind: 'file', name }));
  await settle();
};

/** Draws the open flow's name, and throws for a flow called "bomb" (a rendering bug). */
function Picture() {
  const flow = useApp(selectFlow);
  if (flow?.source.name === 'bomb') throw new Error('kaboom');
  return <p>drawn {flow?.source.name ?? 'nothing'}</p>;
}

quietConsoleErrors();
afterEach(cleanup);

describe('ScreenBoundary', () => {
  function renderBoundary() {
    const store = createAppStore({ layout: stacked });
    render(
      <StoreContext.Provider value={store}>
        <p>the page shell</p>
        <ScreenBoundary>
          <Picture />
        </ScreenBoundary>
      </StoreContext.Provider>,
    );
    return store;
  }

  it('a drawing that throws: an internal error and Close, which brings back the previous flow', async () => {
    const store = renderBoundary();
    await open(store, 'good.flow-meta.xml');
    expect(screen.getByText('drawn good.flow-meta.xml')).toBeTruthy();
    await open(store, 'bomb');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not draw bomb.');
    expect(alert.textContent).toContain('Internal error while drawing: kaboom');
    expect(alert.textContent).toContain('Close brings back what was open before');
    expect(screen.getByText('the page shell')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('drawn good.flow-meta.xml')).toBeTruthy();
    expect(store.getState().flow?.source.name).toBe('good.flow-meta.xml');
    expect(store.getState().layout.status).toBe('done');
  });

  it('with nothing before, Close clears the screen; a new flow while the message shows is drawn', async () => {
    const store = renderBoundary();
    await open(store, 'bomb');
    expect(screen.getByRole('alert').textContent).toContain('kaboom');
    await open(store, 'next.flow-meta.xml');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('drawn next.flow-meta.xml')).toBeTruthy();

    const fresh = renderBoundary();
    await open(fresh, 'bomb');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(fresh.getState().flow).toBeUndefined();
    expect(screen.getByText('drawn nothing')).toBeTruthy();
  });
});

describe('the viewer page, when what it opens fails after parsing', () => {
  it('a layout that fails for a new flow: the banner says so, and the previous flow is still shown', async () => {
    let fail = false;
    const store = createAppStore({
      layout: (g) => (fail ? Promise.reject(new Error('Laying out 9 elements took longer than 20 s')) : stacked(g)),
    });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    await open(store, 'first.flow-meta.xml');
    fail = true;
    act(() => void store.getState().load(fixture('Opportunity_Review.flow-meta.xml'), { kind: 'paste', name: 'x' }));
    await settle();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not lay out the pasted text.');
    expect(alert.textContent).toContain('took longer than 20 s');
    expect(alert.textContent).toContain('What was open before is back on screen');
    expect(store.getState().flow?.source.name).toBe('first.flow-meta.xml');
    expect(screen.queryByText(/Could not lay out this flow/)).toBeNull();
  });
});
