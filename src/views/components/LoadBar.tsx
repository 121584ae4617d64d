import { Suspense, useRef, useState } from 'react';
import { SAMPLES } from '../../samples/index';
import { LoadDialogsPart as LoadDialogs } from '../lazyParts';
import type { LoadDialog } from './LoadDialogs';
import { useApp, useAppStore } from '../storeContext';

/** Open a file, paste text, or pick a bundled sample. Drag-and-drop and Ctrl/Cmd+V work anywhere (App). */
export function LoadBar() {
  const store = useAppStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<LoadDialog>();
  const restView = useApp((s) => s.restView !== undefined);
  // Once opened, the org dialog stays mounted (hidden when closed), so the list is as it was left; the
  // connection itself is the store's, until Disconnect.
  const [orgUsed, setOrgUsed] = useState(false);
  const close = () => setDialog(undefined);
  // The picker names the sample that is open (and "Choose…" for anything else), not always "Choose…".
  const openSample = useApp((s) =>
    s.flow?.source.kind === 'sample' && !s.comparison ? s.flow.source.name : undefined,
  );
  const sampleId = SAMPLES.find((x) => x.fileName === openSample)?.id ?? '';

  const openFiles = async (files: FileList | null) => {
    const file = files?.[0];
    if (file) await store.getState().loadFile(file);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <div className="load-bar">
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open file…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".xml,.flow,.json,application/json,text/xml"
        hidden
        aria-label="Flow file"
        onChange={(e) => void openFiles(e.target.files)}
      />
      <button
        type="button"
        aria-haspopup="dialog"
        title="Paste a flow's XML or JSON"
        onClick={() => setDialog('paste')}
      >
        Paste…
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        title="Open or compare versions from a Salesforce org"
        onClick={() => {
          setOrgUsed(true);
          setDialog('org');
          // The org code and any session remembered for this tab load alongside the dialog's own code.
          void store.getState().prepareOrg();
        }}
      >
        Org…
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        title="Open a flow file from a URL (GitHub, GitLab…)"
        onClick={() => setDialog('url')}
      >
        URL…
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        title="Open every flow of a folder, zip, repository or org"
        onClick={() => setDialog('set')}
      >
        Open set…
      </button>
      {(dialog || orgUsed || restView) && (
        <Suspense fallback={null}>
          <LoadDialogs dialog={dialog} orgUsed={orgUsed} restView={restView} onClose={close} />
        </Suspense>
      )}
      <label className="sample-picker">
        Sample:{' '}
        <select
          aria-label="Open a sample flow"
          value={sampleId}
          onChange={(e) => {
            const sample = SAMPLES.find((s) => s.id === e.target.value);
            if (sample)
              void sample.load().then((text) => store.getState().load(text, { kind: 'sample', name: sample.fileName }));
          }}
        >
          <option value="">Choose…</option>
          {SAMPLES.map((s) => (
            // The name fits the bar once chosen; what the sample shows is the option's tooltip.
            <option key={s.id} value={s.id} title={s.title}>
              {s.title.split(' — ')[0]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
