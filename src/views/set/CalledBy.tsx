import { useMemo } from 'react';
import { selectSetFlowShown } from '../../state/setShown';
import { useApp } from '../storeContext';
import './set.css';

/**
 * The Flow tab's "Called by" while one of the set's flows is on screen: every Subflow element of the set
 * that calls it, each opening its flow with that element selected.
 */
export function CalledBy() {
  const set = useApp((s) => s.set);
  const openSetFlow = useApp((s) => s.openSetFlow);
  // Not for a flow opened from elsewhere over the set's (a sample, a file), nor a comparison.
  const current = useApp(selectSetFlowShown);
  const summary = set?.status === 'ready' ? set.summary : undefined;
  const callers = useMemo(() => {
    if (!summary || current === undefined) return [];
    const labels = new Map(summary.flows.map((f) => [f.name, f.label || f.name]));
    return summary.calls
      .filter((c) => c.callee === current)
      .map((c) => ({ ...c, label: labels.get(c.caller) ?? c.caller }));
  }, [summary, current]);
  if (!summary || current === undefined) return null;
  return (
    <section className="fsd-panel set-called-by" aria-label="Called by">
      <h3 className="fsd-section-title">Called by ({callers.length})</h3>
      {callers.length === 0 ? (
        <p className="fsd-muted">No flow of this set calls it as a subflow.</p>
      ) : (
        <ul className="fsd-connections">
          {callers.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one caller may call it from two elements of one name
            <li key={i}>
              <button
                type="button"
                className="fsd-link"
                onClick={() => void openSetFlow(c.caller, { select: c.element })}
                aria-label={`Open ${c.label} at ${c.element}`}
              >
                {c.label}
              </button>{' '}
              <span className="fsd-muted">from</span> <code className="fsd-api-name">{c.element}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
