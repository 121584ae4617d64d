import { type FormEvent, useId, useRef } from 'react';
import type { ChangeRow, ChangeSetState } from '../../state/types';
import { useApp, useAppStore } from '../storeContext';
import { changeTitle, connectorWords, elementWords, interfaceWords, STATUS_MARK, STATUS_WORD } from './changeWords';
import '../set/set.css';
import './changes.css';

/** Where the change set came from, in words. */
function fromWords(c: ChangeSetState): string {
  const s = c.source;
  if (s.kind === 'pull') return `From the pull request ${s.url}`;
  if (s.kind === 'refs') return `Base ${s.base} → head ${s.head}`;
  return 'From two folders or zips on this computer';
}

/**
 * A change set in the main area (issue 14): reading it (progress and Cancel, the rows already known below),
 * why it failed (a token retry for a private repository), or its flows by size of change; a click opens one
 * flow's comparison.
 */
export function ChangeScreen() {
  const c = useApp((s) => s.changeSet);
  const close = useApp((s) => s.closeChanges);
  const titleId = useId();
  if (!c) return null;
  return (
    <section className="set-screen cs-screen" aria-labelledby={titleId}>
      <header className="set-head">
        <div className="set-head-text">
          <h1 id={titleId} className="set-title">
            {changeTitle(c)}
          </h1>
          <p className="set-muted set-from">{fromWords(c)}</p>
        </div>
        {c.status !== 'loading' && (
          <button type="button" className="set-button" onClick={close}>
            Close change set
          </button>
        )}
      </header>
      {c.status === 'loading' && <Loading c={c} />}
      {c.status === 'error' && <Failed c={c} />}
      {c.status !== 'error' && <Rows c={c} />}
    </section>
  );
}

function Loading({ c }: { c: ChangeSetState }) {
  const cancel = useApp((s) => s.cancelChanges);
  const p = c.progress;
  const known = p !== undefined && p.total > 0;
  const pct = known ? Math.round((100 * Math.min(p.done, p.total)) / p.total) : undefined;
  return (
    <div className="set-loading cs-loading">
      <div
        className={`set-progress${known ? '' : ' is-unknown'}`}
        role="progressbar"
        aria-label="Reading the change set"
        aria-valuemin={0}
        aria-valuemax={known ? p.total : undefined}
        aria-valuenow={known ? Math.min(p.done, p.total) : undefined}
      >
        <div className="set-progress-fill" style={{ width: pct === undefined ? undefined : `${pct}%` }} />
      </div>
      <p className="set-phase-words" aria-live="polite">
        {p ? p.phase : 'Starting…'}
        {known && ` — ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`}
      </p>
      <button type="button" className="set-button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}

function Failed({ c }: { c: ChangeSetState }) {
  const store = useAppStore();
  const token = useRef<HTMLInputElement>(null);
  const id = useId();
  const error = c.error ?? { message: 'The change set could not be read.', hint: '' };
  const source = c.source;
  const retry = (e: FormEvent) => {
    e.preventDefault();
    // Uncontrolled: the token never sits in a DOM attribute, and is cleared once handed over.
    const value = token.current?.value.trim() ?? '';
    if (token.current) token.current.value = '';
    const t = value ? { token: value } : {};
    if (source.kind === 'pull') void store.getState().openChanges({ kind: 'pull', url: source.url, ...t });
    else if (source.kind === 'refs')
      void store.getState().openChanges({ kind: 'refs', base: source.base, head: source.head, ...t });
  };
  return (
    <div className="set-failed">
      <div className="src-error set-error" role="alert">
        <strong>{error.message}</strong>
        {error.hint && <div className="src-hint">{error.hint}</div>}
      </div>
      {source.kind !== 'local' && (
        <form className="set-retry" onSubmit={retry} aria-label="Try again">
          {error.needsToken && (
            <>
              <label htmlFor={`${id}-token`}>Token</label>
              <input
                id={`${id}-token`}
                ref={token}
                className="set-input"
                type="password"
                autoComplete="off"
                spellCheck={false}
                placeholder="Sent only to the repository's host, never kept or linked"
              />
            </>
          )}
          <button type="submit" className="set-button set-primary">
            {error.needsToken ? 'Open with the token' : 'Try again'}
          </button>
        </form>
      )}
    </div>
  );
}

function Rows({ c }: { c: ChangeSetState }) {
  const open = useApp((s) => s.openChangedFlow);
  if (c.status === 'ready' && c.rows.length === 0)
    return <p className="set-empty">No flow was added, removed or changed.</p>;
  return (
    <div className="set-body">
      <div className="set-tabpanel set-list">
        <div className="set-table-scroll">
          <table className="set-table cs-table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Flow</th>
                <th scope="col" title="added, removed, changed, renamed">
                  Elements <span className="set-muted">+ − ~</span>
                </th>
                <th scope="col" title="added, removed">
                  Connectors <span className="set-muted">+ −</span>
                </th>
                <th scope="col">Interface</th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r) => (
                <Row
                  key={r.name}
                  r={r}
                  ready={c.status === 'ready'}
                  onOpen={(name = r.name, select?: string) => void open(name, select ? { select } : undefined)}
                  listed={(name) => c.rows.some((x) => x.name === name)}
                />
              ))}
            </tbody>
          </table>
        </div>
        {c.skipped.length > 0 && (
          <details className="cs-skipped">
            <summary>{c.skipped.length.toLocaleString('en-US')} files not compared</summary>
            <ul>
              {c.skipped.map((s) => (
                <li key={`${s.side}:${s.file}:${s.reason}`}>
                  <span className="set-mono">
                    {s.side}: {s.file}
                  </span>{' '}
                  — {s.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}

interface RowProps {
  r: ChangeRow;
  ready: boolean;
  /** Opens this row's flow, or (a caller in the change set) another at its call site. */
  onOpen: (name?: string, select?: string) => void;
  listed: (name: string) => boolean;
}

function Row({ r, onOpen, ready, listed }: RowProps) {
  const iface = interfaceWords(r);
  const callers = r.callers;
  return (
    <tr className={`cs-row is-${r.status}`}>
      <td>
        <span className={`cs-status is-${r.status}`}>
          <span aria-hidden="true" className="cs-mark">
            {STATUS_MARK[r.status]}
          </span>{' '}
          {STATUS_WORD[r.status]}
        </span>
      </td>
      <td className="set-cell-label">
        {ready ? (
          <button type="button" className="set-link" title={r.name} onClick={() => onOpen()}>
            {r.name}
          </button>
        ) : (
          <span title={r.name}>{r.name}</span>
        )}
        {r.note && <div className="set-muted cs-note">{r.note}</div>}
      </td>
      <td className="cs-counts">{elementWords(r)}</td>
      <td className="cs-counts">{connectorWords(r)}</td>
      <td className="cs-iface">
        {iface && (
          <details>
            <summary className={callers.length > 0 ? 'is-breaking' : undefined}>{iface}</summary>
            <ul>
              {r.interface.map((ch) => (
                <li key={`v:${ch.variable}`}>
                  {ch.variable}: {ch.kinds.join(', ')}
                </li>
              ))}
              {callers.map((u) => (
                <li key={`c:${u.caller}:${u.element}`}>
                  called by{' '}
                  {ready && listed(u.caller) ? (
                    <button type="button" className="set-link" onClick={() => onOpen(u.caller, u.element)}>
                      {u.caller}
                    </button>
                  ) : (
                    u.caller
                  )}{' '}
                  ({u.element}
                  {u.variables.length > 0 ? `: ${u.variables.join(', ')}` : ''})
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}
