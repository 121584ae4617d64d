// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeSetState } from '../../../src/state/types';
import { createAppStore } from '../../../src/state/store';
import { ChangeBar } from '../../../src/views/changes/ChangeBar';
import { ChangeScreen } from '../../../src/views/changes/ChangeScreen';
import { StoreContext } from '../../../src/views/storeContext';

afterEach(cleanup);

const counts = (a: number, r: number, c: number) => ({
  nodes: { added: a, removed: r, changed: c, renamed: 0 },
  edges: { added: a, removed: r },
});
const ready = (over: Partial<ChangeSetState> = {}): ChangeSetState => ({
  source: { kind: 'pull', name: 'PR #12: Title', url: 'https://github.com/a/b/pull/12' },
  status: 'ready',
  rows: [
    {
      name: 'Case_Escalation',
      status: 'changed',
      summary: counts(2, 1, 3),
      interface: [{ variable: 'caseId', kinds: ['type'] }],
      callers: [
        { caller: 'Escalate_All', element: 'Call_Escalation', variables: ['caseId'] },
        { caller: 'Nightly', element: 'Call_It', variables: ['caseId'] },
      ],
    },
    { name: '__proto__', status: 'added', elements: 4, interface: [], callers: [] },
    { name: 'Old_Flow', status: 'removed', elements: 2, interface: [], callers: [] },
  ],
  counts: { added: 1, removed: 1, changed: 1, unchanged: 40 },
  skipped: [],
  listing: true,
  ...over,
});

function show(node: React.ReactNode, state: Partial<ReturnType<ReturnType<typeof createAppStore>['getState']>>) {
  const store = createAppStore();
  store.setState(state);
  render(<StoreContext.Provider value={store}>{node}</StoreContext.Provider>);
  return store;
}

describe('the change-set screen', () => {
  it('titles the change set with its counts and lists each flow with status by word and mark', () => {
    const openChangedFlow = vi.fn(async () => true);
    show(<ChangeScreen />, { changeSet: ready(), openChangedFlow });
    expect(screen.getByRole('heading').textContent).toBe(
      'PR #12: Title — 1 changed · 1 added · 1 removed · 40 unchanged',
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      '~ changed',
      '+ added',
      '− removed',
    ]);
    expect(rows[0]?.textContent).toContain('+2 −1 ~3');
    expect(rows[0]?.textContent).toContain('interface changed — breaking for 2 callers');
    expect(rows[0]?.textContent).toContain('called by Escalate_All (Call_Escalation: caseId)');
    expect(rows[1]?.textContent).toContain('4 elements');
    fireEvent.click(screen.getByRole('button', { name: '__proto__' }));
    expect(openChangedFlow).toHaveBeenCalledWith('__proto__', undefined);
    // A caller that is in the change set opens at its call site.
    expect(screen.queryByRole('button', { name: 'Escalate_All' })).toBeNull();
  });

  it('a breaking change’s caller that changed too opens at its call site', () => {
    const openChangedFlow = vi.fn(async () => true);
    const base = ready();
    const caller = {
      name: 'Escalate_All',
      status: 'changed' as const,
      summary: counts(1, 0, 0),
      interface: [],
      callers: [],
    };
    show(<ChangeScreen />, { changeSet: { ...base, rows: [...base.rows, caller] }, openChangedFlow });
    fireEvent.click(screen.getAllByRole('button', { name: 'Escalate_All' })[0] as HTMLElement);
    expect(openChangedFlow).toHaveBeenCalledWith('Escalate_All', { select: 'Call_Escalation' });
  });

  it('while loading: progress, Cancel, the rows known so far (not yet clickable); an error asks for a token', () => {
    const cancelChanges = vi.fn();
    const store = show(<ChangeScreen />, {
      changeSet: ready({
        status: 'loading',
        progress: { phase: 'Comparing flows', done: 2, total: 3 },
        rows: [{ name: 'A', status: 'pending', interface: [], callers: [] }],
      }),
      cancelChanges,
    });
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByText(/Comparing flows — 2 of 3/)).toBeTruthy();
    expect(screen.getByRole('row', { name: /comparing…/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'A' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelChanges).toHaveBeenCalled();
    const openChanges = vi.fn(async () => true);
    act(() =>
      store.setState({
        openChanges,
        changeSet: ready({ status: 'error', rows: [], error: { message: '404', hint: 'private?', needsToken: true } }),
      }),
    );
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'ghp_x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open with the token' }));
    expect(openChanges).toHaveBeenCalledWith({ kind: 'pull', url: 'https://github.com/a/b/pull/12', token: 'ghp_x' });
    expect((screen.getByLabelText('Token') as HTMLInputElement).value).toBe('');
  });
});

describe('the change-set bar', () => {
  it('names the flow and where it is in the list; the list and the next flow are a click away', () => {
    const showChangeList = vi.fn();
    const openChangedFlow = vi.fn(async () => true);
    const doc = (name: string) => ({ name, label: name, elements: [], resources: [], properties: {} });
    show(<ChangeBar />, {
      changeSet: ready({ listing: false, flow: '__proto__' }),
      comparison: { before: { doc: doc('__proto__') }, after: { doc: doc('__proto__') } } as never,
      showChangeList,
      openChangedFlow,
    });
    const nav = screen.getByRole('navigation', { name: 'Change set' });
    expect(nav.querySelector('[aria-current]')?.textContent).toBe('__proto__ (2 of 3) · + added');
    fireEvent.click(screen.getByRole('button', { name: 'Change set' }));
    expect(showChangeList).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Next flow ›' }));
    expect(openChangedFlow).toHaveBeenCalledWith('Old_Flow');
  });
});

describe('Compare… → Two sets', () => {
  it('opens a pull request with its token (the field emptied), or two tree URLs', async () => {
    const { CompareSets } = await import('../../../src/views/changes/CompareSets');
    const openChanges = vi.fn(async () => true);
    const onClose = vi.fn();
    show(<CompareSets onClose={onClose} />, { openChanges });
    expect(screen.getByRole('button', { name: 'Compare sets' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('A pull / merge request'));
    fireEvent.change(screen.getByLabelText('Pull or merge request URL'), {
      target: { value: ' https://github.com/a/b/pull/3 ' },
    });
    fireEvent.change(screen.getByLabelText(/^Token/), { target: { value: 'ghp_secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare sets' }));
    expect(openChanges).toHaveBeenCalledWith({
      kind: 'pull',
      url: 'https://github.com/a/b/pull/3',
      token: 'ghp_secret',
    });
    expect(onClose).toHaveBeenCalled();
    cleanup();
    show(<CompareSets onClose={onClose} />, { openChanges });
    fireEvent.click(screen.getByLabelText('Two refs (tree URLs)'));
    fireEvent.change(screen.getByLabelText('Base tree URL'), { target: { value: 'https://github.com/a/b/tree/main' } });
    fireEvent.change(screen.getByLabelText('Head tree URL'), { target: { value: 'https://github.com/a/b/tree/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare sets' }));
    expect(openChanges).toHaveBeenLastCalledWith({
      kind: 'refs',
      base: 'https://github.com/a/b/tree/main',
      head: 'https://github.com/a/b/tree/x',
    });
  });
});
