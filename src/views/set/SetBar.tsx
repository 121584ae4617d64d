import { selectSetFlowShown } from '../../state/setShown';
import { selectFlow } from '../../state/store';
import { useApp } from '../storeContext';
import { count } from './setWords';
import './set.css';

/**
 * Under the header while one of the set's flows is on screen: the way back — the set's list, then each flow
 * opened on the way (a subflow drilled into adds one) — and Close set.
 */
export function SetBar() {
  const set = useApp((s) => s.set);
  const showSetList = useApp((s) => s.showSetList);
  const setBreadcrumb = useApp((s) => s.setBreadcrumb);
  const closeSet = useApp((s) => s.closeSet);
  // A flow opened from elsewhere over the set's (a sample, a file, a paste) or a comparison: every crumb
  // leads back, and what is on screen is named as not the set's.
  const setFlowShown = useApp(selectSetFlowShown) !== undefined;
  const shown = useApp((s) => (s.comparison ? undefined : selectFlow(s)?.doc));
  if (!set) return null;
  const flows = set.summary?.flows;
  const labelOf = (name: string) => flows?.find((f) => f.name === name)?.label || name;
  return (
    <div className="set-bar">
      <nav aria-label="Flow set" className="set-crumbs">
        <ol>
          <li>
            <button type="button" className="set-link" onClick={showSetList}>
              Set {set.source.name}
              {flows ? ` (${count(flows.length, 'flow')})` : ''}
            </button>
          </li>
          {set.path.map((name, i) => {
            const last = setFlowShown && i === set.path.length - 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a flow may be on the path twice (A calls B calls A)
              <li key={i}>
                <span className="set-crumb-sep" aria-hidden="true">
                  ›
                </span>
                {last ? (
                  <span aria-current="page" className="set-crumb-current" title={name}>
                    {labelOf(name)}
                  </span>
                ) : (
                  <button type="button" className="set-link" title={name} onClick={() => void setBreadcrumb(i)}>
                    {labelOf(name)}
                  </button>
                )}
              </li>
            );
          })}
          {!setFlowShown && shown && (
            <li>
              <span className="set-crumb-sep" aria-hidden="true">
                ›
              </span>
              <span aria-current="page" className="set-crumb-current" title={shown.name}>
                {shown.label || shown.name}
              </span>{' '}
              <span className="set-muted set-crumb-note">(not from this set)</span>
            </li>
          )}
        </ol>
      </nav>
      <button type="button" className="set-button" onClick={closeSet}>
        Close set
      </button>
    </div>
  );
}
