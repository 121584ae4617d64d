import { forwardRef, useMemo, useState } from 'react';
import { elementKind } from '../../model/elements';
import { selectFlow } from '../../state/store';
import { useApp } from '../storeContext';

const MAX = 12;

/** Find an element by part of its label or API name; Enter jumps to and selects it. */
export const Search = forwardRef<HTMLInputElement>(function Search(_, ref) {
  // In a comparison, search covers both versions (the union graph on screen).
  const graph = useApp((s) => s.comparison?.diff.graph ?? selectFlow(s)?.graph);
  const select = useApp((s) => s.select);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!graph || q === '') return [];
    return graph.nodes.filter((n) => n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q));
  }, [graph, query]);
  const shown = matches.slice(0, MAX);
  const choose = (id: string | undefined, input?: HTMLInputElement) => {
    if (id === undefined) return;
    select(id);
    setQuery('');
    setActive(0);
    // Back to the canvas: Esc, `f` and `/` work again.
    input?.blur();
  };
  return (
    <div className="search" role="search">
      <input
        ref={ref}
        type="search"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls="search-results"
        aria-activedescendant={shown[active] ? `search-${active}` : undefined}
        aria-label="Search elements by label or API name"
        placeholder="Search elements  ( / )"
        value={query}
        disabled={!graph}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') choose(shown[active]?.id, e.currentTarget);
          else if (e.key === 'Escape') {
            setQuery('');
            e.currentTarget.blur();
          } else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {query.trim() !== '' && (
        <ul id="search-results" role="listbox" className="search-results" aria-label="Matching elements">
          {shown.map((n, i) => (
            <li
              key={n.id}
              id={`search-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(n.id)}
            >
              <span className="search-label">{n.label}</span>{' '}
              <span className="muted">
                {elementKind(n.type).builderName} · {n.id}
              </span>
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No element matches “{query.trim()}”</li>}
          {matches.length > MAX && <li className="muted">…and {matches.length - MAX} more: type more of the name</li>}
        </ul>
      )}
    </div>
  );
});
