import { useId } from 'react';
import type { ChangeRow, ChangeSetState } from '../../state/types';
import { useApp, useAppStore } from '../storeContext';
import { changeTitle, connectorWords, elementWords, interfaceWords, STATUS_MARK, STATUS_WORD } from './changeWords';
import { ReadFailed, Reading } from '../set/Reading';
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
  return <Reading label="Reading the change set" progress={c.progress} onCancel={cancel} className="cs-loading" />;
}

function Failed({ c }: { c: ChangeSetState }) {
  const store = useAppStore();
  const source = c.source;
  const error = c.error ?? { message: 'The change set could not be read.', hint: '' };
  const onRetry = (token: string | undefined) => {
    const t = token ? { token } : {};
    if (source.kind === 'pull') void store.getState().openChanges({ kind: 'pull', url: source.url, ...t });
    else if (source.kind === 'refs')
      void store.getState().openChanges({ kind: 'refs', base: source.base, head: source.head, ...t });
  };
  const retry =
    source.kind === 'local'
      ? undefined
      : {
          label: 'Try again',
          withToken: 'Open with the token',
          without: 'Try again',
          help: "Sent only to the repository's host, never kept or linked.",
          onRetry,
        };
  return <ReadFailed error={error} {...(retry ? { retry } : {})} />;
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
