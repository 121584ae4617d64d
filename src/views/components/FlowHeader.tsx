import { useApp } from '../storeContext';
import { selectFlow } from '../../state/store';

/** Label, API name, type, status, API version, and notices (e.g. which version of a query result is shown). */
export function FlowHeader() {
  const flow = useApp(selectFlow);
  const chooseRecord = useApp((s) => s.chooseRecord);
  if (!flow) return null;
  const { flow: h, warnings } = flow.graph;
  return (
    <section className="flow-header" aria-label="Flow">
      <h1 className="flow-title">{h.label}</h1>
      <dl className="flow-facts">
        <dt>API name</dt>
        <dd>{h.name}</dd>
        {h.processType && (
          <>
            <dt>Type</dt>
            <dd>{h.processType}</dd>
          </>
        )}
        {h.status && (
          <>
            <dt>Status</dt>
            <dd>{h.status}</dd>
          </>
        )}
        {h.apiVersion && (
          <>
            <dt>API version</dt>
            <dd>{h.apiVersion}</dd>
          </>
        )}
        <dt>Source</dt>
        <dd>{flow.source.name}</dd>
      </dl>
      {flow.records && (
        <label className="record-picker">
          Version:{' '}
          <select aria-label="Flow version in this input" value={flow.recordIndex} onChange={(e) => chooseRecord(Number(e.target.value))}>
            {flow.records.map((r) => (
              <option key={r.index} value={r.index}>
                {[r.name, r.versionNumber && `version ${r.versionNumber}`, r.status].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </label>
      )}
      {[...flow.notices, ...warnings].map((n) => (
        <p key={n} className="notice">
          {n}
        </p>
      ))}
    </section>
  );
}
