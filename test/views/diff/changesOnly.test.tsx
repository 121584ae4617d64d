// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { layoutGraph } from '../../../src/layout/index';
import { createAppStore } from '../../../src/state/store';
import { FAR_ZOOM } from '../../../src/views/canvas/far';
import { fitChanges } from '../../../src/views/diff/ChangesCanvas';
import { DiffCanvasArea } from '../../../src/views/diff/DiffCanvasArea';
import { StoreContext } from '../../../src/views/storeContext';
import { stubResizeObserver } from '../../helpers/reactFlow';
import { generateStepChain } from '../../support/generate';

beforeAll(stubResizeObserver);
afterEach(cleanup);

const chain = generateStepChain(30).xml;
const edited = chain.replace('<label>Step 15</label>', '<label>Step fifteen</label>');
const input = (text: string, name: string) => ({ text, source: { kind: 'file' as const, name } });

async function showChanges(before: string, after: string) {
  const store = createAppStore({ layout: (g) => layoutGraph(g) });
  await store.getState().compare(input(before, 'a'), input(after, 'b'));
  await waitFor(() => expect(store.getState().layout.status).toBe('done'));
  act(() => store.getState().setDiffMode('changes'));
  render(
    <StoreContext.Provider value={store}>
      <div style={{ width: 1200, height: 800 }}>
        <DiffCanvasArea />
      </div>
    </StoreContext.Provider>,
  );
  return store;
}
const node = (id: string) => document.querySelector(`[data-node-id="${id}"]`);
const foldTexts = () => [...document.querySelectorAll('[data-testid="fold"] .fs-fold-count')].map((e) => e.textContent);

describe('Changes only on the canvas', () => {
  it('draws the change with its neighbours and the unchanged runs as folds on the path, connected', async () => {
    await showChanges(chain, edited);
    await waitFor(() => expect(foldTexts()).toEqual(['… 13 unchanged', '… 14 unchanged']));
    expect(node('Step_15')?.getAttribute('data-status')).toBe('changed');
    expect(node('Step_14')?.getAttribute('data-status')).toBe('unchanged');
    expect(node('Step_16')).not.toBeNull();
    expect(node('Step_3')).toBeNull();
    // The fold says what it hides: the first names on it, all of them (up to 12) in its tooltip.
    const fold = screen.getAllByTestId('fold')[0] as HTMLElement;
    expect(fold.querySelector('.fs-fold-names')?.textContent).toBe('Step 1, Step 2, Step 3, …');
    expect(fold.title).toMatch(/^13 unchanged elements: Step 1, Step 2, .*Step 12, …$/);
    // Connectors lead into each fold and out of the first: Start → fold → Step 14, Step 16 → fold.
    const edges = [...document.querySelectorAll('[data-edge-id]')].map((e) => e.getAttribute('data-edge-id'));
    expect(edges).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$start->fold:Step_1#/),
        expect.stringMatching(/^fold:Step_1->Step_14#/),
        expect.stringMatching(/^Step_16->fold:Step_17#/),
      ]),
    );
  });

  it('a click on a fold shows the elements it stood for', async () => {
    await showChanges(chain, edited);
    await waitFor(() => expect(foldTexts()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Show the 13 unchanged elements' }));
    await waitFor(() => expect(node('Step_3')).not.toBeNull());
    expect(foldTexts()).toEqual(['… 14 unchanged']);
  });

  it('selecting a folded element (search, a link) unfolds it', async () => {
    const store = await showChanges(chain, edited);
    await waitFor(() => expect(foldTexts()).toHaveLength(2));
    act(() => store.getState().select('Step_25'));
    await waitFor(() => expect(node('Step_25')).not.toBeNull());
    expect(foldTexts()).toEqual(['… 13 unchanged']);
  });

  it('with no element or connector changed, says so and offers the whole flow', async () => {
    const store = await showChanges(
      chain,
      chain.replace('<apiVersion>62.0</apiVersion>', '<apiVersion>63.0</apiVersion>'),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('No changes to show'));
    expect(screen.getByRole('status').textContent).toContain('The 1 other change is listed under Changes.');
    expect(screen.queryByTestId('fold')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the whole flow' }));
    expect(store.getState().diffMode).toBe('overlay');
  });
});

describe('Changes only opens fitted', () => {
  const layout = (width: number, height: number) => ({ width, height, nodes: {}, edges: {} });
  it('a few changes at 100%, centred, not blown up', () => {
    expect(fitChanges(layout(400, 300), 1000, 800)).toEqual({ zoom: 1, x: 300, y: 250 });
  });
  it('more changes: all in view, centred', () => {
    const v = fitChanges(layout(2000, 1000), 1048, 848);
    expect(v.zoom).toBeCloseTo(0.5);
    expect(v.x).toBeCloseTo(24);
    expect(v.y).toBeCloseTo((848 - 500) / 2);
  });
  it('more than the cards fit: the top of the picture at the smallest zoom that still draws cards', () => {
    const v = fitChanges(layout(600, 20_000), 1000, 800);
    expect(v).toEqual({ zoom: FAR_ZOOM, x: (1000 - 600 * FAR_ZOOM) / 2, y: 24 });
  });
});
