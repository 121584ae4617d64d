import { useEffect, useRef, useState } from 'react';
import type { FlowPage, FlowSummary, FlowVersion, OrgClient } from '../../sources/salesforce';
import { describeError, ErrorNote } from './Dialog';
import type { OnCompare, OnOpen } from './types';
import { VersionList } from './VersionList';

/** Typing pauses this long before the org is asked again. */
export const FILTER_DEBOUNCE_MS = 300;

type Versions = { status: 'loading' } | { status: 'done'; versions: FlowVersion[] } | { status: 'error' };
type Problem = { message: string; hint: string };
const isAborted = (e: unknown) => describeError(e).kind === 'aborted';

/** The org's flows: filter as you type, load more, expand one to its versions, open or compare. */
export function FlowBrowser({
  client,
  onOpen,
  onCompare,
  onDisconnect,
}: {
  client: OrgClient;
  onOpen: OnOpen;
  onCompare: OnCompare;
  onDisconnect: () => void;
}) {
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState<FlowPage>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Problem>();
  const [expanded, setExpanded] = useState<string>();
  const [versions, setVersions] = useState<Record<string, Versions>>({});
  const [busy, setBusy] = useState<string>();
  /** Bumped per filter: a "Load more" answer for an older filter is dropped. */
  const generation = useRef(0);

  useEffect(() => {
    const ctrl = new AbortController();
    const gen = ++generation.current;
    const timer = setTimeout(
      () => {
        setLoading(true);
        client.listFlows(filter, undefined, ctrl.signal).then(
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
  }, [client, filter]);

  const loadMore = async () => {
    if (!page?.next) return;
    const gen = generation.current;
    setLoading(true);
    try {
      const more = await client.listFlows(filter, page.next);
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
    if (!open || versions[flow.id]?.status === 'done' || versions[flow.id]?.status === 'loading') return;
    setVersions((v) => ({ ...v, [flow.id]: { status: 'loading' } }));
    try {
      const list = await client.listVersions(flow.id);
      setVersions((v) => ({ ...v, [flow.id]: { status: 'done', versions: list } }));
    } catch (e) {
      setVersions((v) => ({ ...v, [flow.id]: { status: 'error' } }));
      setError(describeError(e));
    }
  };

  const name = (flow: FlowSummary, v: FlowVersion) => `${flow.developerName} v${v.versionNumber}`;
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
    run(`Opening ${name(flow, v)}…`, async () =>
      onOpen(await client.getVersion(v.id), { kind: 'org', name: name(flow, v) }),
    );
  const compare = (flow: FlowSummary, a: FlowVersion, b: FlowVersion) =>
    run(`Fetching versions ${a.versionNumber} and ${b.versionNumber}…`, async () => {
      const [before, after] = await Promise.all([client.getVersion(a.id), client.getVersion(b.id)]);
      onCompare(
        { text: before, source: { kind: 'org', name: name(flow, a) } },
        { text: after, source: { kind: 'org', name: name(flow, b) } },
      );
    });

  const flows = page?.flows ?? [];
  return (
    <div className="src-browser">
      <div className="src-connected">
        <span>
          Connected to <strong>{client.instanceUrl}</strong> (API {client.apiVersion})
        </span>
        <span className="src-grow" />
        <button type="button" onClick={onDisconnect}>
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
            const state = versions[flow.id];
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
