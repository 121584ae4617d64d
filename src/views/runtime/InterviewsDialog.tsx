import { useEffect, useRef, useState } from 'react';
import { readFileText } from '../../state/loading';
import type { RuntimeSource } from '../../state/store';
import { Dialog, ErrorNote } from '../sources/Dialog';
import { useApp, useAppStore } from '../storeContext';
import { count } from './runtimeWords';
import './runtime.css';

type Note = { message: string; hint: string } | undefined;

/** The org query's progress in words: "Reading interviews… 2,000 of 50,000". */
function OrgProgress() {
  const state = useApp((s) => s.orgInterviews);
  const cancel = useApp((s) => s.cancelOrgInterviews);
  if (state?.status === 'error') return <ErrorNote error={{ message: state.message, hint: state.hint ?? '' }} />;
  if (state?.status !== 'running') return null;
  const of = state.total === undefined ? '' : ` of ${count(state.total)}`;
  return (
    <p className="rt-progress" role="status">
      Reading interviews… {count(state.read)}
      {of}{' '}
      <button type="button" className="rt-button" onClick={cancel}>
        Stop
      </button>
    </p>
  );
}

/**
 * Overlay interviews…: paste or choose a FlowInterview query's answer (the REST `/query` JSON, `sf data query
 * --json`, one record), or — for a flow opened from the connected org — query its interviews there. Closes
 * once interviews are on the flow.
 */
export function InterviewsDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const [text, setText] = useState('');
  const [note, setNote] = useState<Note>();
  const file = useRef<HTMLInputElement>(null);
  const connected = useApp((s) => s.org.status === 'connected');
  const fromOrg = useApp((s) => (s.comparison?.after ?? s.flow)?.source.kind === 'org');
  const running = useApp((s) => s.orgInterviews?.status === 'running');
  const flowName = useApp((s) => (s.comparison?.after ?? s.flow)?.doc.name);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(
    () =>
      store.subscribe((s, before) => {
        if (s.runtime !== undefined && s.runtime !== before.runtime) close.current();
      }),
    [store],
  );
  const overlay = async (value: string, source: RuntimeSource) => {
    if (value.trim() === '') return;
    setNote(await store.getState().overlayInterviews(value, source));
  };
  const choose = async (files: FileList | null) => {
    const f = files?.[0];
    if (file.current) file.current.value = '';
    if (!f) return;
    const read = await readFileText(f);
    if (read.ok) await overlay(read.text, { kind: 'file', name: read.name });
    else setNote(read);
  };
  return (
    <Dialog title="Overlay interviews" onClose={onClose} className="src-wide">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void overlay(text, { kind: 'paste', name: 'pasted text' });
        }}
      >
        {connected && fromOrg ? (
          <div className="src-actions rt-org">
            <span className="src-help src-grow">
              Paused and failed interviews of <strong>{flowName}</strong>, read from the connected org (read-only).
            </span>
            <button
              type="button"
              className="src-primary"
              disabled={running}
              onClick={() => void store.getState().queryOrgInterviews()}
            >
              Query the org's interviews
            </button>
          </div>
        ) : (
          <p className="src-help">
            {connected
              ? 'To query the org, open this flow from it (Org…); or paste its interviews below.'
              : 'With an org connected (Org…) and the flow opened from it, its interviews can be queried there.'}
          </p>
        )}
        <OrgProgress />
        <p className="src-help">
          Or paste the answer of a FlowInterview query — the REST <code>/query</code> JSON,{' '}
          <code>sf data query --json</code>, or one record — selecting{' '}
          <code>Name, CurrentElement, InterviewStatus, InterviewLabel, PauseLabel, CreatedDate</code>. Each element with
          interviews gets a badge; the Runtime tab lists them. They stay in this page: no link carries them.
        </p>
        <textarea
          className="src-paste"
          aria-label="FlowInterview query result (JSON)"
          placeholder="Paste here (Ctrl/Cmd+V)"
          value={text}
          rows={8}
          onChange={(e) => {
            setText(e.target.value);
            setNote(undefined);
          }}
          onPaste={(e) => {
            if (text.trim() !== '') return;
            const pasted = e.clipboardData.getData('text/plain');
            if (pasted.trim() === '') return;
            e.preventDefault();
            // Not put in the box first: 50,000 interviews are megabytes of text to lay out. Shown if refused.
            void store
              .getState()
              .overlayInterviews(pasted, { kind: 'paste', name: 'pasted text' })
              .then((refused) => {
                if (!refused) return;
                setText(pasted);
                setNote(refused);
              });
          }}
        />
        <ErrorNote error={note} />
        <div className="src-actions">
          <button type="button" className="src-grow-left" onClick={() => file.current?.click()}>
            Choose file…
          </button>
          <input
            ref={file}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Interviews file"
            onChange={(e) => void choose(e.target.files)}
          />
          <span className="src-grow" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="src-primary" disabled={text.trim() === ''}>
            Overlay pasted interviews
          </button>
        </div>
      </form>
    </Dialog>
  );
}
