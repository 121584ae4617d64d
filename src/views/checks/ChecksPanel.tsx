import { useEffect, useMemo, useState } from 'react';
import { SEVERITIES, severityCount } from './severity';
import { selectSelection, type Finding, type Rule, type Severity } from '../../state/store';
import { useApp } from '../storeContext';
import { CheckSettings } from './CheckSettings';
import { FindingGroups } from './FindingGroups';
import './checks.css';

export { FindingRow, SeverityTag, SHOWN } from './FindingGroups';

type SeverityFilter = Severity | 'all';
const FILTER_WORDS: Readonly<Record<SeverityFilter, string>> = {
  all: 'All severities',
  error: 'Errors',
  warning: 'Warnings',
  note: 'Notes',
};

/** Whether a finding's words, element or rule contain the filter text (case-insensitive). */
function matches(f: Finding, rules: readonly Rule[], needle: string): boolean {
  if (needle === '') return true;
  const rule = rules.find((r) => r.id === f.rule);
  return [f.message, f.element, f.rule, rule?.name ?? ''].some((t) => t.toLowerCase().includes(needle));
}

/** The Checks tab: what the review checks found on the flow, by rule, filterable; a click selects the element. */
export function ChecksPanel() {
  const checks = useApp((s) => s.checks);
  const rules = useApp((s) => s.checkRules);
  const prepare = useApp((s) => s.prepareChecks);
  const selectFinding = useApp((s) => s.selectFinding);
  const selection = useApp(selectSelection);
  const [filter, setFilter] = useState('');
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    prepare().then(
      () => setFailed(undefined),
      (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)),
    );
  }, [prepare]);
  const needle = filter.trim().toLowerCase();
  const shown = useMemo(
    () => checks.findings.filter((f) => (severity === 'all' || f.severity === severity) && matches(f, rules, needle)),
    [checks.findings, rules, severity, needle],
  );
  const counts = SEVERITIES.map((s) => [s, checks.findings.filter((f) => f.severity === s).length] as const);
  const total = checks.findings.length;
  const off = rules.length - checks.ran;
  return (
    <section className="checks-panel" aria-label="Checks">
      {failed ? (
        <p className="notice">The checks could not be loaded: {failed}</p>
      ) : checks.status === 'idle' ? (
        <p className="muted checks-status">Checking…</p>
      ) : checks.status === 'error' ? (
        <p className="notice">The checks could not run: {checks.error}</p>
      ) : total === 0 ? (
        <p className="checks-empty">
          <strong>No findings</strong> — {checks.ran} rule{checks.ran === 1 ? '' : 's'} ran
          {off > 0 ? `, ${off} switched off` : ''}.
        </p>
      ) : (
        <>
          <p className="checks-summary">
            {counts
              .filter(([, n]) => n > 0)
              .map(([s, n]) => severityCount(s, n))
              .join(', ')}{' '}
            <span className="muted">
              · {checks.ran} rule{checks.ran === 1 ? '' : 's'} ran{off > 0 ? `, ${off} off` : ''}
            </span>
          </p>
          <div className="checks-controls">
            <input
              type="search"
              aria-label="Filter findings"
              placeholder="Filter findings"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <select
              aria-label="Severity"
              value={severity}
              onChange={(e) => setSeverity(e.target.value as SeverityFilter)}
            >
              <option value="all">{FILTER_WORDS.all}</option>
              {counts.map(([s, n]) => (
                <option key={s} value={s}>
                  {FILTER_WORDS[s]} ({n})
                </option>
              ))}
            </select>
          </div>
          {shown.length === 0 && <p className="muted checks-status">No findings match.</p>}
          <FindingGroups findings={shown} rules={rules} selection={selection} onSelect={selectFinding} />
        </>
      )}
      {rules.length > 0 && <CheckSettings rules={rules} />}
    </section>
  );
}
