// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../../src/model/setTypes';
import { createAppStore } from '../../../src/state/store';
import { SetScreen } from '../../../src/views/set/SetScreen';
import { StoreContext } from '../../../src/views/storeContext';
import { readySet, setFlow, smallSummary } from './setFixture';

afterEach(cleanup);

function setup(set = readySet()) {
  const store = createAppStore();
  const openSetFlow = vi.fn(async () => true);
  const cancelSet = vi.fn();
  const closeSet = vi.fn();
  const openSet = vi.fn(async () => true);
  store.setState({ set, openSetFlow, cancelSet, closeSet, openSet });
  render(
    <StoreContext.Provider value={store}>
      <SetScreen />
    </StoreContext.Provider>,
  );
  return { store, openSetFlow, cancelSet, closeSet, openSet };
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const labels = () => bodyRows().map((r) => within(r).getAllByRole('cell')[0]?.textContent);

describe('the set screen', () => {
  it('titles the set with its counts, and lists every flow with its type, trigger and status in words', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('my-project — 5 flows · 1 skipped');
    const after = bodyRows().find((r) => r.textContent?.includes('Case_After')) as HTMLElement;
    expect(
      within(after)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Case After',
      'Case_After',
      'Record-Triggered Flow',
      'Case · after save · created or updated',
      'Active',
      '12',
      '—',
    ]);
    const queue = bodyRows().find((r) => r.textContent?.includes('Notify_Queue')) as HTMLElement;
    // Called by two flows (Intake, Case_After); the unresolved call to Not_Here counts for nobody.
    expect(
      within(queue)
        .getAllByRole('cell')
        .slice(4)
        .map((c) => c.textContent),
    ).toEqual(['Draft', '4', '2']);
  });

  it('renders an HTML-looking label and a __proto__ API name as text', () => {
    setup();
    expect(screen.getByRole('button', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '__proto__' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('sorts by a column header (aria-sort says how), both ways', () => {
    setup();
    expect(labels()).toEqual([
      '<img src=x onerror=alert(1)>',
      'Case After',
      'Case Before',
      'Intake Wizard',
      'Notify Queue',
    ]);
    const elements = screen.getByRole('columnheader', { name: /Elements/ });
    fireEvent.click(within(elements).getByRole('button'));
    expect(elements.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Label/ }).getAttribute('aria-sort')).toBe('none');
    expect(labels()[0]).toBe('Case After');
    fireEvent.click(within(elements).getByRole('button'));
    expect(elements.getAttribute('aria-sort')).toBe('ascending');
    expect(labels()[0]).toBe('<img src=x onerror=alert(1)>');
  });

  it('filters by label, API name or object, and by type', () => {
    setup();
    const box = screen.getByRole('searchbox', { name: /Filter flows/ });
    fireEvent.change(box, { target: { value: 'case' } });
    expect(labels()).toEqual(['Case After', 'Case Before']);
    expect(screen.getByText('2 flows of 5')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'notify_q' } });
    expect(labels()).toEqual(['Notify Queue']);
    fireEvent.change(box, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'Screen Flow' } });
    expect(labels()).toEqual(['Intake Wizard']);
  });

  it('opens a flow from its row', () => {
    const { openSetFlow } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Intake Wizard' }));
    expect(openSetFlow).toHaveBeenCalledWith('Intake', undefined);
  });

  it('draws only the rows in view of 2,000 flows, quickly', () => {
    const big = smallSummary();
    big.flows = Array.from({ length: 2000 }, (_, i) => setFlow(`Flow_${String(i).padStart(4, '0')}`));
    const t = performance.now();
    setup(readySet(big));
    const ms = performance.now() - t;
    expect(screen.getByText('2,000 flows')).toBeTruthy();
    const drawn = bodyRows().filter((r) => r.querySelector('button'));
    expect(drawn.length).toBeGreaterThan(20);
    expect(drawn.length).toBeLessThan(80);
    // happy-dom is far slower than a browser; the browser figure is in the report.
    expect(ms).toBeLessThan(1000);
  });

  it('moves between tabs with the arrow keys, and keeps one tab in the Tab order', () => {
    setup();
    const flows = screen.getByRole('tab', { name: /Flows/ });
    expect(flows.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(flows.id);
    fireEvent.keyDown(flows, { key: 'ArrowRight' });
    const search = screen.getByRole('tab', { name: 'Search' });
    expect(search.getAttribute('aria-selected')).toBe('true');
    expect(search.tabIndex).toBe(0);
    expect(flows.tabIndex).toBe(-1);
    fireEvent.keyDown(search, { key: 'End' });
    expect(screen.getByRole('tab', { name: /Skipped/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('cell', { name: 'README.md' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'not a flow file' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: /Skipped/ }), { key: 'ArrowRight' });
    expect(flows.getAttribute('aria-selected')).toBe('true');
  });

  it('lists each object’s triggered flows in run order, in phases, inactive ones said so', () => {
    const { openSetFlow } = setup();
    fireEvent.click(screen.getByRole('tab', { name: /Triggers/ }));
    const cases = screen.getByRole('region', { name: 'Case' });
    const phases = within(cases)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(phases).toEqual(['Before save — fast field updates', 'After save — actions and related records']);
    const rows = within(cases)
      .getAllByRole('row')
      .filter((r) => within(r).queryAllByRole('cell').length > 0)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['10', 'Case Before Case_Before', 'created', '—'],
      ['20', 'Case After Case_After', 'created or updated', 'Active'],
      ['—', 'Case Late Case_Late', 'updated', 'Draft (inactive)'],
    ]);
    fireEvent.click(within(cases).getByRole('button', { name: 'Case Late' }));
    expect(openSetFlow).toHaveBeenCalledWith('Case_Late', undefined);
  });
});

describe('search across the set', () => {
  const result: SearchResult = {
    query: 'amount',
    total: 4,
    flows: 3,
    truncated: true,
    groups: [
      {
        flow: 'Case_After',
        label: 'Case After',
        total: 3,
        hits: [
          { element: 'Check_Amount', kind: 'name', text: 'Check_Amount', at: 6, length: 6 },
          { element: 'Set_Total', kind: 'reference', text: '$Record.<b>Amount</b>', at: 11, length: 6 },
        ],
      },
      {
        flow: '__proto__',
        label: '',
        total: 1,
        hits: [{ element: 'AmountVar', resource: true, kind: 'resource', text: 'AmountVar', at: 0, length: 6 }],
      },
    ],
  };

  it('searches as the user types and shows hits grouped by flow, the match marked as text', async () => {
    const { store, openSetFlow } = setup();
    const searchSet = vi.fn(async (q: string) => (q === 'amount' ? result : undefined));
    store.setState({ searchSet });
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    const box = screen.getByRole('searchbox', { name: 'Search all flows' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'amount' } });
    await screen.findByText('4 results in 3 flows — showing the first 2 flows; type more to narrow the search.');
    expect(searchSet).toHaveBeenLastCalledWith('amount');
    const group = screen.getByRole('region', { name: 'Case After' });
    expect(within(group).getByText('· 3 hits')).toBeTruthy();
    expect(within(group).getByText('and 1 more hit in this flow')).toBeTruthy();
    const hit = within(group).getByRole('button', { name: /field reference/ });
    expect(hit.querySelector('mark')?.textContent).toBe('Amount');
    expect(hit.textContent).toContain('$Record.<b>Amount</b>');
    expect(hit.querySelector('b')).toBeNull();
    fireEvent.click(hit);
    expect(openSetFlow).toHaveBeenCalledWith('Case_After', { select: 'Set_Total' });
    // A resource hit opens the flow (nothing on the canvas to select); a flow without a label shows its name.
    fireEvent.click(
      within(screen.getByRole('region', { name: '__proto__' })).getByRole('button', { name: /resource/ }),
    );
    expect(openSetFlow).toHaveBeenLastCalledWith('__proto__', undefined);
  });

  it('keeps the query when the user comes back to the tab', async () => {
    const { store } = setup();
    store.setState({ searchSet: vi.fn(async () => result) });
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search all flows' }), { target: { value: 'amount' } });
    fireEvent.click(screen.getByRole('tab', { name: /Flows/ }));
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    expect((screen.getByRole('searchbox', { name: 'Search all flows' }) as HTMLInputElement).value).toBe('amount');
    await screen.findByText(/4 results in 3 flows/);
  });
});

describe('reading a set', () => {
  it('shows the progress in words and a bar, and Cancel stops it', () => {
    const { cancelSet } = setup({
      source: { kind: 'zip', name: 'package.zip' },
      status: 'loading',
      progress: { phase: 'Parsing flows', done: 30, total: 120 },
      path: [],
      listing: true,
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Opening package.zip…');
    const bar = screen.getByRole('progressbar', { name: 'Reading the set' });
    expect(bar.getAttribute('aria-valuenow')).toBe('30');
    expect(bar.getAttribute('aria-valuemax')).toBe('120');
    expect(screen.getByText('Parsing flows — 30 of 120')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelSet).toHaveBeenCalledTimes(1);
  });

  it('a private repository asks for a token and retries with it, the token never in the page', async () => {
    const url = 'https://github.com/o/r/tree/main/flows';
    const { openSet, closeSet } = setup({
      source: { kind: 'repo', name: 'o/r', url },
      status: 'error',
      error: { message: 'Nothing found at o/r.', hint: 'If the repository is private, add a token.', needsToken: true },
      path: [],
      listing: true,
    });
    expect(screen.getByRole('alert').textContent).toBe(
      'Nothing found at o/r.If the repository is private, add a token.',
    );
    const token = screen.getByLabelText('Token') as HTMLInputElement;
    expect(token.type).toBe('password');
    fireEvent.change(token, { target: { value: 'ghp_secret123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retry with the token' }));
    await waitFor(() => expect(openSet).toHaveBeenCalledWith({ kind: 'repo', url, token: 'ghp_secret123' }));
    expect(token.value).toBe('');
    expect(document.body.innerHTML).not.toContain('ghp_secret123');
    fireEvent.click(screen.getByRole('button', { name: 'Close set' }));
    expect(closeSet).toHaveBeenCalled();
  });

  it('a folder that failed says why, with no retry form', () => {
    setup({
      source: { kind: 'folder', name: 'x' },
      status: 'error',
      error: { message: 'No flow files in x.', hint: 'Choose the flows folder.' },
      path: [],
      listing: true,
    });
    expect(screen.getByRole('alert').textContent).toContain('No flow files in x.');
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
  });
});

it('the screen follows the store', () => {
  const { store } = setup();
  act(() => store.setState({ set: undefined }));
  expect(screen.queryByRole('heading')).toBeNull();
});

describe('a set with no flows in it', () => {
  it('says no flow file was found and points at the skipped files, not "No flow matches"', () => {
    const summary = { flows: [], calls: [], triggers: [], skipped: [{ file: 'README.md', reason: 'not a flow file' }] };
    setup(readySet(summary));
    const list = screen.getByRole('tabpanel');
    expect(list.textContent).not.toContain('No flow matches');
    expect(list.textContent).toContain('No flow file was found');
    expect(list.textContent).toContain('1 file was skipped');
    // Nothing to filter: the filter box and the type list are not offered.
    expect(screen.queryByRole('searchbox', { name: /Filter flows/ })).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: 'See the skipped files' }));
    expect(screen.getByRole('tab', { name: /^Skipped/ }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('a set with one API name twice (two package folders holding the same flow)', () => {
  it('lists both rows, each under its own file, and sorts them without React losing a row', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const twin = (dir: string, elements: number) =>
      setFlow('Same_Flow', { file: `${dir}/flows/Same_Flow.flow-meta.xml`, elements });
    const summary = { ...smallSummary(), flows: [twin('force-app', 2), twin('legacy', 9), setFlow('Other')] };
    setup(readySet(summary));
    expect(bodyRows()).toHaveLength(3);
    const sizes = () => bodyRows().map((r) => within(r).getAllByRole('cell')[5]?.textContent);
    fireEvent.click(screen.getByRole('button', { name: /^Elements/ }));
    expect(sizes()).toEqual(['9', '3', '2']);
    fireEvent.click(screen.getByRole('button', { name: /^Elements/ }));
    expect(sizes()).toEqual(['2', '3', '9']);
    expect(errors.mock.calls.filter((c) => String(c[0]).includes('same key'))).toEqual([]);
    errors.mockRestore();
  });
});
