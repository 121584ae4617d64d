// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { CalledBy } from '../../../src/views/set/CalledBy';
import { StoreContext } from '../../../src/views/storeContext';
import { readySet } from './setFixture';

afterEach(cleanup);

describe('Called by', () => {
  it('lists the set’s Subflow elements that call the flow on screen; each opens its caller there', () => {
    const store = createAppStore();
    const openSetFlow = vi.fn(async () => true);
    store.setState({ set: readySet(undefined, { listing: false, path: ['Intake', 'Notify_Queue'] }), openSetFlow });
    render(
      <StoreContext.Provider value={store}>
        <CalledBy />
      </StoreContext.Provider>,
    );
    const box = screen.getByRole('region', { name: 'Called by' });
    expect(within(box).getByRole('heading').textContent).toBe('Called by (2)');
    expect(
      within(box)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Intake Wizard from Call_Notify', 'Case After from Tell_Queue']);
    fireEvent.click(within(box).getByRole('button', { name: 'Open Case After at Tell_Queue' }));
    expect(openSetFlow).toHaveBeenCalledWith('Case_After', { select: 'Tell_Queue' });
    act(() => store.setState({ set: readySet(undefined, { listing: false, path: ['Intake'] }) }));
    expect(screen.getByText('No flow of this set calls it as a subflow.')).toBeTruthy();
    act(() => store.setState({ set: readySet() }));
    expect(screen.queryByRole('region')).toBeNull();
  });
});
