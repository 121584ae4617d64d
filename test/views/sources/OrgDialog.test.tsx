// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY, SourceError } from '../../../src/sources/redact';
import { createAppStore, type OrgCredentials } from '../../../src/state/store';
import { OrgDialog } from '../../../src/views/sources/OrgDialog';
import { StoreContext } from '../../../src/views/storeContext';
import { MemoryStorage } from '../../helpers/memoryStorage';
import { fakeClient, ORG } from './fakeClient';

const TOKEN = '00D5g000004ABCD!AQ0AQComponentTestToken.z9';
const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
afterEach(() => {
  cleanup();
  for (const spy of consoleSpies) expect(JSON.stringify(spy.mock.calls)).not.toContain(TOKEN);
});

/** The dialog over a store given a fake `connect` and storage; resolves once the dialog is up. */
async function setup(
  options: { connect?: (o: OrgCredentials) => Promise<ReturnType<typeof fakeClient>>; storage?: MemoryStorage } = {},
) {
  const client = fakeClient(ORG);
  const connect = vi.fn(options.connect ?? (async () => client));
  const storage = options.storage ?? new MemoryStorage();
  const store = createAppStore({ connect, storage });
  const onClose = vi.fn();
  render(
    <StoreContext.Provider value={store}>
      <OrgDialog onClose={onClose} />
    </StoreContext.Provider>,
  );
  await screen.findByRole('dialog');
  return { client, connect, storage, store, onClose };
}

async function connectWith(token = TOKEN, remember = false) {
  fireEvent.change(screen.getByLabelText('Instance URL'), { target: { value: 'https://acme.my.salesforce.com' } });
  fireEvent.change(screen.getByLabelText('Access token'), { target: { value: token } });
  if (remember) fireEvent.click(screen.getByRole('checkbox', { name: 'Remember for this tab' }));
  // A typed token is never mirrored into the DOM (a controlled input's value attribute would be).
  expect(document.body.innerHTML).not.toContain(token);
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
  await screen.findByRole('list', { name: 'Flows in the org' });
}
const flowButtons = () =>
  within(screen.getByRole('list', { name: 'Flows in the org' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('Connect to org', () => {
  it('asks for the instance URL, a password-type token, the API version (63.0); not remembered', async () => {
    await setup();
    expect(screen.getByRole('dialog', { name: 'Connect to a Salesforce org' })).toBeTruthy();
    expect((screen.getByLabelText('Access token') as HTMLInputElement).type).toBe('password');
    expect((screen.getByLabelText('API version') as HTMLInputElement).value).toBe('63.0');
    expect((screen.getByRole('checkbox', { name: 'Remember for this tab' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/sf org display --json --target-org <alias>/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Instance URL'));
  });

  it('connects, then lists the first page of flows; the token is gone from the form and from storage', async () => {
    const { connect, storage, store } = await setup();
    await connectWith();
    expect(connect).toHaveBeenCalledWith({
      instanceUrl: 'https://acme.my.salesforce.com',
      token: TOKEN,
      apiVersion: '63.0',
    });
    expect(flowButtons()).toEqual([
      expect.stringContaining('Adopter Profile'),
      expect.stringContaining('Adoption: Start'),
    ]);
    expect(screen.getByRole('status').textContent).toBe('Showing 2 of 3 flows');
    expect(screen.queryByLabelText('Access token')).toBeNull();
    expect(storage.writes).toEqual([]);
    expect(document.body.innerHTML).not.toContain(TOKEN);
    // The client holds it; the store's state does not.
    expect(
      JSON.stringify(store.getState(), (_k, v: unknown) => (typeof v === 'function' ? undefined : v)),
    ).not.toContain(TOKEN);
  });

  it('shows a connection error with its hint, and keeps the form', async () => {
    await setup({
      connect: async () =>
        Promise.reject(
          new SourceError(
            'unauthorized',
            'The org refused the access token (Session expired or invalid).',
            'Get a fresh token: run `sf org display --json`.',
            [TOKEN],
            401,
          ),
        ),
    });
    fireEvent.change(screen.getByLabelText('Instance URL'), { target: { value: 'https://acme.my.salesforce.com' } });
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: TOKEN } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Session expired or invalid.*Get a fresh token/);
    expect(screen.getByLabelText('Access token')).toBeTruthy();
  });

  it('"Remember for this tab" keeps the session; the next dialog is filled in; Disconnect forgets it', async () => {
    const storage = new MemoryStorage();
    const { client } = await setup({ storage });
    await connectWith(TOKEN, true);
    expect(JSON.parse(storage.getItem(SESSION_KEY) ?? '{}')).toEqual({
      instanceUrl: 'https://acme.my.salesforce.com',
      apiVersion: '63.0',
      token: TOKEN,
    });
    cleanup();
    await setup({ storage });
    expect((screen.getByLabelText('Access token') as HTMLInputElement).value).toBe(TOKEN);
    expect((screen.getByRole('checkbox', { name: 'Remember for this tab' }) as HTMLInputElement).checked).toBe(true);
    await connectWith(TOKEN);
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    expect((screen.getByLabelText('Access token') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Instance URL') as HTMLInputElement).value).toBe('https://acme.my.salesforce.com');
    expect(client.calls).not.toContain('disconnect');
  });

  it('Disconnect calls the client’s disconnect', async () => {
    const { client, store } = await setup();
    await connectWith();
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(client.calls.at(-1)).toBe('disconnect');
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(store.getState().org.status).toBe('disconnected');
  });

  it('Esc and × close the dialog', async () => {
    const { onClose } = await setup();
    fireEvent.keyDown(screen.getByLabelText('Instance URL'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('the flow browser', () => {
  it('filters as you type, asking the org once after typing pauses', async () => {
    const { client } = await setup();
    await connectWith();
    const box = screen.getByRole('searchbox', { name: 'Filter flows by label or API name' });
    for (const value of ['t', 'tr', 'tri']) fireEvent.change(box, { target: { value } });
    await waitFor(() => expect(flowButtons()).toEqual([expect.stringContaining('Tricky')]));
    expect(client.calls.filter((c) => c.startsWith('listFlows'))).toEqual(['listFlows::', 'listFlows:tri:']);
  });

  it('Load more appends the next page', async () => {
    await setup();
    await connectWith();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(flowButtons().length).toBe(3));
    expect(screen.getByRole('status').textContent).toBe('Showing 3 of 3 flows');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('renders untrusted labels as text', async () => {
    await setup();
    await connectWith();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() =>
      expect(flowButtons()[2]).toContain('<img src=x onerror="window.__pwned=1"> Tricky & <b>bold</b>'),
    );
    expect(document.querySelector('.src-dialog img, .src-dialog b')).toBeNull();
  });

  // Versions: number, status, date; active and latest ticked.
  it('expands a flow to its versions; Compare compares the two ticked texts, older first', async () => {
    const { store, onClose, client } = await setup();
    await connectWith();
    fireEvent.click(screen.getByRole('button', { name: /Adopter Profile/ }));
    const region = await screen.findByRole('region', { name: 'Versions of Adopter Profile' });
    await waitFor(() => expect(within(region).getAllByRole('row').length).toBe(4));
    const rows = within(region)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      '3 (latest)Draft2025-03-01 10:00 UTCOpen',
      '2Obsolete2025-02-01 10:00 UTCOpen',
      '1Active2025-01-01 10:00 UTCOpen',
    ]);
    const ticked = within(region)
      .getAllByRole('checkbox')
      .map((c) => (c as HTMLInputElement).checked);
    expect(ticked).toEqual([true, false, true]);
    fireEvent.click(within(region).getByRole('button', { name: 'Compare version 1 → 3' }));
    await waitFor(() => expect(store.getState().comparison).toBeDefined());
    expect(onClose).toHaveBeenCalledTimes(1);
    const { before, after } = store.getState().comparison!;
    expect(before.source).toEqual({ kind: 'org', name: 'Adopter_Profile v1' });
    expect(after.source).toEqual({ kind: 'org', name: 'Adopter_Profile v3' });
    expect(before.text).toContain('301000000000001AAA');
    expect(after.text).toContain('301000000000003AAA');
    expect(client.calls).toContain('listVersions:300000000000001AAA');
  });

  // With active = latest, the default pair is the latest and the one before.
  it('ticking a third version keeps the last two; the default pair when active is latest', async () => {
    await setup();
    await connectWith();
    fireEvent.click(screen.getByRole('button', { name: /Adoption: Start/ }));
    const region = await screen.findByRole('region', { name: 'Versions of Adoption: Start' });
    await within(region).findByRole('button', { name: 'Compare version 1 → 2' });
    fireEvent.click(screen.getByRole('button', { name: /Adopter Profile/ }));
    const other = await screen.findByRole('region', { name: 'Versions of Adopter Profile' });
    const boxes = await within(other).findAllByRole('checkbox');
    // Ticked: 1 (active) and 3 (latest); ticking 2 drops the earliest ticked.
    fireEvent.click(boxes[1]!);
    expect(within(other).getByRole('button', { name: 'Compare version 2 → 3' })).toBeTruthy();
    fireEvent.click(boxes[0]!);
    expect(within(other).getByRole('button', { name: 'Compare (tick two versions)' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('Open opens one version’s text and closes the dialog', async () => {
    const { store, onClose } = await setup();
    await connectWith();
    fireEvent.click(screen.getByRole('button', { name: /Adopter Profile/ }));
    const region = await screen.findByRole('region', { name: 'Versions of Adopter Profile' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Open version 2' }));
    await waitFor(() => expect(store.getState().flow?.source).toEqual({ kind: 'org', name: 'Adopter_Profile v2' }));
    expect(store.getState().flow?.text).toContain('301000000000002AAA');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('an error while browsing is shown with its hint', async () => {
    const { client, onClose } = await setup();
    await connectWith();
    client.getVersion = async () =>
      Promise.reject(
        new SourceError('not-found', 'flow version 301 was not found in the org.', 'Reload the list.', []),
      );
    fireEvent.click(screen.getByRole('button', { name: /Adopter Profile/ }));
    const region = await screen.findByRole('region', { name: 'Versions of Adopter Profile' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Open version 2' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/was not found in the org\.Reload the list\./);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('stays connected while hidden (closed) and shown again', async () => {
    const client = fakeClient(ORG);
    const store = createAppStore({ connect: async () => client, storage: new MemoryStorage() });
    const onClose = vi.fn();
    const dialog = (open: boolean) => (
      <StoreContext.Provider value={store}>
        <OrgDialog open={open} onClose={onClose} />
      </StoreContext.Provider>
    );
    const { rerender } = render(dialog(true));
    await screen.findByRole('dialog');
    await connectWith();
    act(() => rerender(dialog(false)));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => rerender(dialog(true)));
    expect(screen.getByRole('dialog', { name: 'Flows in the org' })).toBeTruthy();
    expect(client.calls).not.toContain('disconnect');
  });
});
