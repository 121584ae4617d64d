import { useEffect, useRef } from 'react';
import { STATUS_MARK, STATUS_WORD, type ChangeGroup, type ChangeItem } from '../../state/changes';
import type { FlowDiff } from '../../model/diff/types';
import { PropertyChanges } from './PropertyChanges';

const GROUPS: [ChangeGroup, string][] = [
  ['elements', 'Elements'],
  ['connectors', 'Connectors'],
  ['resources', 'Resources'],
  ['properties', 'Flow properties'],
];

interface Props {
  diff: FlowDiff;
  changes: ChangeItem[];
  current?: number;
  onGo: (index: number) => void;
}

function connectorCounts(changes: ChangeItem[]): string {
  const n = (status: ChangeItem['status']) =>
    changes.filter((c) => c.group === 'connectors' && c.status === status).length;
  const parts = [`${n('added')} added`, `${n('removed')} removed`, `${n('rewired')} rewired`];
  return parts.join(', ');
}

/** Every change, grouped, with counts; the current one (n / p) is marked and scrolled into view. */
export function ChangeList({ diff, changes, current, onGo }: Props) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (current === undefined) return;
    list.current?.querySelector(`[data-change-index="${current}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  const s = diff.summary;
  // The by-name counts include connectors that merely follow a rename (removed + added under the new name);
  // the list, like the picture, does not show those as changes.
  const byName = s.edges.added + s.edges.removed;
  const listedEdges =
    changes.filter((c) => c.group === 'connectors' && c.status !== 'rewired').length +
    2 * changes.filter((c) => c.status === 'rewired').length;
  const renameOnly = Math.max(0, Math.round((byName - listedEdges) / 2));
  const counts = [
    s.nodes.added && `${s.nodes.added} added`,
    s.nodes.removed && `${s.nodes.removed} removed`,
    s.nodes.changed && `${s.nodes.changed} changed`,
    s.nodes.renamed && `${s.nodes.renamed} renamed`,
  ].filter(Boolean);
  return (
    <div className="change-list" ref={list}>
      <p className="change-summary">
        <strong>Elements:</strong> {counts.length > 0 ? counts.join(', ') : 'no changes'} · {s.nodes.unchanged}{' '}
        unchanged
        <br />
        <strong>Connectors:</strong> {connectorCounts(changes)}
        {renameOnly > 0 ? ` (and ${renameOnly} that only follow a renamed element)` : ''} · <strong>Resources:</strong>{' '}
        {s.resources.added + s.resources.removed + s.resources.changed} · <strong>Flow properties:</strong>{' '}
        {s.properties}
      </p>
      {changes.length === 0 && <p className="muted">The two versions are the same (coordinates are not compared).</p>}
      {GROUPS.map(([group, title]) => {
        const items = changes.map((item, index) => ({ item, index })).filter((x) => x.item.group === group);
        if (items.length === 0) return null;
        return (
          <section key={group} aria-label={title}>
            <h3 className="change-group">
              {title} <span className="muted">({items.length})</span>
            </h3>
            <ul>
              {items.map(({ item, index }) => (
                <li key={item.key} data-change-index={index} className={index === current ? 'is-current' : undefined}>
                  <button
                    type="button"
                    className="change-row"
                    onClick={() => onGo(index)}
                    aria-current={index === current ? 'true' : undefined}
                  >
                    <span className={`change-mark change-${item.status}`} aria-hidden="true">
                      {STATUS_MARK[item.status]}
                    </span>
                    <span className="change-text">
                      <span className="change-title">{item.title}</span>
                      <span className="change-detail">
                        {STATUS_WORD[item.status]}
                        {item.detail ? ` · ${item.detail}` : ''}
                        {item.changes && item.changes.length > 0 && item.group === 'elements'
                          ? ` · ${item.changes.length} propert${item.changes.length === 1 ? 'y' : 'ies'}`
                          : ''}
                      </span>
                    </span>
                  </button>
                  {(item.group === 'resources' || item.group === 'properties') && index === current && item.changes && (
                    <PropertyChanges changes={item.changes} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
