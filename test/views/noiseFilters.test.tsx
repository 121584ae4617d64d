// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/layout/index';
import { createAppStore } from '../../src/state/store';
import { DiffBar } from '../../src/views/diff/DiffBar';
import { DiffCanvasArea } from '../../src/views/diff/DiffCanvasArea';
import { DiffSide } from '../../src/views/diff/DiffSide';
import { StoreContext } from '../../src/views/storeContext';
import { stubResizeObserver } from '../helpers/reactFlow';
import { quietFlowXml } from '../model/diff/quietFlow';

beforeAll(stubResizeObserver);
afterEach(cleanup);

const input = (text: string, name: string) => ({ text, source: { kind: 'file' as const, name } });

async function showComparison() {
  const store = createAppStore({ layout: (g) => layoutGraph(g) });
  // The decision changed only in its description, the assignment for real, the API version too.
  const after = quietFlowXml({ decisionDescription: 'Reworded', step: '2.0', apiVersion: '62.0' });
  await store.getState().compare(input(quietFlowXml(), 'before.xml'), input(after, 'after.xml'));
  await waitFor(() => expect(store.getState().layout.status).toBe('done'));
  render(
    <StoreContext.Provider value={store}>
      <DiffBar />
      <div style={{ width: 1200, height: 800 }}>
        <DiffCanvasArea />
      </div>
      <DiffSide />
    </StoreContext.Provider>,
  );
  return store;
}
const status = (id: string) => document.querySelector(`[data-node-id="${id}"]`)?.getAttribute('data-status');
const toggle = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('the noise filters in the comparison bar', () => {
  it('one toggle per kind with its count; a kind with none is disabled', async () => {
    await showComparison();
    fireEvent.click(screen.getByRole('button', { name: /Hide noise/ }));
    expect(toggle(/Descriptions only \(1\)/).disabled).toBe(false);
    expect(toggle(/API version only \(1\)/).disabled).toBe(false);
    expect(toggle(/Labels only \(0\)/).disabled).toBe(true);
    expect(toggle(/Canvas mode only \(0\)/).disabled).toBe(true);
    expect(toggle(/Namespace tokens only \(0\)/).disabled).toBe(true);
  });

  it('Descriptions only: the decision is no longer marked, the counts say one change fewer', async () => {
    const store = await showComparison();
    await waitFor(() => expect(status('Is_Big')).toBe('changed'));
    expect(screen.getByText('3 changes')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Changes (3)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Hide noise/ }));
    await act(async () => {
      fireEvent.click(toggle(/Descriptions only/));
    });
    await waitFor(() => expect(status('Is_Big')).toBe('unchanged'));
    expect(status('Add_One')).toBe('changed');
    expect(screen.getByText('2 changes')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Changes (2)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Hiding noise \(1\)/ })).toBeTruthy();
    expect(screen.getByText('Hiding changes only in descriptions (1).')).toBeTruthy();
    expect([...store.getState().noise]).toEqual(['description']);
    // Off again: everything is back.
    await act(async () => {
      fireEvent.click(toggle(/Descriptions only/));
    });
    await waitFor(() => expect(status('Is_Big')).toBe('changed'));
  });

  it('Esc closes the panel', async () => {
    await showComparison();
    fireEvent.click(screen.getByRole('button', { name: /Hide noise/ }));
    expect(screen.getAllByRole('checkbox')).toHaveLength(5);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
