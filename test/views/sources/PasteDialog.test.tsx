// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { PasteDialog } from '../../../src/views/sources/PasteDialog';
import { StoreContext } from '../../../src/views/storeContext';

afterEach(cleanup);
const xml = readFileSync(join(__dirname, '../../../src/samples/Opportunity_Review.flow-meta.xml'), 'utf8');

function setup() {
  const store = createAppStore();
  const onClose = vi.fn();
  render(
    <StoreContext.Provider value={store}>
      <PasteDialog onClose={onClose} />
    </StoreContext.Provider>,
  );
  return { store, onClose };
}

describe('Paste…', () => {
  it('is a labelled modal dialog with the focus in its text box', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Paste a flow' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Flow XML or JSON'));
  });

  it('opens typed text with the button and closes; a text that does not parse stays with the reason', () => {
    const { store, onClose } = setup();
    const box = screen.getByLabelText('Flow XML or JSON');
    fireEvent.change(box, { target: { value: '<Flow><oops' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open pasted flow' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect((box as HTMLTextAreaElement).value).toBe('<Flow><oops');
    fireEvent.change(box, { target: { value: xml } });
    fireEvent.click(screen.getByRole('button', { name: 'Open pasted flow' }));
    expect(store.getState().flow?.source.kind).toBe('paste');
    expect(onClose).toHaveBeenCalled();
  });

  it('closes when a flow opens another way while it is open (a drop, a sample)', () => {
    const { store, onClose } = setup();
    store.getState().load(xml, { kind: 'file', name: 'dropped.flow-meta.xml' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Esc closes it', () => {
    const { onClose } = setup();
    fireEvent.keyDown(screen.getByLabelText('Flow XML or JSON'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});
