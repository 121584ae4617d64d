import { useEffect, useRef, useState } from 'react';
import { orgVersionName } from '../../state/org';
import type { FlowPage, FlowSummary, FlowVersion } from '../../state/store';
import { useAppStore } from '../storeContext';
import { describeError, ErrorNote } from './Dialog';
import { VersionList } from './VersionList';

/** Typing pauses this long before the org is asked again. */
const FILTER_DEBOUNCE_MS = 300;

type Versions = { status: 'loading' } | { status: 'done'; versions: FlowVersion[] } | { status: 'error' };
type Problem = { message: string; hint: string };
const isAborted = (e: unknown) => describeError(e).kind === 'aborted';

/** The org's flows: filter as you type, load more, expand one to its versions, open or compare. */
export function FlowBrowser({
  instanceUrl,
  apiVersion,
  onDone,
}: {
  instanceUrl: string;
  apiVersion: string;
  /** Called once a version is opened or a comparison started. */
  onDone: () => void;
}) {
  const store = useAppStore();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState<FlowPage>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Problem>();
  const [expanded, setExpanded] = useState<string>();
  // Keyed by the org's ids: a Map, so no id can land on an object's prototype.
  const [versions, setVersions] = useState<ReadonlyMap<string, Versions>>(() => new Map());
  const [busy, setBusy] = useState<string>();
  /** Bumped per filter: a "Load more" answer for an older filter is dropped. */
  const generation = useRef(0);

  useEffect(() => {
    const ctrl = new AbortController();
    const gen = ++generation.current;
    const timer = setTimeout(
      () => {
        setLoading(true);
        store
          .getState()
          .listOrgFlows(filter, undefined, ctrl.signal)
          .then(
            (p) => {
              if (gen !== generation.current) return;
              setPage(p);
              setError(undefined);
              setLoading(false);
            },
            (e: unknown) => {
              if (isAborted(e) || gen !== generation.current) return;
              setError(describeError(e));
              setLoading(false);
            },
          );
      },
      filter.trim() === '' ? 0 : FILTER_DEBOUNCE_MS,
    );
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [store, filter]);

  const loadMore = async () => {
    if (!page?.next) return;
    const gen = generation.current;
    setLoading(true);
    try {
      const more = await store.getState().listOrgFlows(filter, page.next);
      if (gen !== generation.current) return;
      setPage({
        flows: [...page.flows, ...more.flows],
        totalSize: more.totalSize,
        ...(more.next ? { next: more.next } : {}),
      });
      setError(undefined);
    } catch (e) {
      if (gen === generation.current) setError(describeError(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };

  const expand = async (flow: FlowSummary) => {
    const open = expanded === flow.id ? undefined : flow.id;
    setExpanded(open);
    const known = versions.get(flow.id)?.status;
    if (!open || known === 'done' || known === 'loading') return;
    const put = (state: Versions) => setVersions((v) => new Map(v).set(flow.id, state));
    put({ status: 'loading' });
    try {
      put({ status: 'done', versions: await store.getState().listOrgVersions(flow.id) });
    } catch (e) {
      put({ status: 'error' });
      setError(describeError(e));
    }
  };

  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    try {
      await job();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(undefined);
    }
  };
  const openVersion = (flow: FlowSummary, v: FlowVersion) =>
    run(`Opening ${orgVersionName(flow, v)}…`, async () => {
      await store.getState().openOrgVersion(flow, v);
      onDone();
    });
  const compare = (flow: FlowSummary, a: FlowVersion, b: FlowVersion) =>
    run(`Fetching versions ${a.versionNumber} and ${b.versionNumber}…`, async () => {
      await store.getState().compareOrgVersions(flow, a, b);
      onDone();
    });

  const flows = page?.flows ?? [];
  return (
    <div className="src-browser">
      <div className="src-connected">
        <span>
          Connected to <strong>{instanceUrl}</strong> (API {apiVersion})
        </span>
        <span className="src-grow" />
        <button type="button" onClick={() => store.getState().disconnectOrg()}>
          Disconnect
        </button>
      </div>
      <input
        className="src-filter"
        type="search"
        aria-label="Filter flows by label or API name"
        placeholder="Filter flows by label or API name"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p className="src-count" role="status">
        {busy ??
          (loading
            ? 'Loading flows…'
            : page
              ? `Showing ${flows.length} of ${page.totalSize} flow${page.totalSize === 1 ? '' : 's'}`
              : '')}
      </p>
      <ErrorNote error={error} />
      {flows.length > 0 && (
        <ul className="src-flows" aria-label="Flows in the org">
          {flows.map((flow) => {
            const state = versions.get(flow.id);
            return (
              <li key={flow.id}>
                <button
                  type="button"
                  className="src-flow"
                  aria-expanded={expanded === flow.id}
                  aria-controls={`src-v-${flow.id}`}
                  onClick={() => void expand(flow)}
                >
                  <span className="src-flow-label">{flow.label}</span>
                  <span className="src-flow-name">{flow.developerName}</span>
                  {!flow.activeVersionId && <span className="src-count">no active version</span>}
                </button>
                {expanded === flow.id && (
                  <section className="src-versions" id={`src-v-${flow.id}`} aria-label={`Versions of ${flow.label}`}>
                    {state?.status === 'loading' && <p className="src-help">Loading versions…</p>}
                    {state?.status === 'done' && (
                      <VersionList
                        flow={flow}
                        versions={state.versions}
                        busy={busy !== undefined}
                        onOpen={(v) => void openVersion(flow, v)}
                        onCompare={(a, b) => void compare(flow, a, b)}
                      />
                    )}
                  </section>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {page && !loading && flows.length === 0 && (
        <p className="src-help">
          {filter.trim()
            ? `No flow’s label or API name contains “${filter.trim()}”.`
            : 'The org has no flows this user can see.'}
        </p>
      )}
      {page?.next && (
        <div className="src-actions">
          <button type="button" disabled={loading} onClick={() => void loadMore()}>
            Load more
          </button>
        </div>
      )}
    </div>
  );
}
