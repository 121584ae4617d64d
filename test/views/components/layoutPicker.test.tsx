// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LayoutRequest } from '../../../src/state/layoutChoice';
import { createAppStore, type LayoutData } from '../../../src/state/store';
import { LayoutPicker } from '../../../src/views/components/LayoutPicker';
import { StoreContext } from '../../../src/views/storeContext';
import { AUTO_LAYOUT, FREE_FORM } from '../../helpers/freeForm';

afterEach(cleanup);

function setup() {
  const asked: (LayoutRequest | undefined)[] = [];
  const store = createAppStore({
    layout: async (_g, _p, request) => {
      asked.push(request);
      return { width: 1, height: 1, nodes: {}, edges: {} } satisfies LayoutData;
    },
  });
  render(
    <StoreContext.Provider value={store}>
      <LayoutPicker />
    </StoreContext.Provider>,
  );
  return { store, asked };
}
const option = (name: RegExp) =>
  within(screen.getByRole('radiogroup', { name: 'Layout' })).getByRole('radio', { name });

describe('the Layout picker', () => {
  it('shows nothing before a flow is open', () => {
    setup();
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('offers Saved positions for a free-form flow, checked, and switches to ELK and back', async () => {
    const { store, asked } = setup();
    act(() => void store.getState().load(FREE_FORM, { kind: 'file', name: 'free.flow-meta.xml' }));
    expect(option(/Saved positions/).getAttribute('aria-checked')).toBe('true');
    expect((option(/Saved positions/) as HTMLButtonElement).disabled).toBe(false);
    await act(async () => fireEvent.click(option(/ELK layered/)));
    expect(option(/ELK layered/).getAttribute('aria-checked')).toBe('true');
    expect(option(/Saved positions/).getAttribute('aria-checked')).toBe('false');
    expect(asked.at(-1)).toEqual({ engine: 'elk' });
    await act(async () => fireEvent.click(option(/Saved positions/)));
    expect(asked.at(-1)?.engine).toBe('saved');
  });

  it('shows Saved positions disabled for an Auto-Layout flow, saying why', () => {
    const { store } = setup();
    act(() => void store.getState().load(AUTO_LAYOUT, { kind: 'file', name: 'auto.flow-meta.xml' }));
    const saved = option(/Saved positions/) as HTMLButtonElement;
    expect(saved.disabled).toBe(true);
    expect(saved.title).toBe('This flow uses Auto-Layout: Builder does not keep positions');
    expect(option(/Auto-Layout/).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(saved);
    expect(store.getState().layoutChoice).toBe('auto');
  });
});
