// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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
