import { statusMark } from '../../render/status';

/** What the colours and marks mean (each status also has a word on the element itself). */
export function Legend() {
  const rows: [string, string, string][] = [
    ['added', statusMark('added'), 'Added'],
    ['removed', statusMark('removed'), 'Removed'],
    ['changed', statusMark('changed'), 'Changed'],
    ['renamed', statusMark('renamed'), 'Renamed'],
    ['unchanged', statusMark('unchanged'), 'Unchanged (dimmed)'],
  ];
  return (
    <ul className="diff-legend" aria-label="Legend">
      {rows.map(([status, mark, word]) => (
        <li key={status}>
          <span className={`legend-swatch legend-${status}`} aria-hidden="true">
            {mark}
          </span>
          {word}
        </li>
      ))}
      <li>
        <span className="legend-line legend-line-added" aria-hidden="true" /> connector added
      </li>
      <li>
        <span className="legend-line legend-line-removed" aria-hidden="true" /> connector removed
      </li>
    </ul>
  );
}
