import { lazy, Suspense, useRef, useState } from 'react';
import { SAMPLES } from '../../samples/index';
import { RestViewPart as RestView } from '../lazyParts';
import { useApp, useAppStore } from '../storeContext';

// The org and URL dialogs (and, through the store, the clients behind them) load when first opened, not with the page.
const OrgDialog = lazy(() => import('../sources/OrgDialog').then((m) => ({ default: m.OrgDialog })));
const UrlDialog = lazy(() => import('../sources/UrlDialog').then((m) => ({ default: m.UrlDialog })));
const OpenSetDialog = lazy(() => import('../set/OpenSetDialog').then((m) => ({ default: m.OpenSetDialog })));
const PasteDialog = lazy(() => import('../sources/PasteDialog').then((m) => ({ default: m.PasteDialog })));

/** Open a file, paste text, or pick a bundled sample. Drag-and-drop and Ctrl/Cmd+V work anywhere (App). */
export function LoadBar() {
  const store = useAppStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<'org' | 'url' | 'paste' | 'set'>();
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
      <Suspense fallback={null}>
        {dialog === 'set' && <OpenSetDialog onClose={close} />}
        {orgUsed && <OrgDialog open={dialog === 'org'} onClose={close} />}
        {dialog === 'url' && <UrlDialog onClose={close} />}
        {dialog === 'paste' && <PasteDialog onClose={close} />}
        {/* A pasted or dropped flow list or invocable flow (issue 16). */}
        {restView && <RestView />}
      </Suspense>
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
