// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { SidePanel } from '../../src/views/components/SidePanel';
import { DiffSide } from '../../src/views/diff/DiffSide';
import { InterviewsDialog } from '../../src/views/runtime/InterviewsDialog';
import { RestViewDialog } from '../../src/views/runtime/RestViewDialog';
import { RuntimePanel } from '../../src/views/runtime/RuntimePanel';
import { absoluteTime, relativeTime } from '../../src/views/runtime/runtimeWords';
import { StoreContext } from '../../src/views/storeContext';
import { queryResult } from '../helpers/interviews';

/**
 * The runtime views (issue 16) with a real store: the Runtime tab (groups by element, "Elsewhere", a click
 * selects, Clear), the Overlay interviews dialog (paste, refusals in words, the org action offered only for an
 * org flow), and the view of a pasted flow list or invocable flow. Every name from the data is text, not HTML.
 */
afterEach(cleanup);
const sample = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.flow-meta.xml'), 'utf8');
const PASTED = { kind: 'paste', name: 'pasted text' } as const;
const row = (over: Record<string, unknown>) => ({
  attributes: { type: 'FlowInterview' },
  Name: 'FI-1',
  CurrentElement: 'Check_Amount',
  InterviewLabel: 'Label',
  InterviewStatus: 'Paused',
  PauseLabel: null,
  CreatedDate: '2026-11-28T14:05:00.000+0000',
  ...over,
});

function withFlow(): AppStore {
  const store = createAppStore();
  store.getState().load(sample, { kind: 'sample', name: 'Opportunity_Review.flow-meta.xml' });
  return store;
}
const mount = (store: AppStore, ui: React.ReactNode) =>
  render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
async function overlay(store: AppStore, rows: Record<string, unknown>[]) {
  await act(async () => {
    expect(await store.getState().overlayInterviews(JSON.stringify(queryResult(rows)), PASTED)).toBeUndefined();
  });
}

describe('the Runtime tab', () => {
  it('lists interviews by element (label and API name, each one’s words), and "Elsewhere" for the rest', async () => {
    const store = withFlow();
    await overlay(store, [
      row({ Name: 'FI-<b>1</b>', PauseLabel: 'Waiting for <i>approval</i>' }),
      row({ Name: 'FI-2', InterviewStatus: 'Error' }),
      row({ Name: 'FI-3', CurrentElement: 'Old_Step' }),
      row({ Name: 'FI-4', CurrentElement: null }),
    ]);
    mount(store, <RuntimePanel onSelect={() => undefined} />);
    const groups = screen.getByRole('list', { name: 'Interviews by element' });
    const head = within(groups).getByRole('button', { name: /Check Amount & Stage/ });
    expect(head.textContent).toBe('Check Amount & Stage Check_Amount✖ 1 Error · ‖ 1 Paused');
    const first = within(groups).getByRole('list', { name: 'Interviews at Check_Amount' });
    expect(first.textContent).toContain('FI-<b>1</b>');
    expect(first.textContent).toContain('Paused: Waiting for <i>approval</i>');
    expect(first.querySelector('b, i')).toBeNull();
    expect(first.textContent).toMatch(/Since .+ · 2026-11-28 14:05 UTC/);
    const elsewhere = screen.getByRole('region', { name: 'Elsewhere' });
    expect(within(elsewhere).getByRole('list', { name: 'Interviews at Old_Step' }).textContent).toContain('FI-3');
    expect(within(elsewhere).getByRole('list', { name: 'Interviews at No element' }).textContent).toContain('FI-4');
    expect(elsewhere.textContent).toContain('(no CurrentElement)');
    // Nothing to select for an element this version lacks.
    expect(within(elsewhere).queryAllByRole('button')).toEqual([]);
    expect(screen.getByText(/4 interviews/).closest('p')?.textContent).toBe(
      '4 interviews from pasted text: 2 at 1 element of this flow, 2 elsewhere.',
    );
  });

  it('a click on an element or an interview selects the element; Clear runtime data clears it', async () => {
    const store = withFlow();
    await overlay(store, [row({}), row({ Name: 'FI-9', CurrentElement: 'Flag_Line' })]);
    const onSelect = vi.fn();
    mount(store, <RuntimePanel onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: /Flag Line/ }));
    expect(onSelect).toHaveBeenLastCalledWith('Flag_Line');
    fireEvent.click(within(screen.getByRole('list', { name: 'Interviews at Check_Amount' })).getByRole('button'));
    expect(onSelect).toHaveBeenLastCalledWith('Check_Amount');
    fireEvent.click(screen.getByRole('button', { name: 'Clear runtime data' }));
    expect(store.getState().runtime).toBeUndefined();
    expect(screen.getByText('No interviews on this flow.')).toBeTruthy();
  });

  it('a long group lists the first 20, then more on asking', async () => {
    const store = withFlow();
    await overlay(
      store,
      Array.from({ length: 45 }, (_, i) => row({ Name: `FI-${i}` })),
    );
    mount(store, <RuntimePanel onSelect={() => undefined} />);
    const list = screen.getByRole('list', { name: 'Interviews at Check_Amount' });
    expect(list.querySelectorAll('.rt-interview').length).toBe(20);
    fireEvent.click(within(list).getByRole('button', { name: 'Show 25 more of 25' }));
    expect(list.querySelectorAll('.rt-interview').length).toBe(45);
  });

  it('the side panel shows the tab once there are interviews, opens it, keeps it as elements are selected; Clear goes back to Flow', async () => {
    const store = withFlow();
    mount(store, <SidePanel />);
    expect(screen.queryByRole('tab', { name: /^Runtime/ })).toBeNull();
    await overlay(store, [row({}), row({})]);
    const tab = await screen.findByRole('tab', { name: 'Runtime (2)' });
    await waitFor(() => expect(tab.getAttribute('aria-selected')).toBe('true'));
    await screen.findByRole('list', { name: 'Interviews by element' });
    act(() => store.getState().select('Check_Amount'));
    expect(screen.getByRole('tab', { name: 'Runtime (2)' }).getAttribute('aria-selected')).toBe('true');
    act(() => store.getState().clearRuntime());
    expect(screen.queryByRole('tab', { name: /^Runtime/ })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Flow' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('interviews in a comparison', () => {
  const v2 = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.v2.flow-meta.xml'), 'utf8');
  /** v2 → v1: Notify_Owner is removed in the after version. */
  async function compared(): Promise<AppStore> {
    const store = createAppStore();
    await store
      .getState()
      .compare(
        { text: v2, source: { kind: 'sample', name: 'v2' } },
        { text: sample, source: { kind: 'sample', name: 'v1' } },
      );
    return store;
  }

  it('comparison side panel: Overlay interviews…, a Runtime tab; removed elements say so, select', async () => {
    const store = await compared();
    mount(store, <DiffSide />);
    expect(screen.queryByRole('tab', { name: /^Runtime/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Overlay interviews…' }));
    const box = await screen.findByRole('textbox', { name: 'FlowInterview query result (JSON)' });
    const rows = [
      row({ Name: 'FI-old', CurrentElement: 'Notify_Owner' }),
      row({ Name: 'FI-now', CurrentElement: 'Check_Amount' }),
      row({ Name: 'FI-lost', CurrentElement: 'Never_Was' }),
    ];
    fireEvent.change(box, { target: { value: JSON.stringify(queryResult(rows)) } });
    fireEvent.click(screen.getByRole('button', { name: 'Overlay pasted interviews' }));
    const tab = await screen.findByRole('tab', { name: 'Runtime (3)' });
    await waitFor(() => expect(tab.getAttribute('aria-selected')).toBe('true'));
    // The dialog closed once the interviews were on the comparison.
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /FlowInterview/ })).toBeNull());
    const groups = await screen.findByRole('list', { name: 'Interviews by element' });
    expect(screen.getByText(/3 interviews/).closest('p')?.textContent).toBe(
      '3 interviews from pasted text: 1 at 1 element of the after version, 1 at 1 element only the before version ' +
        'has, 1 elsewhere.',
    );
    const removed = within(groups).getByRole('button', { name: /Notify_Owner/ });
    expect(removed.textContent).toContain('at a removed element');
    fireEvent.click(removed);
    expect(store.getState().selection).toBe('Notify_Owner');
    // Selecting keeps the Runtime tab; the group of the selection is marked.
    expect(screen.getByRole('tab', { name: 'Runtime (3)' }).getAttribute('aria-selected')).toBe('true');
    expect(removed.closest('li')?.className).toContain('is-selected');
    const elsewhere = screen.getByRole('region', { name: 'Elsewhere' });
    expect(elsewhere.textContent).toContain('Never_Was');
    expect(elsewhere.textContent).toContain('neither version has');
    act(() => store.getState().clearRuntime());
    expect(screen.queryByRole('tab', { name: /^Runtime/ })).toBeNull();
    expect(screen.getByRole('tab', { name: /^Changes/ }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Overlay interviews…', () => {
  it('overlays a pasted query and closes; a query of another object stays with the reason in words', async () => {
    const store = withFlow();
    const onClose = vi.fn();
    mount(store, <InterviewsDialog onClose={onClose} />);
    const box = screen.getByLabelText('FlowInterview query result (JSON)');
    fireEvent.change(box, { target: { value: JSON.stringify(queryResult([{ attributes: { type: 'Account' } }])) } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Overlay pasted interviews' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('This is a query of 1 Account record');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: JSON.stringify(queryResult([row({})])) } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Overlay pasted interviews' }));
    });
    expect(onClose).toHaveBeenCalled();
    expect(store.getState().runtimeNotes.get('Check_Amount')?.[0]?.text).toBe('1 paused');
  });

  it('offers the org query only for a flow opened from a connected org; says how otherwise', () => {
    const store = withFlow();
    mount(store, <InterviewsDialog onClose={() => undefined} />);
    expect(screen.queryByRole('button', { name: "Query the org's interviews" })).toBeNull();
    expect(screen.getByText(/With an org connected \(Org…\) and the flow opened from it/)).toBeTruthy();
  });
});

describe('a pasted flow list or invocable flow', () => {
  it('a flow list without an org: its flows as text, and how to get a flow’s metadata', async () => {
    const store = withFlow();
    await store.getState().preparePayload('{}');
    const list = queryResult([
      {
        attributes: { type: 'Flow' },
        ApiName: 'A_<x>',
        Label: '<img src=x>',
        ProcessType: 'Flow',
        Status: 'Obsolete',
        VersionNumber: 2,
      },
    ]);
    act(() => void store.getState().load(JSON.stringify(list), PASTED));
    mount(store, <RestViewDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Flows (1)' });
    const cells = within(dialog)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['<img src=x>', 'A_<x>', 'Screen Flow', 'Obsolete', '2']);
    expect(dialog.querySelector('img')).toBeNull();
    expect(dialog.textContent).toContain('connect its org (Org…)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(store.getState().restView).toBeUndefined();
  });

  it('an invocable flow that is not the open one: its interface, no comparison', async () => {
    const store = withFlow();
    await store.getState().preparePayload('{}');
    const described = {
      name: 'Other_Flow',
      label: 'Other',
      type: 'FLOW',
      inputs: [{ name: 'caseId', type: 'STRING', required: true }],
      outputs: [],
    };
    act(() => void store.getState().load(JSON.stringify(described), PASTED));
    mount(store, <RestViewDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Invocable flow' });
    expect(within(dialog).getByRole('table', { name: 'Inputs' }).textContent).toContain('caseIdSTRINGRequired');
    expect(within(dialog).queryByRole('status')).toBeNull();
    expect(dialog.textContent).toContain('Outputs (0)None.');
  });
});

describe('the panel’s dates', () => {
  it('says how long ago and when, the same for every locale; an unreadable date says nothing', () => {
    const now = Date.parse('2026-12-01T14:00:00Z');
    expect(relativeTime('2026-12-01T13:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-11-28T14:05:00.000+0000', now)).toBe('3 days ago');
    expect(relativeTime('2026-12-01T12:00:00Z', now)).toBe('2 hours ago');
    expect(relativeTime('2026-12-01T15:00:00Z', now)).toBe('in 1 hour');
    expect(relativeTime('yesterday', now)).toBeUndefined();
    expect(absoluteTime('2026-11-28T14:05:00.000+0000')).toBe('2026-11-28 14:05 UTC');
    expect(absoluteTime(undefined)).toBeUndefined();
  });
});
