import type { ObjectTriggers } from '../../model/setTypes';
import { PHASES, statusWords, whenWords } from './setWords';

/**
 * Each object's record-triggered flows in the order Salesforce runs them, in phases (before save, before
 * delete, after save, scheduled), as Flow Trigger Explorer lists them. Inactive flows say so in words.
 */
export function Triggers({ triggers, onOpen }: { triggers: ObjectTriggers[]; onOpen: (name: string) => void }) {
  if (triggers.length === 0) return <p className="set-empty">No flow in this set starts from a record change.</p>;
  return (
    <div className="set-triggers">
      {triggers.map((o) => (
        <section key={o.object} className="set-object" aria-label={o.object}>
          <h3 className="set-object-head">{o.object}</h3>
          {PHASES.map(([phase, title]) => {
            const flows = o.flows.filter((f) => f.phase === phase);
            if (flows.length === 0) return null;
            return (
              <div key={phase} className="set-phase">
                <h4 className="set-phase-head">{title}</h4>
                <table className="set-table set-trigger-table">
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Flow</th>
                      <th scope="col">When</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {flows.map((f, i) => {
                      const status = statusWords(f.status);
                      const inactive = f.status !== undefined && f.status !== 'Active';
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a name may be listed twice (two folders)
                        <tr key={`${f.name}\n${i}`} className={inactive ? 'set-inactive' : undefined}>
                          <td className="set-num">{f.order === undefined ? '—' : f.order}</td>
                          <td className="set-cell-label">
                            <button type="button" className="set-link" onClick={() => onOpen(f.name)}>
                              {f.label || f.name}
                            </button>{' '}
                            <code className="set-mono">{f.name}</code>
                          </td>
                          <td>{(phase === 'RecordBeforeDelete' ? 'deleted' : whenWords(f.when)) ?? '—'}</td>
                          <td className={`set-status set-status-${status.replace(/\W/g, '')}`}>
                            {inactive ? `${status} (inactive)` : status}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
