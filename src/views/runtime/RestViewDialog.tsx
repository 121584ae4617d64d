import { useState } from 'react';
import { flowTypeWords } from '../../describe/flow';
import type { FlowListItem, InvocableFlow, InvocableParameter } from '../../model/runtime';
import type { RestView } from '../../state/store';
import { statusWords } from '../set/setWords';
import { describeError, Dialog, ErrorNote } from '../sources/Dialog';
import { useApp, useAppStore } from '../storeContext';
import { openListedFlow } from './openListed';
import { count, plural } from './runtimeWords';
import './runtime.css';

const from = (v: RestView) => (v.source.kind === 'paste' ? 'pasted text' : v.source.name);

/** How to get a flow's metadata without an org connected here. */
function MetadataHelp() {
  return (
    <p className="src-help">
      These are the flows' names, not their metadata. To open one, connect its org (Org…) and click it here; or get its
      metadata with <code>sf project retrieve start --metadata Flow:API_Name</code> (then open the{' '}
      <code>.flow-meta.xml</code>), or a Tooling API query{' '}
      <code>SELECT Id, FullName, Metadata FROM Flow WHERE Definition.DeveloperName = 'API_Name'</code>, and paste or
      drop it here.
    </p>
  );
}

function FlowListView({ flows }: { flows: FlowListItem[] }) {
  const store = useAppStore();
  const connected = useApp((s) => s.org.status === 'connected');
  const [error, setError] = useState<{ message: string; hint: string }>();
  const [opening, setOpening] = useState<string>();
  const open = async (f: FlowListItem) => {
    setError(undefined);
    setOpening(f.apiName);
    try {
      await openListedFlow(store.getState, f);
    } catch (e) {
      const d = describeError(e);
      setError(e instanceof Error && !('kind' in e) ? { message: e.message, hint: '' } : d);
    } finally {
      setOpening(undefined);
    }
  };
  return (
    <>
      {connected ? (
        <p className="src-help">Click a flow to open its version from the connected org.</p>
      ) : (
        <MetadataHelp />
      )}
      <ErrorNote error={error} />
      <div className="rt-scroll">
        <table className="rt-table" aria-label="Flows in this list">
          <thead>
            <tr>
              <th>Label</th>
              <th>API name</th>
              <th>Type</th>
              <th>Status</th>
              <th>Version</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.id ?? `${f.apiName} v${f.versionNumber ?? ''}`}>
                <td>
                  {connected ? (
                    <button
                      type="button"
                      className="set-link"
                      disabled={opening !== undefined}
                      onClick={() => void open(f)}
                    >
                      {f.label || f.apiName}
                    </button>
                  ) : (
                    f.label || f.apiName
                  )}
                  {opening === f.apiName && <span className="muted"> opening…</span>}
                </td>
                <td className="rt-api">{f.apiName}</td>
                <td>{flowTypeWords(f.processType, undefined) ?? f.processType ?? '—'}</td>
                <td>{f.status ? statusWords(f.status) : '—'}</td>
                <td>{f.versionNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Parameters({ title, params }: { title: string; params: InvocableParameter[] }) {
  return (
    <>
      <h3>
        {title} ({count(params.length)})
      </h3>
      {params.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="rt-scroll">
          <table className="rt-table" aria-label={title}>
            <thead>
              <tr>
                <th>Name</th>
                <th>Label</th>
                <th>Type</th>
                <th>Required</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr key={p.name}>
                  <td className="rt-api">{p.name}</td>
                  <td>{p.label ?? ''}</td>
                  <td>{[p.type, p.objectType].filter(Boolean).join(' · ') || '—'}</td>
                  <td>{p.required ? 'Required' : 'Optional'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function InvocableView({ view }: { view: Extract<RestView, { kind: 'invocable' }> }) {
  if (view.list)
    return (
      <>
        <p className="src-help">
          The flows this org can run as invocable actions. Each one's inputs and outputs are at{' '}
          <code>/actions/custom/flow/API_Name</code>: paste that answer to see them.
        </p>
        <FlowListView flows={view.flows.map((f: InvocableFlow) => ({ apiName: f.name, label: f.label ?? f.name }))} />
      </>
    );
  const flow = view.flows[0];
  if (!flow) return <p className="muted">This answer describes no flow.</p>;
  return (
    <>
      <p>
        <strong>{flow.label ?? flow.name}</strong> <span className="rt-api">{flow.name}</span>: the interface it is
        called with as an action.
      </p>
      {view.comparedWith !== undefined && view.mismatches && (
        <div role="status">
          {view.mismatches.length === 0 ? (
            <p className="rt-ok">✔ The open flow's metadata declares the same inputs and outputs.</p>
          ) : (
            <>
              <p>
                ⚠ Compared with the open flow's metadata ({view.comparedWith}):{' '}
                {plural(view.mismatches.length, 'mismatch', 'mismatches')}.
              </p>
              <ul className="rt-mismatches">
                {view.mismatches.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <Parameters title="Inputs" params={flow.inputs} />
      <Parameters title="Outputs" params={flow.outputs} />
    </>
  );
}

/** A pasted or dropped flow list, or an invocable flow's interface: what it says, in its own dialog. */
export function RestViewDialog() {
  const view = useApp((s) => s.restView);
  const close = useApp((s) => s.closeRestView);
  if (!view) return null;
  const title =
    view.kind === 'flow-list'
      ? `Flows (${count(view.flows.length)})`
      : view.list
        ? `Invocable flows (${count(view.flows.length)})`
        : 'Invocable flow';
  return (
    <Dialog title={title} onClose={close} className="src-wide">
      <div className="rt-view">
        <p className="muted">From {from(view)}.</p>
        {view.kind === 'flow-list' ? <FlowListView flows={view.flows} /> : <InvocableView view={view} />}
      </div>
    </Dialog>
  );
}
