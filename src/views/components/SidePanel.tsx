import { Suspense, useEffect, useState } from 'react';
import { selectFlow, selectSelection } from '../../state/store';
import { FlowFacts } from '../details/FlowFacts';
import {
  CalledByPart as CalledBy,
  InterviewsDialogPart as InterviewsDialog,
  RecordPickerPart as RecordPicker,
  SideTabPart as SideTab,
} from '../lazyParts';
import { useApp, useAppStore } from '../storeContext';
import type { OtherTab } from './SideTab';
import { SideTabs } from './SideTabs';

type Tab = 'flow' | OtherTab;

/** Tabs: the selected element's details, the flow's facts (and warnings), its resources. */
export function SidePanel() {
  const flow = useApp(selectFlow);
  const selection = useApp(selectSelection);
  const [tab, setTab] = useState<Tab>('flow');
  const [filter, setFilter] = useState('');
  const inSet = useApp((s) => s.set?.status === 'ready' && !s.set.listing);
  const runtime = useApp((s) => s.runtime);
  const [overlaying, setOverlaying] = useState(false);
  const found = useApp((s) => (s.checks.status === 'done' ? ` (${s.checks.findings.length})` : ''));
  const store = useAppStore();
  // The Runtime tab stays open as elements are selected (its group of the element is marked); a finding picked in
  // the Checks tab keeps that tab (selectFinding: selectedByStep), as does clearing it there.
  useEffect(() => {
    if (selection !== undefined && store.getState().selectedByStep) return;
    setTab((t) => (t === 'runtime' ? t : selection !== undefined ? 'details' : t === 'checks' ? t : 'flow'));
  }, [selection, store]);
  // Interviews just overlaid open their tab.
  useEffect(() => setTab((t) => (runtime ? 'runtime' : t === 'runtime' ? 'flow' : t)), [runtime]);
  if (!flow) return <p className="empty side-empty">No flow open yet.</p>;
  const tabs: [Tab, string][] = [
    ['details', 'Details'],
    ['flow', 'Flow'],
    ['resources', `Resources (${flow.doc.resources.length})`],
    ['checks', `Checks${found}`],
  ];
  if (runtime) tabs.push(['runtime', `Runtime (${runtime.shown.toLocaleString('en-US')})`]);
  return (
    <>
      <SideTabs tabs={tabs} current={tab} onChange={setTab} />
      {tab === 'flow' && (
        <>
          <FlowFacts
            doc={flow.doc}
            graph={flow.graph}
            nameKnown={flow.origin.nameFrom === 'fullName' || flow.origin.nameFrom === 'fileName'}
          />
          {inSet && (
            <Suspense fallback={null}>
              <CalledBy />
            </Suspense>
          )}
          <div className="side-notes">
            <p className="muted">Opened from {flow.source.kind === 'paste' ? 'pasted text' : flow.source.name}</p>
            <p>
              <button type="button" aria-haspopup="dialog" onClick={() => setOverlaying(true)}>
                Overlay interviews…
              </button>
            </p>
            {flow.records && (
              // Only an input of several records (a query's answer) has it: its code comes when one opens.
              <Suspense fallback={null}>
                <RecordPicker flow={flow} />
              </Suspense>
            )}
            {[...flow.notices, ...flow.graph.warnings].map((n) => (
              <p key={n} className="notice">
                {n}
              </p>
            ))}
          </div>
        </>
      )}
      {tab !== 'flow' && (
        // The details say they are loading (the other tabs' code, or the details' own); the others stay blank.
        <Suspense fallback={tab === 'details' && <p className="side-empty muted">Loading the details…</p>}>
          <SideTab tab={tab} flow={flow} filter={filter} onFilter={setFilter} />
        </Suspense>
      )}
      {overlaying && (
        <Suspense fallback={null}>
          <InterviewsDialog onClose={() => setOverlaying(false)} />
        </Suspense>
      )}
    </>
  );
}
