// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { ChangeList } from '../../../src/views/diff/ChangeList';
import { ElementDiff } from '../../../src/views/diff/DiffSide';

afterEach(cleanup);
const sample = (f: string) => readFileSync(join(__dirname, '../../../src/samples', f), 'utf8');

async function comparison() {
  const store = createAppStore();
  await store
    .getState()
    .compare(
      { text: sample('Opportunity_Review.flow-meta.xml'), source: { kind: 'file', name: 'v1' } },
      { text: sample('Opportunity_Review.v2.flow-meta.xml'), source: { kind: 'file', name: 'v2' } },
    );
  const c = store.getState().comparison;
  if (!c) throw new Error('no comparison');
  return c;
}

describe('the change list', () => {
  it('counts and groups the changes, each with a mark and a word', async () => {
    const c = await comparison();
    render(<ChangeList diff={c.diff} changes={c.changes} onGo={() => undefined} />);
    expect(screen.getByText(/1 added, 2 changed, 1 renamed/)).toBeTruthy();
    // Counts match the list; connectors that only follow a renamed element are said apart.
    expect(document.querySelector('.change-summary')?.textContent).toContain(
      'Connectors: 2 added, 0 removed, 1 rewired (and 2 that only follow a renamed element)',
    );
    const elements = within(screen.getByRole('region', { name: 'Elements' }));
    expect(elements.getByText('Notify Owner').closest('button')?.textContent).toContain('Added');
    expect(elements.getByText('Flag Line Item').closest('button')?.textContent).toContain('was Flag_Line');
    expect(
      within(screen.getByRole('region', { name: 'Connectors' })).getByText(
        /Get Line Items \(Fault\): Log Error → Notify Owner/,
      ),
    ).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Flow properties' })).getByText('API version')).toBeTruthy();
  });

  it('a click goes to that change; the current one is marked and a resource shows its before/after', async () => {
    const c = await comparison();
    const onGo = vi.fn();
    const total = c.changes.findIndex((x) => x.title === 'Total');
    render(<ChangeList diff={c.diff} changes={c.changes} current={total} onGo={onGo} />);
    fireEvent.click(screen.getByText('Notify Owner'));
    expect(onGo).toHaveBeenCalledWith(c.changes.findIndex((x) => x.title === 'Notify Owner'));
    const current = screen.getByRole('button', { current: true });
    expect(current.textContent).toContain('Total');
    expect(screen.getByText('Decimal places')).toBeTruthy();
  });

  it('an element shows its status, each property before and after, and its connector changes', async () => {
    const c = await comparison();
    render(<ElementDiff comparison={c} id="Flag_Line_Item" onSelect={() => undefined} />);
    expect(screen.getByText(/Renamed — was Flag_Line/)).toBeTruthy();
    expect(screen.getByText('Label')).toBeTruthy();
    cleanup();
    render(<ElementDiff comparison={c} id="Check_Amount" onSelect={() => undefined} />);
    const region = within(screen.getByRole('region', { name: 'Property changes' }));
    // In Builder's words: the outcome by its label, its condition as a sentence, the changed number marked.
    expect(region.getByText('Over 1M').tagName).toBe('EM');
    expect(region.getByText('Condition 1')).toBeTruthy();
    expect(region.getByText('1,000').tagName).toBe('DEL');
    expect(region.getByText('500').tagName).toBe('INS');
    expect(region.queryByText(/rules\[/)).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Connector changes' })).getByText(
        /Added: Check Amount & Stage \(Strategic Account\) → Notify Owner/,
      ),
    ).toBeTruthy();
    cleanup();
    // A rewired connector is one entry, in the change list's words, on both elements it now joins.
    render(<ElementDiff comparison={c} id="Get_Line_Items" onSelect={() => undefined} />);
    const connectors = within(screen.getByRole('region', { name: 'Connector changes' }));
    expect(connectors.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '⇄ Rewired: Get Line Items (Fault): Log Error → Notify Owner',
    ]);
  });
});
