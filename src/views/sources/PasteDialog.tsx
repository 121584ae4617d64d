import { useEffect, useRef, useState } from 'react';
import { ensureReader, readerLoaded } from '../../model/parse/onDemand';
import type { LoadError } from '../../state/store';
import { useAppStore } from '../storeContext';
import { Dialog, ErrorNote } from './Dialog';

const PASTED = { kind: 'paste', name: 'pasted text' } as const;

/** " (line 3, column 7)" for a parse error that knows where. */
const where = (e: LoadError) =>
  e.line === undefined ? '' : ` (line ${e.line}${e.column === undefined ? '' : `, column ${e.column}`})`;

/**
 * Paste a flow's XML or JSON. A paste into the empty box opens it at once; Open opens what was typed or
 * edited. The dialog closes when a flow opens, however it opened (this box, a drop, a sample): it has done
 * its job. A text that does not parse stays in the box with the reason beside it.
 */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const [text, setText] = useState('');
  const [error, setError] = useState<LoadError>();
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(
    () =>
      store.subscribe((s, before) => {
        // A flow opened, or a Flow REST answer shown instead (interviews on the flow, a flow list…).
        const shown = (k: 'flow' | 'runtime' | 'restView') => s[k] !== undefined && s[k] !== before[k];
        if (shown('flow') || shown('runtime') || shown('restView')) close.current();
      }),
    [store],
  );
  const open = async (value: string) => {
    if (value.trim() === '') return;
    // The first text in its format waits for that format's reader, so a parse error shows here, not in the banner.
    if (!readerLoaded(value)) await ensureReader(value);
    // JSON that is no flow may be interviews, a flow list…: the code that reads them, first.
    if (/^\s*[[{]/.test(value)) await store.getState().preparePayload(value);
    if (!store.getState().load(value, PASTED)) setError(store.getState().error);
  };
  return (
    <Dialog title="Paste a flow" onClose={onClose} className="src-wide">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open(text);
        }}
      >
        <p className="src-help">
          Paste a <code>.flow-meta.xml</code> file or the Tooling API's JSON for a flow (or a FlowInterview query, a
          flow list, an invocable flow's description). It opens as soon as it is pasted; if you edit it, press Open
          pasted flow.
        </p>
        <textarea
          className="src-paste"
          aria-label="Flow XML or JSON"
          placeholder="Paste here (Ctrl/Cmd+V)"
          value={text}
          rows={12}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          onPaste={(e) => {
            if (text.trim() !== '') return; // pasting into a text being edited only edits it
            const pasted = e.clipboardData.getData('text/plain');
            if (pasted.trim() === '') return;
            e.preventDefault();
            setText(pasted);
            open(pasted);
          }}
        />
        <ErrorNote error={error && { message: `${error.message}${where(error)}`, hint: error.hint }} />
        <div className="src-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="src-primary" disabled={text.trim() === ''}>
            Open pasted flow
          </button>
        </div>
      </form>
    </Dialog>
  );
}
