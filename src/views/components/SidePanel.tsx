import { Suspense, useEffect, useState } from 'react';
import { elementIndex, START_ID, type FlowGraph } from '../../model/graph';
import type { FlowDoc, FlowElement } from '../../model/types';
import { selectFlow, selectSelection } from '../../state/store';
import { FlowFacts } from '../details/FlowFacts';
import {
  CalledByPart as CalledBy,
  DetailsPanelPart as DetailsPanel,
  ResourcesPanelPart as ResourcesPanel,
  InterviewsDialogPart as InterviewsDialog,
  RuntimePanelPart as RuntimePanel,
} from '../lazyParts';
import { useApp, useAppStore } from '../storeContext';
import { ChecksPanelPart as ChecksPanel } from '../checks/parts';
import { SideTabs } from './SideTabs';

type Tab = 'details' | 'flow' | 'resources' | 'checks' | 'runtime';

/** The element behind a graph node id ($start → 'start'; `name~2` → the second element of that name). */
function elementOfNode(id: string, doc: FlowDoc, graph: FlowGraph): FlowElement | 'start' | undefined {
  // Without a start, an element may itself be called `$start`.
  if (id === START_ID && graph.nodes[0]?.type === 'start') return 'start';
  return elementIndex(doc).elements.get(id);
}

/** Tabs: the selected element's details, the flow's facts (and warnings), its resources. */
export function SidePanel() {
  const flow = useApp(selectFlow);
  const selection = useApp(selectSelection);
  const select = useApp((s) => s.select);
  const chooseRecord = useApp((s) => s.chooseRecord);
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
  const element = selection === undefined ? undefined : elementOfNode(selection, flow.doc, flow.graph);
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
      {tab === 'details' &&
        (element ? (
          <Suspense fallback={<p className="side-empty muted">Loading the details…</p>}>
            <DetailsPanel
              element={element}
              doc={flow.doc}
              graph={flow.graph}
              onSelect={select}
              onClose={() => select(undefined)}
            />
          </Suspense>
        ) : selection !== undefined ? (
          <p className="side-empty">
            <strong>{selection}</strong> is not an element of this flow: a connector points to it, but nothing has that
            name.
          </p>
        ) : (
          <p className="side-empty muted">
            Click an element on the canvas, or search for one ( / ), to see its details.
          </p>
        ))}
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
              <label className="record-picker">
                Version:{' '}
                <select
                  aria-label="Flow version in this input"
                  value={flow.recordIndex}
                  onChange={(e) => chooseRecord(Number(e.target.value))}
                >
                  {flow.records.map((r) => (
                    <option key={r.index} value={r.index}>
                      {[r.name, r.versionNumber && `version ${r.versionNumber}`, r.status].filter(Boolean).join(' · ')}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {[...flow.notices, ...flow.graph.warnings].map((n) => (
              <p key={n} className="notice">
                {n}
              </p>
            ))}
          </div>
        </>
      )}
      {tab === 'runtime' && runtime && (
        <Suspense fallback={null}>
          <RuntimePanel onSelect={select} />
        </Suspense>
      )}
      {tab === 'checks' && (
        <Suspense fallback={null}>
          <ChecksPanel />
        </Suspense>
      )}
      {tab === 'resources' && (
        <>
          <input
            className="side-filter"
            type="search"
            aria-label="Filter resources"
            placeholder="Filter resources"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <Suspense fallback={<p className="side-empty muted">Loading the resources…</p>}>
            <ResourcesPanel doc={flow.doc} filter={filter} />
          </Suspense>
        </>
      )}
      {overlaying && (
        <Suspense fallback={null}>
          <InterviewsDialog onClose={() => setOverlaying(false)} />
        </Suspense>
      )}
    </>
  );
}
