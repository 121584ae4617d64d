import { useState } from 'react';
import { SEVERITIES, SEVERITY_MARK, severityWord } from './severity';
import type { Finding, Rule, RuleId, Severity } from '../../state/store';
import './checks.css';

/** A severity by mark and word (and colour, never colour alone). */
export function SeverityTag({ severity }: { severity: Severity }) {
  return (
    <span className={`check-sev check-sev-${severity}`}>
      <span aria-hidden="true">{SEVERITY_MARK[severity]}</span> {severityWord(severity)}
    </span>
  );
}

/** Why a rule matters and how to fix it, behind a disclosure. */
export function RuleHelp({ rule }: { rule: Rule }) {
  return (
    <details className="check-help">
      <summary>About this rule</summary>
      <p>{rule.summary}</p>
      <p>{rule.help}</p>
    </details>
  );
}

/** What a finding without an element is about: a resource, or the flow itself. */
const aboutWhat = (f: Finding) => (f.element === '' ? 'the flow' : `resource ${f.element}`);

/** One finding: a button that selects its element, or its words alone for a resource or the flow. */
export function FindingRow({
  finding,
  current,
  onSelect,
  prefix,
}: {
  finding: Finding;
  current?: boolean;
  onSelect: (node: string) => void;
  prefix?: string;
}) {
  const node = finding.node;
  const text = (
    <span className="check-message">
      {prefix ? <strong>{prefix} </strong> : null}
      {finding.message}
    </span>
  );
  if (node === undefined)
    return (
      <span className="check-finding is-static">
        {text}
        <span className="check-about muted"> · {aboutWhat(finding)}</span>
      </span>
    );
  return (
    <button
      type="button"
      className="check-finding"
      aria-current={current ? 'true' : undefined}
      onClick={() => onSelect(node)}
      title="Select this element on the canvas"
    >
      {text}
    </button>
  );
}

/** A rule's findings drawn at first: a flow of thousands of elements can have hundreds of one rule. */
export const SHOWN = 50;

/** Findings grouped by rule, in the rule table's order: each group's severity, name, count and help. */
export function FindingGroups({
  findings,
  rules,
  selection,
  onSelect,
}: {
  findings: readonly Finding[];
  rules: readonly Rule[];
  selection?: string;
  onSelect: (node: string) => void;
}) {
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const order = new Map(rules.map((r, i) => [r.id, i]));
  const groups = [...byRule].sort(([a], [b]) => (order.get(a) ?? rules.length) - (order.get(b) ?? rules.length));
  return (
    <>
      {groups.map(([id, list]) => {
        const rule = rules.find((r) => r.id === id);
        // A rule's findings share its configured severity; the worst leads if they ever differ.
        const severity = SEVERITIES.find((s) => list.some((f) => f.severity === s)) ?? 'note';
        return (
          <RuleGroup
            key={id}
            id={id}
            rule={rule}
            severity={severity}
            list={list}
            selection={selection}
            onSelect={onSelect}
          />
        );
      })}
    </>
  );
}

function RuleGroup({
  id,
  rule,
  severity,
  list,
  selection,
  onSelect,
}: {
  id: RuleId;
  rule: Rule | undefined;
  severity: Severity;
  list: readonly Finding[];
  selection: string | undefined;
  onSelect: (node: string) => void;
}) {
  const [all, setAll] = useState(false);
  const name = rule?.name ?? id;
  const shown = all ? list : list.slice(0, SHOWN);
  return (
    <section className="check-group" aria-label={name} data-rule={id}>
      <h3 className="check-group-title">
        <SeverityTag severity={severity} /> <span className="check-rule-name">{name}</span>{' '}
        <span className="muted">({list.length})</span>
      </h3>
      {rule && <RuleHelp rule={rule} />}
      <ul className="check-findings">
        {shown.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a rule may find one element twice (two loops)
          <li key={`${f.element}:${f.detail ?? ''}:${i}`}>
            <FindingRow finding={f} current={f.node !== undefined && f.node === selection} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {shown.length < list.length && (
        <button type="button" className="check-more-button" onClick={() => setAll(true)}>
          Show all {list.length}
        </button>
      )}
    </section>
  );
}
