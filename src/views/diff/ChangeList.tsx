import { type ReactNode, useEffect, useRef } from 'react';
import type { ChangeGroup, ChangeItem } from '../../model/diff/changes';
import { statusMark, statusWord } from '../../render/status';
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
  /** What comes first: what the change breaks (interface changes, review checks). */
  header?: ReactNode;
}

/** Every change, grouped, with counts; the current one (n / p) is marked and scrolled into view. */
export function ChangeList({ diff, changes, current, onGo, header }: Props) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (current === undefined) return;
    list.current?.querySelector(`[data-change-index="${current}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  const s = diff.summary;
  // Counted from the diff's one connector list, as the list, the picture, `diff --md` and `pr` count them.
  const c = s.connectors;
  const counts = [
    s.nodes.added && `${s.nodes.added} added`,
    s.nodes.removed && `${s.nodes.removed} removed`,
    s.nodes.changed && `${s.nodes.changed} changed`,
    s.nodes.renamed && `${s.nodes.renamed} renamed`,
  ].filter(Boolean);
  return (
    <div className="change-list" ref={list}>
      {header}
      <p className="change-summary">
        <strong>Elements:</strong> {counts.length > 0 ? counts.join(', ') : 'no changes'} · {s.nodes.unchanged}{' '}
        unchanged
        <br />
        <strong>Connectors:</strong> {`${c.added} added, ${c.removed} removed, ${c.rewired} rewired`}
        {c.followRename > 0 ? ` (and ${c.followRename} that only follow a renamed element)` : ''} ·{' '}
        <strong>Resources:</strong>{' '}
        {s.resources.added + s.resources.removed + s.resources.changed + s.resources.renamed} ·{' '}
        <strong>Flow properties:</strong> {s.properties}
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
                      {statusMark(item.status)}
                    </span>
                    <span className="change-text">
                      <span className="change-title">{item.title}</span>
                      <span className="change-detail">
                        {statusWord(item.status)}
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
