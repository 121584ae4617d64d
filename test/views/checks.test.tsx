// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { type AppStore, createAppStore } from '../../src/state/store';
import { ChecksPanel } from '../../src/views/checks/ChecksPanel';
import { ComparisonReview } from '../../src/views/checks/ComparisonReview';
import { SidePanel } from '../../src/views/components/SidePanel';
import { FlowFacts } from '../../src/views/details/FlowFacts';
import { StoreContext } from '../../src/views/storeContext';
import { contactSync, fakeChecks, memoryStorage } from '../state/checksFake';

/** The Checks tab, a comparison's review sections and the Flow tab's interface (issue 15), with fake rules. */
beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function opened(v: 1 | 2 = 2): Promise<AppStore> {
  const store = createAppStore({ checks: fakeChecks().service });
  store.getState().load(contactSync(v), { kind: 'file', name: `v${v}` });
  await vi.waitFor(() => expect(store.getState().checks.status).toBe('done'));
  return store;
}
const inStore = (store: AppStore, ui: React.ReactNode) =>
  render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
const group = (name: string) => within(screen.getByRole('region', { name }));

describe('the Checks panel', () => {
  it('groups findings by rule: severity by mark and word, the rule, its count, its help behind a disclosure', async () => {
    const store = await opened();
    inStore(store, <ChecksPanel />);
    await screen.findByRole('region', { name: 'Missing fault path' });
    expect(screen.getByText(/1 error, 2 warnings, 1 note/)).toBeTruthy();
    const dml = screen.getByRole('region', { name: 'DML statement in a loop' });
    expect(dml.querySelector('h3')?.textContent).toBe('✖ Error DML statement in a loop (1)');
    expect(group('Missing fault path').getByRole('heading').textContent).toBe('⚠ Warning Missing fault path (2)');
    expect(group('Unused resource').getByRole('heading').textContent).toBe('ℹ Note Unused resource (1)');
    // Groups follow the rule table.
    const order = [...document.querySelectorAll('.check-group')].map((g) => g.getAttribute('data-rule'));
    expect(order).toEqual(['dml-in-loop', 'missing-fault-path', 'unused-resource']);
    const help = within(dml).getByText('About this rule').closest('details') as HTMLDetailsElement;
    expect(help.textContent).toContain('Why dml statement in a loop matters, and how to fix it.');
  });

  it('a message is text, never markup; a finding on a resource says so and selects nothing', async () => {
    const store = await opened();
    inStore(store, <ChecksPanel />);
    const unused = await screen.findByRole('region', { name: 'Unused resource' });
    expect(unused.textContent).toContain('<b>total</b> is never used');
    expect(unused.querySelector('b')).toBeNull();
    expect(within(unused).queryByRole('button')).toBeNull();
    expect(unused.textContent).toContain('resource total');
  });

  it('the filter box and the severity filter narrow the list', async () => {
    const store = await opened();
    inStore(store, <ChecksPanel />);
    await screen.findByRole('region', { name: 'Missing fault path' });
    fireEvent.change(screen.getByLabelText('Filter findings'), { target: { value: 'log error' } });
    expect(screen.queryByRole('region', { name: 'DML statement in a loop' })).toBeNull();
    expect(
      group('Missing fault path')
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Log Error (Log_Error) has no fault path']);
    fireEvent.change(screen.getByLabelText('Filter findings'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'error' } });
    expect([...document.querySelectorAll('.check-group')].map((g) => g.getAttribute('data-rule'))).toEqual([
      'dml-in-loop',
    ]);
    expect((screen.getByRole('option', { name: 'Warnings (2)' }) as HTMLOptionElement).value).toBe('warning');
    fireEvent.change(screen.getByLabelText('Filter findings'), { target: { value: 'nothing like it' } });
    expect(screen.getByText('No findings match.')).toBeTruthy();
  });

  it('a click on a finding selects its element, keeping the list', async () => {
    const store = await opened();
    inStore(store, <ChecksPanel />);
    const dml = await screen.findByRole('region', { name: 'DML statement in a loop' });
    fireEvent.click(within(dml).getByRole('button', { name: /runs inside a loop/ }));
    expect(store.getState().selection).toBe('Update_Contact');
    expect(store.getState().highlight.nodes.has('Update_Contact')).toBe(true);
    expect(within(dml).getByRole('button', { current: true }).textContent).toContain('Update Contact');
  });

  it('settings: a rule switched off leaves the list and the card at once; with none left, "No findings"', async () => {
    const store = await opened();
    inStore(store, <ChecksPanel />);
    await screen.findByRole('region', { name: 'DML statement in a loop' });
    fireEvent.click(screen.getByText(/^Settings/));
    await act(async () => {
      fireEvent.click(screen.getByRole('checkbox', { name: 'DML statement in a loop' }));
    });
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'DML statement in a loop' })).toBeNull());
    expect(store.getState().checkNotes.get('Update_Contact')?.[0]?.text).toBe('1 warning');
    expect(screen.getByText('(1 rule changed)')).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Severity of Missing fault path'), { target: { value: 'error' } });
    });
    await vi.waitFor(() => expect(group('Missing fault path').getByRole('heading').textContent).toContain('Error'));
    for (const name of ['Missing fault path', 'Unused resource'])
      await act(async () => {
        fireEvent.click(screen.getByRole('checkbox', { name }));
      });
    await vi.waitFor(() => expect(screen.getByText('No findings')).toBeTruthy());
    expect(screen.getByText(/0 rules ran, 3 switched off/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back to the defaults' }));
    });
    await screen.findByRole('region', { name: 'DML statement in a loop' });
    expect(localStorage.getItem('flowscope.checks')).toBeNull();
  });
});

describe('a flow with hundreds of findings', () => {
  it('draws 50 of a rule at first, the rest on asking', async () => {
    const fake = fakeChecks();
    fake.api.runChecks.mockImplementation((_doc, _graph, config) =>
      config?.rules.get('dml-in-loop')?.enabled === false
        ? []
        : Array.from({ length: 120 }, (_, i) => ({
            rule: 'dml-in-loop' as const,
            severity: 'error' as const,
            element: `E${i}`,
            node: `E${i}`,
            message: `Finding ${i}`,
          })),
    );
    const store = createAppStore({ checks: fake.service });
    store.getState().load(contactSync(2), { kind: 'file', name: 'v2' });
    await vi.waitFor(() => expect(store.getState().checks.status).toBe('done'));
    inStore(store, <ChecksPanel />);
    const dml = await screen.findByRole('region', { name: 'DML statement in a loop' });
    expect(within(dml).getAllByRole('button', { name: /^Finding/ })).toHaveLength(50);
    fireEvent.click(within(dml).getByRole('button', { name: 'Show all 120' }));
    expect(within(dml).getAllByRole('button', { name: /^Finding/ })).toHaveLength(120);
  });
});

describe('the side panel', () => {
  it('has a Checks (N) tab; a finding picked there keeps the tab, a card clicked opens its details', async () => {
    const store = await opened();
    inStore(store, <SidePanel />);
    fireEvent.click(screen.getByRole('tab', { name: 'Checks (4)' }));
    const dml = await screen.findByRole('region', { name: 'DML statement in a loop' });
    fireEvent.click(within(dml).getByRole('button', { name: /runs inside a loop/ }));
    expect(store.getState().selection).toBe('Update_Contact');
    expect(screen.getByRole('tab', { name: 'Checks (4)' }).getAttribute('aria-selected')).toBe('true');
    act(() => store.getState().select('Get_Contacts'));
    expect(screen.getByRole('tab', { name: 'Details' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('the Flow tab’s interface', () => {
  const doc = (v: 1 | 2) => {
    const r = parseFlow(contactSync(v));
    if (!r.ok) throw new Error(r.error.message);
    return r.doc;
  };
  it('lists inputs and outputs with their types in Builder’s words', () => {
    const d = doc(1);
    render(<FlowFacts doc={d} graph={buildGraph(d)} />);
    const inputs = screen.getByText('Inputs').closest('.fsd-row') as HTMLElement;
    expect(inputs.textContent).toBe('InputsaccountIdText');
    const outputs = screen.getByText('Outputs').closest('.fsd-row') as HTMLElement;
    expect(outputs.textContent).toBe('OutputstotalNumber');
  });

  it('says when a flow has none', () => {
    const d = doc(1);
    const none = { ...d, resources: [] };
    render(<FlowFacts doc={none} graph={buildGraph(none)} />);
    expect((screen.getByText('Interface').closest('.fsd-row') as HTMLElement).textContent).toBe('Interfacenone');
  });
});

describe('a comparison’s Changes tab', () => {
  it('interface changes first, breaking ones said so; then the findings the change introduced, each selectable', async () => {
    const store = createAppStore({ checks: fakeChecks().service });
    await store
      .getState()
      .compare(
        { text: contactSync(1), source: { kind: 'file', name: 'v1' } },
        { text: contactSync(2), source: { kind: 'file', name: 'v2' } },
      );
    const comparison = store.getState().comparison;
    if (!comparison) throw new Error('no comparison');
    inStore(store, <ComparisonReview comparison={comparison} />);
    const iface = screen.getByRole('region', { name: 'Interface changes' });
    expect([...iface.querySelectorAll('li')].map((l) => l.textContent)).toEqual([
      // The differ pairs accountId → parentId as a renamed resource: one line, breaking all the same.
      '✖ Input accountId renamed to parentId — breaking for callers',
      '✖ Output total: Number → Currency — breaking for callers',
    ]);
    // The interface comes before the checks.
    const checks = screen.getByRole('region', { name: 'Checks' });
    expect(iface.compareDocumentPosition(checks) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await vi.waitFor(() => expect(checks.textContent).toContain('(2 new)'));
    const introduced = within(checks).getAllByRole('button');
    expect(introduced.map((b) => b.textContent)).toEqual([
      'New: Update Contact (Update_Contact) runs inside a loop',
      'New: Update Contact (Update_Contact) has no fault path',
    ]);
    expect(within(checks).getByText('0 fixed')).toBeTruthy();
    // The remaining ones are drawn once their fold is opened.
    const remaining = within(checks).getByText('2 remaining').closest('details') as HTMLDetailsElement;
    remaining.open = true;
    fireEvent(remaining, new Event('toggle'));
    expect(
      within(remaining)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Log Error (Log_Error) has no fault path']);
    expect(remaining.textContent).toContain('resource total');
    fireEvent.click(introduced[0] as HTMLElement);
    expect(store.getState().selection).toBe('Update_Contact');
    // Picked from the change list: the Changes tab stays in view.
    expect(store.getState().selectedByStep).toBe(true);
  });
});
