import { useMemo } from 'react';
import { changedCallees } from '../../model/changedCallees';
import { useApp } from '../storeContext';
import { STATUS_MARK, STATUS_WORD } from './changeWords';
import '../set/set.css';
import './changes.css';

/**
 * Under the header while a change set's flow is compared (issue 14): "Change set › Flow (2 of 5)" — the way
 * back to the list — the flows before and after it (n / p go on to them past the first and last change), the
 * Subflow elements of this flow whose called flow also changed (each opens that comparison), Close.
 */
export function ChangeBar() {
  const c = useApp((s) => s.changeSet);
  const showList = useApp((s) => s.showChangeList);
  const open = useApp((s) => s.openChangedFlow);
  const close = useApp((s) => s.closeChanges);
  const select = useApp((s) => s.select);
  const comparison = useApp((s) => s.comparison);
  const rows = c?.rows;
  const after = comparison?.after.doc;
  const calls = useMemo(
    () =>
      changedCallees(
        after,
        (rows ?? []).filter((r) => r.name !== c?.flow).map((r) => r.name),
      ),
    [after, rows, c?.flow],
  );
  if (!c || !rows) return null;
  const at = rows.findIndex((r) => r.name === c.flow);
  const row = rows[at];
  const ours = row !== undefined && (after?.name === row.name || comparison?.before.doc.name === row.name);
  const prev = rows[at - 1];
  const next = rows[at + 1];
  return (
    <div className="set-bar cs-bar">
      <nav aria-label="Change set" className="set-crumbs">
        <ol>
          <li>
            <button type="button" className="set-link" onClick={showList}>
              Change set
            </button>
          </li>
          <li>
            <span className="set-crumb-sep" aria-hidden="true">
              ›
            </span>
            {row && ours ? (
              <span aria-current="page" className="set-crumb-current" title={row.name}>
                {row.name}{' '}
                <span className="set-muted">
                  ({at + 1} of {rows.length}) ·{' '}
                  <span className={`cs-status is-${row.status}`}>
                    {STATUS_MARK[row.status]} {STATUS_WORD[row.status]}
                  </span>
                </span>
              </span>
            ) : (
              <span className="set-muted set-crumb-note">(not from this change set)</span>
            )}
          </li>
        </ol>
      </nav>
      {ours && calls.size > 0 && (
        <span className="cs-calls">
          Calls changed flows:{' '}
          {[...calls].map(([element, callee]) => (
            <span key={element} className="cs-call">
              <button type="button" className="set-link" title={`Select ${element}`} onClick={() => select(element)}>
                {element}
              </button>{' '}
              →{' '}
              <button type="button" className="set-link" onClick={() => void open(callee, { at: 'first' })}>
                {callee}
              </button>
            </span>
          ))}
        </span>
      )}
      <span className="spacer" />
      {ours && (
        <span className="cs-step">
          <button type="button" className="set-button" disabled={!prev} onClick={() => prev && void open(prev.name)}>
            ‹ Previous flow
          </button>
          <button type="button" className="set-button" disabled={!next} onClick={() => next && void open(next.name)}>
            Next flow ›
          </button>
        </span>
      )}
      <button type="button" className="set-button" onClick={close}>
        Close change set
      </button>
    </div>
  );
}
