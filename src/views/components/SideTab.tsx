import { Suspense } from 'react';
import { elementIndex, START_ID, type FlowGraph } from '../../model/graph';
import type { FlowDoc, FlowElement } from '../../model/types';
import { selectSelection, type LoadedFlow } from '../../state/store';
import { RuntimePanelPart as RuntimePanel } from '../lazyParts';
import { preloadable } from '../preloadable';
import { ChecksPanelPart as ChecksPanel } from '../checks/parts';
import { useApp } from '../storeContext';

// The element and resource panels (all the describe code) are not needed until something is clicked.
const DetailsPanel = preloadable(() => import('../details/DetailsPanel').then((m) => m.DetailsPanel));
const ResourcesPanel = preloadable(() => import('../details/ResourcesPanel').then((m) => m.ResourcesPanel));
/** Starts loading the panels (lazyParts.ts calls it as soon as this module is here). */
export function warmPanels() {
  DetailsPanel.warm();
  ResourcesPanel.warm();
}

/** The side panel's tabs but Flow (SidePanel.tsx draws that one and the tabs themselves). */
export type OtherTab = 'details' | 'resources' | 'checks' | 'runtime';

/** The element behind a graph node id ($start → 'start'; `name~2` → the second element of that name). */
function elementOfNode(id: string, doc: FlowDoc, graph: FlowGraph): FlowElement | 'start' | undefined {
  // Without a start, an element may itself be called `$start`.
  if (id === START_ID && graph.nodes[0]?.type === 'start') return 'start';
  return elementIndex(doc).elements.get(id);
}

export interface SideTabProps {
  tab: OtherTab;
  flow: LoadedFlow;
  /** The Resources tab's filter (kept by the side panel, so it stays as tabs are switched). */
  filter: string;
  onFilter: (filter: string) => void;
}

/**
 * The selected element's details, the flow's resources, its review checks, its interviews: the side panel's
 * other tabs, loaded a moment after the first screen (main.tsx) and not needed to draw it. Their panels load
 * on their own (lazyParts.ts); until one is here, the side panel's Suspense says it is loading.
 */
export function SideTab({ tab, flow, filter, onFilter }: SideTabProps) {
  const selection = useApp(selectSelection);
  const select = useApp((s) => s.select);
  const runtime = useApp((s) => s.runtime !== undefined);
  if (tab === 'runtime') return runtime ? <RuntimePanel onSelect={select} /> : null;
  if (tab === 'checks') return <ChecksPanel />;
  if (tab === 'resources')
    return (
      <>
        <input
          className="side-filter"
          type="search"
          aria-label="Filter resources"
          placeholder="Filter resources"
          value={filter}
          onChange={(e) => onFilter(e.target.value)}
        />
        <Suspense fallback={<p className="side-empty muted">Loading the resources…</p>}>
          <ResourcesPanel doc={flow.doc} filter={filter} />
        </Suspense>
      </>
    );
  const element = selection === undefined ? undefined : elementOfNode(selection, flow.doc, flow.graph);
  if (element)
    return (
      <DetailsPanel
        element={element}
        doc={flow.doc}
        graph={flow.graph}
        onSelect={select}
        onClose={() => select(undefined)}
      />
    );
  return selection !== undefined ? (
    <p className="side-empty">
      <strong>{selection}</strong> is not an element of this flow: a connector points to it, but nothing has that name.
    </p>
  ) : (
    <p className="side-empty muted">Click an element on the canvas, or search for one ( / ), to see its details.</p>
  );
}

/** Which record of an input of several (a query's answer) is on screen: the Flow tab's version picker. */
export function RecordPicker({ flow }: { flow: LoadedFlow }) {
  const chooseRecord = useApp((s) => s.chooseRecord);
  return (
    <label className="record-picker">
      Version:{' '}
      <select
        aria-label="Flow version in this input"
        value={flow.recordIndex}
        onChange={(e) => chooseRecord(Number(e.target.value))}
      >
        {flow.records?.map((r) => (
          <option key={r.index} value={r.index}>
            {[r.name, r.versionNumber && `version ${r.versionNumber}`, r.status].filter(Boolean).join(' · ')}
          </option>
        ))}
      </select>
    </label>
  );
}
