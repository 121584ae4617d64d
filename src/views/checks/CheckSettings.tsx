import { SEVERITIES, severityWord } from './severity';
import type { Rule, Severity } from '../../state/store';
import { useApp } from '../storeContext';
import { RuleHelp } from './FindingGroups';

/** Every rule switched on or off and given a severity; remembered in this browser, the checks run again at once. */
export function CheckSettings({ rules }: { rules: readonly Rule[] }) {
  const settings = useApp((s) => s.checkSettings);
  const setRule = useApp((s) => s.setCheckRule);
  const reset = useApp((s) => s.resetCheckRules);
  const changed = settings.size;
  return (
    <details className="check-settings">
      <summary>
        Settings{' '}
        <span className="muted">
          {changed > 0 ? `(${changed} rule${changed === 1 ? '' : 's'} changed)` : '(every rule at its default)'}
        </span>
      </summary>
      <p className="muted">Remembered in this browser.</p>
      <ul className="check-rules">
        {rules.map((rule) => {
          const s = settings.get(rule.id);
          const on = s?.enabled !== false;
          const severity = s?.severity ?? rule.severity;
          return (
            <li key={rule.id} data-rule={rule.id}>
              <div className="check-rule-row">
                <label className="check-rule-on">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) => void setRule(rule.id, { enabled: e.target.checked })}
                  />{' '}
                  {rule.name}
                </label>
                <select
                  aria-label={`Severity of ${rule.name}`}
                  value={severity}
                  disabled={!on}
                  onChange={(e) => void setRule(rule.id, { severity: e.target.value as Severity })}
                >
                  {SEVERITIES.map((v) => (
                    <option key={v} value={v}>
                      {severityWord(v)}
                      {v === rule.severity ? ' (default)' : ''}
                    </option>
                  ))}
                </select>
              </div>
              <RuleHelp rule={rule} />
            </li>
          );
        })}
      </ul>
      <button type="button" className="check-reset" disabled={changed === 0} onClick={() => void reset()}>
        Back to the defaults
      </button>
    </details>
  );
}
