// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceError } from '../../../src/sources/redact';
import { createAppStore, type LayoutData } from '../../../src/state/store';
import { App } from '../../../src/views/App';
import { UrlDialog } from '../../../src/views/sources/UrlDialog';
import { StoreContext } from '../../../src/views/storeContext';

const TOKEN = 'github_pat_11ABCDEFG0123456789xyz';
afterEach(cleanup);

describe('Open URL', () => {
  it('fetches the URL with the optional token and hands the text over with the URL as its name', async () => {
    const fetchUrl = vi.fn(async () => ({ text: '<Flow/>', name: 'https://github.com/o/r/blob/main/A.flow-meta.xml' }));
    const onOpen = vi.fn();
    render(<UrlDialog onClose={vi.fn()} onOpen={onOpen} fetchUrl={fetchUrl} />);
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
    await waitFor(() =>
      expect(onOpen).toHaveBeenCalledWith('<Flow/>', {
        kind: 'url',
        name: 'https://github.com/o/r/blob/main/A.flow-meta.xml',
      }),
    );
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
    render(<UrlDialog onClose={vi.fn()} onOpen={vi.fn()} fetchUrl={fetchUrl} />);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://github.com/o/r/blob/main/A.xml' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Nothing found.*If the repository is private, add a token\./,
    );
  });

  it('Esc closes it even when focus fell out of the dialog (the busy button was disabled)', () => {
    const onClose = vi.fn();
    render(<UrlDialog onClose={onClose} onOpen={vi.fn()} fetchUrl={vi.fn()} />);
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
