// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { SetBar } from '../../../src/views/set/SetBar';
import { StoreContext } from '../../../src/views/storeContext';
import { readySet } from './setFixture';

afterEach(cleanup);

describe('the set bar', () => {
  it('leads back: the set, each flow on the way, the current one marked; Close set', () => {
    const store = createAppStore();
    const actions = { showSetList: vi.fn(), setBreadcrumb: vi.fn(async () => true), closeSet: vi.fn() };
    store.setState({
      set: readySet(undefined, { listing: false, path: ['Intake', 'Notify_Queue', '__proto__'] }),
      ...actions,
    });
    render(
      <StoreContext.Provider value={store}>
        <SetBar />
      </StoreContext.Provider>,
    );
    const nav = screen.getByRole('navigation', { name: 'Flow set' });
    expect(
      within(nav)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Set my-project (5 flows)', '›Intake Wizard', '›Notify Queue', '›<img src=x onerror=alert(1)>']);
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(nav.querySelector('img')).toBeNull();
    fireEvent.click(within(nav).getByRole('button', { name: 'Notify Queue' }));
    expect(actions.setBreadcrumb).toHaveBeenCalledWith(1);
    fireEvent.click(within(nav).getByRole('button', { name: 'Set my-project (5 flows)' }));
    expect(actions.showSetList).toHaveBeenCalled();
    // The current flow is not a button: nothing to go back to.
    expect(within(nav).getAllByRole('button')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Close set' }));
    expect(actions.closeSet).toHaveBeenCalled();
  });
});

describe('the set bar over a flow opened from elsewhere', () => {
  it('names that flow as not from the set, and every crumb leads back; the Called by is not shown for it', async () => {
    const { flowXml } = await import('../../state/setsFakes');
    const { CalledBy } = await import('../../../src/views/set/CalledBy');
    const store = createAppStore();
    const setBreadcrumb = vi.fn(async () => true);
    store.getState().load(flowXml('Notify Queue'), { kind: 'file', name: 'Notify_Queue.flow-meta.xml' });
    store.setState({ set: readySet(undefined, { listing: false, path: ['Intake', 'Notify_Queue'] }), setBreadcrumb });
    render(
      <StoreContext.Provider value={store}>
        <SetBar />
        <CalledBy />
      </StoreContext.Provider>,
    );
    const nav = screen.getByRole('navigation', { name: 'Flow set' });
    // The set's own flow on screen: its crumb is the current one, and its callers are listed.
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Notify Queue');
    expect(screen.getByRole('region', { name: 'Called by' })).toBeTruthy();

    act(() => {
      store.getState().load(flowXml('Case Triage'), { kind: 'file', name: 'Case_Triage.flow-meta.xml' });
    });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Case Triage');
    expect(nav.textContent).toContain('(not from this set)');
    fireEvent.click(within(nav).getByRole('button', { name: 'Notify Queue' }));
    expect(setBreadcrumb).toHaveBeenCalledWith(1);
    expect(screen.queryByRole('region', { name: 'Called by' })).toBeNull();
  });
});
