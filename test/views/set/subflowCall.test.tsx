// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubflowBinding } from '../../../src/model/setTypes';
import type { FlowElement } from '../../../src/model/types';
import { createAppStore } from '../../../src/state/store';
import { SubflowCall } from '../../../src/views/set/SubflowCall';
import { StoreContext } from '../../../src/views/storeContext';
import { readySet, setFlow, smallSummary } from './setFixture';

afterEach(cleanup);

const element = (flowName: string): FlowElement => ({
  type: 'subflows',
  name: 'Call_Notify',
  label: 'Call Notify',
  data: { name: 'Call_Notify', flowName },
});

function setup(binding: SubflowBinding | undefined, flowName = 'Notify_Queue', ready = true) {
  const store = createAppStore();
  const openSetFlow = vi.fn(async () => true);
  const summary = smallSummary();
  summary.flows[3] = setFlow('Notify_Queue', { label: 'Notify <Queue>' });
  store.setState({ set: ready ? readySet(summary, { listing: false, path: ['Intake'] }) : undefined, openSetFlow });
  render(
    <StoreContext.Provider value={store}>
      <SubflowCall element={element(flowName)} {...(binding ? { binding } : {})} />
    </StoreContext.Provider>,
  );
  return { openSetFlow };
}

const binding: SubflowBinding = {
  callee: 'Notify_Queue',
  resolved: true,
  inputs: [
    {
      name: 'caseId',
      value: { elementReference: '$Record.Id' },
      declared: { name: 'caseId', dataType: 'String', isCollection: false },
    },
    { name: 'urgent', value: { booleanValue: 'true' }, problem: 'undeclared' },
  ],
  notPassed: [{ name: 'queue', dataType: 'SObject', isCollection: true, objectType: 'Group' }],
  outputs: [
    {
      name: 'sent',
      value: { elementReference: 'wasSent' },
      declared: { name: 'sent', dataType: 'Boolean', isCollection: false },
    },
  ],
  automaticOutputs: false,
};

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

describe('a Subflow element in a set', () => {
  it('shows the callee’s interface beside what is passed, flags an undeclared input, and opens the callee', () => {
    const { openSetFlow } = setup(binding);
    const section = screen.getByRole('region', { name: 'Called flow' });
    expect(within(section).getByRole('heading', { level: 3 }).textContent).toBe('Calls Notify <Queue> (Notify_Queue)');
    const [inputs, outputs] = within(section).getAllByRole('table') as [HTMLElement, HTMLElement];
    expect(rowsOf(inputs)).toEqual([
      ['caseId', '{!$Record.Id}', 'Text'],
      ['urgent', 'True', '⚑ Not an input of Notify <Queue>'],
    ]);
    expect(within(section).getByText(/Not passed/).parentElement?.textContent).toBe(
      'Not passed: queue (Record collection (Group))',
    );
    expect(rowsOf(outputs)).toEqual([['sent', '{!wasSent}', 'Boolean']]);
    fireEvent.click(within(section).getByRole('button', { name: 'Open Notify <Queue> ▸' }));
    expect(openSetFlow).toHaveBeenCalledWith('Notify_Queue', { from: 'drill' });
  });

  it('says when the called flow is not in the set', () => {
    setup({ ...binding, callee: 'Not_Here', resolved: false }, 'Not_Here');
    expect(screen.getByRole('region', { name: 'Called flow' }).textContent).toContain('Not_Here is not in this set.');
    expect(screen.queryByRole('button', { name: /Open/ })).toBeNull();
  });

  it('works the binding out from the set itself (subflowBinding) when none is given', () => {
    setup(undefined, 'Not_Here');
    expect(screen.getByText(/is not in this set/)).toBeTruthy();
    cleanup();
    setup(undefined);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Calls Notify <Queue> (Notify_Queue)');
  });

  it('shows nothing without a set, or without a store at all', () => {
    setup(undefined, 'Notify_Queue', false);
    expect(screen.queryByRole('region')).toBeNull();
    cleanup();
    render(<SubflowCall element={element('X')} />);
    expect(document.body.textContent).toBe('');
  });
});
