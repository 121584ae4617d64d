import { useContext } from 'react';
import type { ConditionPart, PathCondition } from '../../describe/pathConditions';
import { START_ID } from '../../model/graph';
import type { PathKind, PathView } from '../../state/pathTypes';
import { selectPaths } from '../../state/pathSelect';
import type { AppStore } from '../../state/store';
import { StoreContext } from '../storeContext';
import { useStore } from 'zustand';
import './paths.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What the panel's first line says: "3 paths from Start", "More than 10,000 paths — …". */
export function pathHeadline(view: PathView, label: string): string {
  if (view.kind === 'after') {
    const after = view.elements - 1;
    return after === 0
      ? 'Nothing runs after: the flow ends here'
      : `${plural(after, 'element')} can run after ${label}`;
  }
  if (!view.reachable) return 'No path from Start: nothing leads here from the Start element';
  const c = view.count ?? { count: 0 };
  if (c.more === 'cap')
    return `More than ${c.count.toLocaleString('en-US')} paths — every element on them is highlighted`;
  if (c.more === 'budget')
    return `At least ${plural(c.count, 'path')} (too many to count) — every element on them is highlighted`;
  return `${plural(c.count, 'path')} from Start`;
}

/**
 * In the Details panel of the selected element: How do we get here? and What runs after, and what the one asked
 * for found (how many paths, the conditions on the way) with Clear. Nothing without a store (a panel on its own).
 */
export function PathTools({ label }: { label: string }) {
  const store = useContext(StoreContext);
  return store ? <PathToolsIn store={store} label={label} /> : null;
}

function PathToolsIn({ store, label }: { store: AppStore; label: string }) {
  const selection = useStore(store, (s) => s.selection);
  const view = useStore(store, selectPaths);
  const { showPaths, clearPaths } = store.getState();
  if (selection === undefined) return null;
  const toggle = (kind: PathKind) => void (view?.kind === kind ? clearPaths() : showPaths(kind));
  return (
    <section className="fsp-tools" aria-label="Paths">
      <div className="fsp-buttons">
        {selection !== START_ID && (
          <button type="button" className="fsp-button" aria-pressed={view?.kind === 'to'} onClick={() => toggle('to')}>
            How do we get here?
          </button>
        )}
        <button
          type="button"
          className="fsp-button"
          aria-pressed={view?.kind === 'after'}
          onClick={() => toggle('after')}
        >
          What runs after
        </button>
      </div>
      {view && (
        <div className="fsp-result" role="status" data-testid="path-result">
          <div className="fsp-headline">
            <strong>{pathHeadline(view, label)}</strong>
            <button type="button" className="fsp-clear" onClick={() => void clearPaths()}>
              Clear
            </button>
          </div>
          {view.kind === 'to' && view.reachable && <Conditions conditions={view.conditions} />}
        </div>
      )}
    </section>
  );
}

function Conditions({ conditions }: { conditions: PathCondition[] }) {
  if (conditions.length === 0)
    return <p className="fsp-none">No conditions on the way: every run from Start gets here.</p>;
  return (
    <>
      <p className="fsp-caption">On the way, from Start:</p>
      <ol className="fsp-conditions" aria-label="Conditions on the way">
        {conditions.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one element can hold several lines (two outcomes taken).
          <li key={`${c.node}:${i}`} className={`fsp-condition fsp-${c.kind}`} title={c.text}>
            <span className="fsp-subject">{c.subject}</span>
            {c.branch && (
              <>
                {' → '}
                <em className="fsp-branch">{c.branch}</em>
              </>
            )}
            {(c.logic || c.conditions.length > 0 || c.note) && ': '}
            {c.logic && <span className="fsp-logic">{c.logic}</span>}
            {c.logic && c.note && ' '}
            {c.conditions.length === 1 && c.conditions[0] && <Part part={c.conditions[0]} />}
            {c.conditions.length > 1 && (
              <ol className="fsp-parts">
                {c.conditions.map((p, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: conditions are numbered by their place.
                  <li key={j}>
                    <Part part={p} />
                  </li>
                ))}
              </ol>
            )}
            {c.note && <span className="fsp-note">{c.note}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** "`$Record.Amount` Greater Than 500,000": the resource as code, the rest as words. */
function Part({ part }: { part: ConditionPart }) {
  return (
    <span className="fsp-part">
      <code>{part.left}</code> {part.operator}
      {part.value !== undefined && <span className="fsp-value"> {part.value}</span>}
    </span>
  );
}
