import { useCallback, useId, useState } from 'react';
import type { SetSummary } from '../../model/setTypes';
import type { FlowSetState } from '../../state/types';
import { useApp, useAppStore } from '../storeContext';
import { FlowList } from './FlowList';
import { ReadFailed, Reading } from './Reading';
import { SetSearch } from './SetSearch';
import { count } from './setWords';
import { Tabs } from './Tabs';
import { Triggers } from './Triggers';
import './set.css';

type Tab = 'flows' | 'search' | 'triggers' | 'skipped';

/** The tab and query the set's screen was left on, per set: back from a flow, the list is as it was. */
const left = new WeakMap<SetSummary, { tab: Tab; query: string }>();

/** "Case_Flows — 42 flows · 3 skipped". */
export function setTitle(set: FlowSetState): string {
  const s = set.summary;
  if (!s) return set.source.name;
  const skipped = s.skipped.length > 0 ? ` · ${s.skipped.length.toLocaleString('en-US')} skipped` : '';
  return `${set.source.name} — ${count(s.flows.length, 'flow')}${skipped}`;
}

/** Where the set came from, in words. */
function fromWords(set: FlowSetState): string {
  const s = set.source;
  if (s.kind === 'repo') return `From the repository ${s.url}`;
  if (s.kind === 'org') return `From the org: each flow's ${s.which === 'active' ? 'active' : 'latest'} version`;
  return s.kind === 'zip' ? 'From a zip on this computer' : 'From a folder on this computer';
}

/** The set in the main area: reading it (progress, Cancel), why it failed (with a token retry), or its tabs. */
export function SetScreen() {
  const set = useApp((s) => s.set);
  const closeSet = useApp((s) => s.closeSet);
  const titleId = useId();
  if (!set) return null;
  return (
    <section className="set-screen" aria-labelledby={titleId}>
      <header className="set-head">
        <div className="set-head-text">
          <h1 id={titleId} className="set-title">
            {set.status === 'loading' ? `Opening ${set.source.name}…` : setTitle(set)}
          </h1>
          <p className="set-muted set-from">{fromWords(set)}</p>
        </div>
        {set.status !== 'loading' && (
          <button type="button" className="set-button" onClick={closeSet}>
            Close set
          </button>
        )}
      </header>
      {set.status === 'loading' && <Loading set={set} />}
      {set.status === 'error' && <Failed set={set} />}
      {set.status === 'ready' && set.summary && <Ready summary={set.summary} />}
    </section>
  );
}

function Loading({ set }: { set: FlowSetState }) {
  const cancel = useApp((s) => s.cancelSet);
  return <Reading label="Reading the set" progress={set.progress} onCancel={cancel} />;
}

function Failed({ set }: { set: FlowSetState }) {
  const store = useAppStore();
  const source = set.source;
  const error = set.error ?? { message: 'The set could not be read.', hint: '' };
  const retry =
    source.kind === 'repo'
      ? {
          label: 'Try the repository again',
          withToken: 'Retry with the token',
          without: 'Retry',
          help: 'GitHub (Contents: read) or GitLab (read_api); sent only in a header, never in a link.',
          onRetry: (token: string | undefined) =>
            void store.getState().openSet({ kind: 'repo', url: source.url, ...(token ? { token } : {}) }),
        }
      : undefined;
  return <ReadFailed error={error} {...(retry ? { retry } : {})} />;
}

function Ready({ summary }: { summary: SetSummary }) {
  const openSetFlow = useApp((s) => s.openSetFlow);
  const searchSet = useApp((s) => s.searchSet);
  const [state, setState] = useState(() => left.get(summary) ?? { tab: 'flows' as Tab, query: '' });
  const update = (next: { tab: Tab; query: string }) => {
    left.set(summary, next);
    setState(next);
  };
  const open = useCallback(
    (name: string, select?: string) => void openSetFlow(name, select === undefined ? undefined : { select }),
    [openSetFlow],
  );
  const tabs: [Tab, string][] = [
    ['flows', `Flows (${summary.flows.length.toLocaleString('en-US')})`],
    ['search', 'Search'],
    ['triggers', `Triggers (${summary.triggers.length.toLocaleString('en-US')})`],
    ['skipped', `Skipped (${summary.skipped.length.toLocaleString('en-US')})`],
  ];
  return (
    <Tabs
      className="set-body"
      label="The set"
      tabs={tabs}
      current={state.tab}
      onChange={(tab) => update({ ...state, tab })}
    >
      {state.tab === 'flows' &&
        (summary.flows.length === 0 ? (
          <NoFlows skipped={summary.skipped.length} onSkipped={() => update({ ...state, tab: 'skipped' })} />
        ) : (
          <FlowList summary={summary} onOpen={open} />
        ))}
      {state.tab === 'search' && (
        <SetSearch
          search={searchSet}
          onOpen={open}
          query={state.query}
          onQuery={(query) => update({ ...state, query })}
        />
      )}
      {state.tab === 'triggers' && <Triggers triggers={summary.triggers} onOpen={open} />}
      {state.tab === 'skipped' && <Skipped summary={summary} />}
    </Tabs>
  );
}

/** A set without one flow (a folder or zip of other files): said plainly, with the way to what was skipped. */
function NoFlows({ skipped, onSkipped }: { skipped: number; onSkipped: () => void }) {
  return (
    <div className="set-empty">
      <p>
        No flow file was found: no <code>.flow-meta.xml</code>, <code>.flow</code> or Tooling API JSON file that reads
        as a flow.
        {skipped > 0 && ` ${count(skipped, 'file')} ${skipped === 1 ? 'was' : 'were'} skipped.`}
      </p>
      {skipped > 0 && (
        <button type="button" className="set-button" onClick={onSkipped}>
          See the skipped files
        </button>
      )}
    </div>
  );
}

/** Skipped files drawn at first; a big folder's thousands of others wait for "Show all". */
const SKIPPED_SHOWN = 500;

function Skipped({ summary }: { summary: SetSummary }) {
  const [all, setAll] = useState(false);
  if (summary.skipped.length === 0) return <p className="set-empty">Every file was read as a flow.</p>;
  const rows = all ? summary.skipped : summary.skipped.slice(0, SKIPPED_SHOWN);
  return (
    <div className="set-scroll">
      <table className="set-table set-skipped">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Why it was skipped</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a file may be listed twice (two reasons)
            <tr key={i}>
              <td className="set-mono">{s.file}</td>
              <td>{s.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < summary.skipped.length && (
        <button type="button" className="set-button set-more" onClick={() => setAll(true)}>
          Show all {summary.skipped.length.toLocaleString('en-US')}
        </button>
      )}
    </div>
  );
}
