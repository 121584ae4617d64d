import { useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../../state/store';
import { formatValue } from '../../describe/values';
import type { SetFlow } from '../../model/set';
import type { BindingRow, SubflowBinding } from '../../model/setTypes';
import { subflowBinding } from '../../model/subflow';
import { str, type FlowElement } from '../../model/types';
import { StoreContext } from '../storeContext';
import { parameterWords } from './setWords';
import './set.css';

export interface SubflowCallProps {
  /** The selected Subflow element. */
  element: FlowElement;
  /** The binding to show instead of working it out from the set (tests). */
  binding?: SubflowBinding;
}

/**
 * A Subflow element in a set: what the called flow declares beside what this element passes and takes
 * back, an input the callee does not declare flagged, and the way into the callee. Nothing without a set.
 */
export function SubflowCall(props: SubflowCallProps) {
  // The details panel is also drawn on its own (docs, tests): without a store there is no set.
  const store = useContext(StoreContext);
  return store ? <InSet store={store} {...props} /> : null;
}

function InSet({ element, binding: given, store }: SubflowCallProps & { store: AppStore }) {
  const flows = useStore(store, (s) => (s.set?.status === 'ready' ? s.set.summary?.flows : undefined));
  const openSetFlow = useStore(store, (s) => s.openSetFlow);
  const name = str(element.data.flowName) ?? '';
  const callee = useMemo(() => flows?.find((f) => f.name === name), [flows, name]);
  const binding = useMemo(() => given ?? subflowBinding(element, callee), [given, element, callee]);
  if (!flows && !given) return null;
  return <CallSection binding={binding} callee={callee} onOpen={() => void openSetFlow(name, { from: 'drill' })} />;
}

function CallSection({
  binding,
  callee,
  onOpen,
}: {
  binding: SubflowBinding;
  callee: SetFlow | undefined;
  onOpen: () => void;
}) {
  const label = callee?.label || binding.callee;
  if (!binding.resolved)
    return (
      <section className="fsd-section set-call" aria-label="Called flow">
        <h3 className="fsd-section-title">Called flow</h3>
        <p className="set-flag-note">
          <span className="set-flag" aria-hidden="true">
            ⚑
          </span>{' '}
          <code className="set-mono">{binding.callee || '(no flow name)'}</code> is not in this set.
        </p>
      </section>
    );
  return (
    <section className="fsd-section set-call" aria-label="Called flow">
      <h3 className="fsd-section-title">
        Calls {label} <code className="set-mono">({binding.callee})</code>
      </h3>
      <BindingTable title="Inputs" rows={binding.inputs} callee={label} what="input" />
      {binding.notPassed.length > 0 && (
        <p className="set-not-passed">
          <span className="fsd-muted">Not passed: </span>
          {binding.notPassed.map((p, i) => (
            <span key={p.name}>
              {i > 0 && ', '}
              <code className="set-mono">{p.name}</code> <span className="fsd-muted">({parameterWords(p)})</span>
            </span>
          ))}
        </p>
      )}
      {binding.automaticOutputs ? (
        <p className="fsd-muted">Outputs: stored automatically in a variable named after this element.</p>
      ) : (
        <BindingTable title="Outputs" rows={binding.outputs} callee={label} what="output" />
      )}
      <button type="button" className="fsd-toggle set-open-callee" onClick={onOpen}>
        Open {label} ▸
      </button>
    </section>
  );
}

function BindingTable(props: { title: string; rows: BindingRow[]; callee: string; what: 'input' | 'output' }) {
  const { title, rows, callee, what } = props;
  return (
    <div className="set-binding">
      <h4 className="set-binding-title">{title}</h4>
      {rows.length === 0 ? (
        <p className="fsd-muted">None {what === 'input' ? 'passed' : 'taken back'}</p>
      ) : (
        <table className="set-mini-table">
          <thead>
            <tr>
              <th scope="col">Callee variable</th>
              <th scope="col">{what === 'input' ? 'Value passed' : 'Stored in'}</th>
              <th scope="col">Declared as</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a caller may pass one name twice
              <tr key={i} className={r.problem ? 'set-problem' : undefined}>
                <td className="set-mono">{r.name}</td>
                <td className="set-mono">{formatValue(r.value) ?? '—'}</td>
                <td>
                  {r.problem === 'undeclared' ? (
                    <span className="set-flag-note">
                      <span className="set-flag" aria-hidden="true">
                        ⚑
                      </span>{' '}
                      Not an {what} of {callee}
                    </span>
                  ) : r.declared ? (
                    parameterWords(r.declared)
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
