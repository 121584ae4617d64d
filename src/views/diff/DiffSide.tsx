import { Suspense, useEffect, useState } from 'react';
import { nodeChangeContext } from '../../describe/changeLine';
import { connectorItem, nodeNames } from '../../model/diff/changes';
import { elementIndex, START_ID } from '../../model/graph';
import type { Comparison } from '../../state/store';
import { statusMark, statusWord } from '../../render/status';
import { selectComparison, selectSelection } from '../../state/store';
import { DetailsPanel } from '../details/DetailsPanel';
import { useApp } from '../storeContext';
import { ComparisonReview } from '../checks/ComparisonReview';
import { ChangeList } from './ChangeList';
import { NoiseNote } from './NoiseFilters';
import { PropertyChanges } from './PropertyChanges';
import './diff.css';
import { SideTabs } from '../components/SideTabs';
import { InterviewsDialogPart as InterviewsDialog, RuntimePanelPart as RuntimePanel } from '../lazyParts';

type Tab = 'changes' | 'details' | 'runtime';

/** The comparison's side panel: the change list, and the selected element's before/after. */
export function DiffSide() {
  const comparison = useApp(selectComparison);
  const selection = useApp(selectSelection);
  const index = useApp((s) => s.changeIndex);
  const goToChange = useApp((s) => s.goToChange);
  const select = useApp((s) => s.select);
  const [tab, setTab] = useState<Tab>('changes');
  // Clicking an element on the canvas opens its details; stepping with n / p keeps the list in view.
  const stepped = useApp((s) => s.selectedByStep === true);
  const runtime = useApp((s) => s.runtime);
  const [overlaying, setOverlaying] = useState(false);
  // The Runtime tab stays open as its interviews select their elements.
  useEffect(() => {
    if (selection !== undefined && !stepped) setTab((t) => (t === 'runtime' ? t : 'details'));
  }, [selection, stepped]);
  // Interviews just overlaid open their tab; cleared, it goes.
  useEffect(() => setTab((t) => (runtime ? 'runtime' : t === 'runtime' ? 'changes' : t)), [runtime]);
  if (!comparison) return null;
  const tabs: [Tab, string][] = [
    ['changes', `Changes (${comparison.changes.length})`],
    ['details', 'Details'],
  ];
  if (runtime) tabs.push(['runtime', `Runtime (${runtime.shown.toLocaleString('en-US')})`]);
  const overlay = (
    <p>
      <button
        type="button"
        aria-haspopup="dialog"
        title="Where this flow's paused and failed interviews stand, old ones on the elements removed"
        onClick={() => setOverlaying(true)}
      >
        Overlay interviews…
      </button>
    </p>
  );
  return (
    <>
      <SideTabs tabs={tabs} current={tab} onChange={setTab} />
      {tab === 'changes' && <NoiseNote />}
      {tab === 'changes' && (
        <ChangeList
          diff={comparison.diff}
          changes={comparison.changes}
          current={index}
          onGo={goToChange}
          header={
            <>
              <ComparisonReview comparison={comparison} />
              {!runtime && overlay}
            </>
          }
        />
      )}
      {tab === 'runtime' && (
        <Suspense fallback={null}>
          <RuntimePanel onSelect={select} />
        </Suspense>
      )}
      {overlaying && (
        <Suspense fallback={null}>
          <InterviewsDialog onClose={() => setOverlaying(false)} />
        </Suspense>
      )}
      {tab === 'details' &&
        (selection === undefined ? (
          <p className="side-empty muted">Click an element, or step through the changes with n / p.</p>
        ) : (
          <ElementDiff comparison={comparison} id={selection} onSelect={select} />
        ))}
    </>
  );
}

/** One element of the union graph: its status, each changed property before/after, then its full details. */
export function ElementDiff({
  comparison,
  id,
  onSelect,
}: {
  comparison: Comparison;
  id: string;
  onSelect: (id: string) => void;
}) {
  const { diff, before, after } = comparison;
  const node = diff.graph.nodes.find((n) => n.id === id);
  // A removed element whose name an added one took lives in the union graph as `graphId`.
  const nd = diff.nodes.find((n) => (n.graphId ?? n.id) === id);
  if (!node) return <p className="side-empty">{id} is not in either version.</p>;
  const status = node.status;
  const removed = status === 'removed';
  const side = removed ? before : after;
  const name = (removed ? node.beforeId : node.afterId) ?? id;
  const element =
    id === START_ID
      ? side.doc.start || side.doc.startElementReference
        ? 'start'
        : undefined
      : elementIndex(side.doc).elements.get(name);
  // The element's entries of the diff's one connector list, in the change list's words (a rewire once).
  const nameOf = nodeNames(diff);
  const touching = diff.connectors
    .filter((c) => c.source === id || c.target === id || c.targetBefore === id)
    .flatMap((c) => connectorItem(c, nameOf) ?? []);
  return (
    <div className="element-diff">
      <p className={`element-status change-${status}`}>
        <span aria-hidden="true">{statusMark(status)}</span> {statusWord(status)}
        {nd?.renamedFrom ? ` — was ${nd.renamedFrom}` : ''}
        {status === 'added' ? ' in the after version' : removed ? ' in the after version (shown from before)' : ''}
      </p>
      {nd && nd.changes.length > 0 && (
        <section aria-label="Property changes">
          <PropertyChanges
            heading="Property changes"
            changes={nd.changes}
            context={nodeChangeContext(diff, before.doc, after.doc, nd)}
          />
        </section>
      )}
      {touching.length > 0 && (
        <section aria-label="Connector changes">
          <h3 className="change-group">Connector changes ({touching.length})</h3>
          <ul className="edge-changes">
            {touching.map((c) => (
              <li key={c.key} className={`change-${c.status}`}>
                <span aria-hidden="true">{statusMark(c.status)}</span> {statusWord(c.status)}: {c.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {element && <DetailsPanel element={element} doc={side.doc} graph={side.graph} onSelect={(x) => onSelect(x)} />}
    </div>
  );
}
