import { useState } from 'react';
import type { FlowSummary, FlowVersion } from '../../state/store';

/** The org's status words as Builder shows them; a Map, as the key comes from the org. */
const STATUS = new Map([
  ['Active', 'Active'],
  ['Draft', 'Draft'],
  ['Obsolete', 'Obsolete'],
  ['InvalidDraft', 'Invalid draft'],
]);

/** Salesforce dates ("2025-04-02T11:30:00.000+0000") as "2025-04-02 11:30 UTC", the same in every browser. */
function shortDate(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(s);
  if (!m) return s;
  return `${m[1]} ${m[2]}${/(\+0000|Z)$/.test(s) ? ' UTC' : ''}`;
}

/** Compare's default: the active version against the latest; else the latest against the one before it. */
function defaultPair(flow: FlowSummary, versions: FlowVersion[]): string[] {
  const latest = versions.find((v) => v.id === flow.latestVersionId) ?? versions[0];
  const active = versions.find((v) => v.id === flow.activeVersionId);
  if (!latest) return [];
  if (active && active.id !== latest.id) return [active.id, latest.id];
  const previous = versions.find((v) => v.versionNumber < latest.versionNumber);
  return previous ? [previous.id, latest.id] : [latest.id];
}

/** A flow's versions (newest first): open one, or tick two and compare them (older → newer). */
export function VersionList({
  flow,
  versions,
  busy,
  onOpen,
  onCompare,
}: {
  flow: FlowSummary;
  versions: FlowVersion[];
  busy: boolean;
  onOpen: (v: FlowVersion) => void;
  onCompare: (before: FlowVersion, after: FlowVersion) => void;
}) {
  const [selected, setSelected] = useState<string[]>(() => defaultPair(flow, versions));
  const picked = versions.filter((v) => selected.includes(v.id)).sort((a, b) => a.versionNumber - b.versionNumber);
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));
  if (versions.length === 0) return <p className="src-help">This flow has no versions the API returns.</p>;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Last modified</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select version ${v.versionNumber} to compare`}
                  checked={selected.includes(v.id)}
                  onChange={() => toggle(v.id)}
                />
              </td>
              <td>
                {v.versionNumber}
                {v.id === flow.latestVersionId && <span className="src-count"> (latest)</span>}
              </td>
              <td>
                <span className={`src-status src-status-${v.status}`}>{STATUS.get(v.status) ?? v.status}</span>
              </td>
              <td>{shortDate(v.lastModified)}</td>
              <td>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Open version ${v.versionNumber}`}
                  onClick={() => onOpen(v)}
                >
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="src-actions">
        <button
          type="button"
          className="src-primary"
          disabled={busy || picked.length !== 2}
          onClick={() => picked[0] && picked[1] && onCompare(picked[0], picked[1])}
        >
          {picked.length === 2
            ? `Compare version ${picked[0]!.versionNumber} → ${picked[1]!.versionNumber}`
            : 'Compare (tick two versions)'}
        </button>
      </div>
    </>
  );
}
