import type { DiffMode } from '../../state/store';
import { selectComparison } from '../../state/store';
import { useApp } from '../storeContext';
import { plainSourceName as sourceName } from '../../state/links';
import { NoiseFilters } from './NoiseFilters';

const MODES: [DiffMode, string][] = [
  ['overlay', 'Overlay'],
  ['before', 'Before'],
  ['after', 'After'],
  ['side', 'Side by side'],
  ['changes', 'Changes only'],
];

/** The comparison's controls: which versions, the mode, stepping through changes, swap and close. */
export function DiffBar() {
  const comparison = useApp(selectComparison);
  const mode = useApp((s) => s.diffMode);
  const index = useApp((s) => s.changeIndex);
  const { setDiffMode, stepChange, swapSides, closeComparison } = useApp((s) => s);
  if (!comparison) return null;
  const n = comparison.changes.length;
  return (
    <div className="diff-bar">
      <span
        className="diff-versions"
        title={`${sourceName(comparison.before.source)} → ${sourceName(comparison.after.source)}`}
      >
        <span className="muted">Comparing</span> <strong>{sourceName(comparison.before.source)}</strong>{' '}
        <span role="img" aria-label="with">
          →
        </span>{' '}
        <strong>{sourceName(comparison.after.source)}</strong>
      </span>
      <div className="segmented" role="radiogroup" aria-label="Comparison view">
        {MODES.map(([m, label]) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setDiffMode(m)}>
            {label}
          </button>
        ))}
      </div>
      <div className="diff-step" role="group" aria-label="Step through changes">
        <button
          type="button"
          onClick={() => stepChange(-1)}
          disabled={n === 0}
          aria-label="Previous change (p)"
          title="Previous change (p)"
        >
          ‹
        </button>
        <span className="diff-step-count" aria-live="polite">
          {n === 0 ? 'No changes' : index === undefined ? `${n} change${n === 1 ? '' : 's'}` : `${index + 1} of ${n}`}
        </span>
        <button
          type="button"
          onClick={() => stepChange(1)}
          disabled={n === 0}
          aria-label="Next change (n)"
          title="Next change (n)"
        >
          ›
        </button>
      </div>
      <NoiseFilters />
      <button type="button" onClick={() => void swapSides()} title="Swap before and after">
        ⇄ Swap
      </button>
      <button type="button" onClick={closeComparison} title="Back to the single flow">
        Close comparison
      </button>
    </div>
  );
}
