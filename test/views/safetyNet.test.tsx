// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, selectFlow, type LayoutData } from '../../src/state/store';
import { App } from '../../src/views/App';
import { StoreContext, useApp } from '../../src/views/storeContext';
import { fixture } from '../helpers/fixtures';
import { quietConsoleErrors } from '../helpers/quietConsole';

/** A canvas that throws for a flow called "bomb": the page keeps its shell, says why, and Close works. */
vi.mock('../../src/views/components/CanvasArea', () => ({
  CanvasArea: function Canvas() {
    const flow = useApp(selectFlow);
    if (flow?.source.name === 'bomb') throw new Error('cannot draw this');
    return <p>canvas of {flow?.source.name ?? 'nothing'}</p>;
  },
}));

const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 200, height: 60 }])),
  edges: {},
});
quietConsoleErrors();
afterEach(cleanup);

describe('the viewer page’s safety net', () => {
  it('a canvas that throws: the toolbar stays, the message says so, Close brings back the previous flow', async () => {
    const store = createAppStore({ layout: stacked });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    const open = async (name: string) => {
      act(() => void store.getState().load(fixture('Opportunity_Review.flow-meta.xml'), { kind: 'file', name }));
      await act(() => new Promise((r) => setTimeout(r, 0)));
    };
    await open('good.flow-meta.xml');
    expect(screen.getByText('canvas of good.flow-meta.xml')).toBeTruthy();
    await open('bomb');
    expect(screen.getByRole('alert').textContent).toMatch(/Could not draw bomb\. Internal error while drawing: cannot/);
    expect(screen.getByRole('button', { name: 'Paste…' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByText('canvas of good.flow-meta.xml')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
