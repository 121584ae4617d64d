import { Suspense, useId, useMemo, useState } from 'react';
import { elementKind } from '../../model/elements';
import { elementColor } from '../../render/elementLook';
import type { FlowGraph } from '../../model/graph';
import type { FlowDoc, FlowElement } from '../../model/types';
import { BADGE_TEXT, connectionsOf, edgeKindLabel, nodeIdOf, type Connection } from '../../describe/connections';
import { describeElement } from '../../describe/element';
import { processTypeName } from '../../describe/flow';
import { preloadable } from '../preloadable';
import { SectionList } from './SectionList';
import { describeStart } from '../../describe/start';
import { PathTools } from '../paths/PathTools';
import './details.css';

/** A Subflow element's call in a flow set (issue 13): loaded only when one is shown. */
const SubflowCall = preloadable(() => import('../set/SubflowCall').then((m) => m.SubflowCall));

export interface DetailsPanelProps {
  /** The selected element, or 'start' for the Start node. */
  element: FlowElement | 'start';
  doc: FlowDoc;
  graph: FlowGraph;
  onClose?: () => void;
  /** Called with a graph node id when a connected element is clicked. */
  onSelect?: (id: string) => void;
}

/** The selected element as Builder's editor would explain it: header, typed sections, connectors, raw metadata. */
export function DetailsPanel({ element, doc, graph, onClose, onSelect }: DetailsPanelProps) {
  const [showRaw, setShowRaw] = useState(false);
  const titleId = useId();
  const rawId = useId();
  const isStart = element === 'start';
  const type = isStart ? 'start' : element.type;
  const kind = elementKind(type);
  const sections = useMemo(
    () => (element === 'start' ? describeStart(doc.start, doc) : describeElement(element, doc)),
    [element, doc],
  );
  const id = nodeIdOf(element, doc);
  const conn = useMemo(() => connectionsOf(id, graph), [id, graph]);
  const raw = isStart
    ? (doc.start ?? (doc.startElementReference ? { startElementReference: doc.startElementReference } : {}))
    : element.data;
  const label = isStart ? 'Start' : element.label || element.name;
  const description = isStart
    ? undefined
    : typeof element.data.description === 'string'
      ? element.data.description
      : undefined;

  return (
    <section className="fsd-panel fsd-details" aria-labelledby={titleId}>
      <header className="fsd-header">
        <div className="fsd-kind">
          <span className="fsd-swatch" style={{ background: elementColor(type) }} aria-hidden="true" />
          <span>{kind.builderName}</span>
          {isStart && processTypeName(doc) && <span className="fsd-muted"> · {processTypeName(doc)}</span>}
        </div>
        <h2 id={titleId} className="fsd-title">
          {label}
        </h2>
        {!isStart && (
          <code className="fsd-api-name" title="API name">
            {element.name}
          </code>
        )}
        {description && <p className="fsd-description">{description}</p>}
        {conn.badges.length > 0 && (
          <ul className="fsd-badges" aria-label="Badges">
            {conn.badges.map((b) => (
              <li key={b} className={`fsd-badge fsd-badge-${b}`}>
                {BADGE_TEXT[b]}
              </li>
            ))}
          </ul>
        )}
        {onClose && (
          <button type="button" className="fsd-close" aria-label="Close details" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <PathTools label={label} />
      <SectionList sections={sections} level={3} />
      {!isStart && element.type === 'subflows' && (
        // A flow set's drill-down: the called flow's interface beside what is passed (nothing without a set).
        <Suspense fallback={null}>
          <SubflowCall element={element} />
        </Suspense>
      )}
      <ConnectionList
        title="Outgoing connectors"
        empty="None: the flow ends here"
        items={conn.outgoing}
        direction="to"
        onSelect={onSelect}
      />
      <ConnectionList
        title="Incoming connectors"
        empty={isStart ? 'None' : 'None: nothing leads here'}
        items={conn.incoming}
        direction="from"
        onSelect={onSelect}
      />
      <div className="fsd-raw">
        <button
          type="button"
          className="fsd-toggle"
          aria-expanded={showRaw}
          aria-controls={rawId}
          onClick={() => setShowRaw((v) => !v)}
        >
          {showRaw ? 'Hide raw metadata' : 'Show raw metadata'}
        </button>
        {showRaw && (
          <section aria-label="Raw metadata (normalised JSON)">
            <pre id={rawId} className="fsd-pre">
              {JSON.stringify(raw, null, 2)}
            </pre>
          </section>
        )}
      </div>
    </section>
  );
}

function ConnectionList(props: {
  title: string;
  empty: string;
  items: Connection[];
  direction: 'to' | 'from';
  onSelect: ((id: string) => void) | undefined;
}) {
  const { title, empty, items, direction, onSelect } = props;
  return (
    <section className="fsd-section">
      <h3 className="fsd-section-title">
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="fsd-muted">{empty}</p>
      ) : (
        <ul className="fsd-connections">
          {items.map(({ edge, other, otherId }) => {
            const name = other?.type === 'missing' ? `${otherId} (missing)` : other?.label || otherId;
            return (
              <li key={edge.id}>
                <span className={`fsd-edge-kind fsd-edge-${edge.kind}`}>{edgeKindLabel(edge)}</span>
                <span className="fsd-muted"> {direction === 'to' ? '→' : '←'} </span>
                {onSelect ? (
                  <button
                    type="button"
                    className="fsd-link"
                    onClick={() => onSelect(otherId)}
                    aria-label={`Select ${name}`}
                  >
                    {name}
                  </button>
                ) : (
                  <span>{name}</span>
                )}
                {edge.goTo && <span className="fsd-badge fsd-badge-goto">Go To</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
