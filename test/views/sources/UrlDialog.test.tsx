// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceError } from '../../../src/sources/redact';
import { createAppStore, type FetchUrl, type LayoutData } from '../../../src/state/store';
import { App } from '../../../src/views/App';
import { UrlDialog } from '../../../src/views/sources/UrlDialog';
import { StoreContext } from '../../../src/views/storeContext';

const TOKEN = 'github_pat_11ABCDEFG0123456789xyz';
afterEach(cleanup);

/** The dialog over a store that fetches with `fetchUrl`. */
function setup(fetchUrl: FetchUrl) {
  const store = createAppStore({ fetchUrl });
  const onClose = vi.fn();
  render(
    <StoreContext.Provider value={store}>
      <UrlDialog onClose={onClose} />
    </StoreContext.Provider>,
  );
  return { store, onClose };
}

describe('Open URL', () => {
  it('fetches the URL with the optional token and opens the text with the URL as its name', async () => {
    const fetchUrl = vi.fn(async () => ({ text: '<Flow/>', name: 'https://github.com/o/r/blob/main/A.flow-meta.xml' }));
    const { store, onClose } = setup(fetchUrl);
    expect(screen.getByRole('dialog', { name: 'Open a flow from a URL' })).toBeTruthy();
    expect((screen.getByLabelText('Token (optional)') as HTMLInputElement).type).toBe('password');
    fireEvent.change(screen.getByLabelText('URL'), {
      target: { value: 'https://github.com/o/r/blob/main/A.flow-meta.xml' },
    });
    expect(screen.getByText('Fetched from raw.githubusercontent.com.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Token (optional)'), { target: { value: TOKEN } });
    expect(screen.getByText('Fetched from api.github.com with the token.')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(TOKEN);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(store.getState().flow?.source).toEqual({
      kind: 'url',
      name: 'https://github.com/o/r/blob/main/A.flow-meta.xml',
    });
    expect(store.getState().flow?.text).toBe('<Flow/>');
    expect(fetchUrl).toHaveBeenCalledWith('https://github.com/o/r/blob/main/A.flow-meta.xml', { token: TOKEN });
    expect((screen.getByLabelText('Token (optional)') as HTMLInputElement).value).toBe('');
  });

  it('shows the error and its hint', async () => {
    const fetchUrl = async () =>
      Promise.reject(
        new SourceError(
          'not-found',
          'Nothing found at https://github.com/o/r/blob/main/A.xml.',
          'If the repository is private, add a token.',
          [],
        ),
      );
    const { store, onClose } = setup(fetchUrl);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://github.com/o/r/blob/main/A.xml' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Nothing found.*If the repository is private, add a token\./,
    );
    expect(onClose).not.toHaveBeenCalled();
    expect(store.getState().flow).toBeUndefined();
    expect(store.getState().error).toBeUndefined();
  });

  it('Esc closes it even when focus fell out of the dialog (the busy button was disabled)', () => {
    const { onClose } = setup(vi.fn());
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});

describe('the load bar', () => {
  it('opens the org and URL dialogs, loaded on demand, and closes them', async () => {
    const store = createAppStore({ layout: () => new Promise<LayoutData>(() => undefined) });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Org…' }));
    expect(await screen.findByRole('dialog', { name: 'Connect to a Salesforce org' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'URL…' }));
    expect(await screen.findByRole('dialog', { name: 'Open a flow from a URL' })).toBeTruthy();
    fireEvent.keyDown(screen.getByLabelText('URL'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
