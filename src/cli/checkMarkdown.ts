/**
 * Findings as Markdown (issue 15): `flowscope check --md`, a summary for a PR comment (findings by severity, each
 * naming its flow and element), and the "Checks" section `diff --md` and `pr` put before the changes (the
 * findings a change introduces, then how many it fixes). Flow text is untrusted: everything is escaped (mdText).
 */
import { type CheckComparison, type Finding, ruleOf, type SetEntry, type Severity } from '../index';
import { mdText } from './diffMarkdown';

/** Severity by mark and word, never by colour alone. */
export const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', note: 'ℹ' };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
const WORD: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  note: ['note', 'notes'],
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ruleName = (f: Finding) => ruleOf(f.rule)?.name ?? f.rule;
const code = (s: string) => (/^[\w.$~-]{1,200}$/.test(s) ? `\`${s}\`` : mdText(s));

interface Checked {
  entry: Pick<SetEntry, 'file' | 'name' | 'doc'>;
  findings: readonly Finding[];
}

/** `check --md`: a count line, then a table per severity (errors first), at most `maxRows` rows each. */
export function checkMarkdown(checked: readonly Checked[], maxRows = 200): string {
  const all = checked.flatMap((c) => c.findings.map((f) => ({ c, f })));
  const flagged = checked.filter((c) => c.findings.length > 0).length;
  const flows = plural(checked.length, 'flow');
  const out = [`### Flowscope checks: ${plural(all.length, 'finding')} in ${flagged} of ${flows}`, ''];
  if (all.length === 0) return [...out, `No findings in ${flows}.`, ''].join('\n');
  out.push(
    SEVERITIES.map((s) => {
      const n = all.filter((x) => x.f.severity === s).length;
      return `${SEVERITY_MARK[s]} ${plural(n, ...WORD[s])}`;
    }).join(' · '),
    '',
  );
  for (const s of SEVERITIES) {
    const rows = all.filter((x) => x.f.severity === s);
    if (rows.length === 0) continue;
    const [, many] = WORD[s];
    out.push(`#### ${SEVERITY_MARK[s]} ${many[0]?.toUpperCase()}${many.slice(1)}`, '');
    out.push('| Flow | Element | Rule | Finding |', '|---|---|---|---|');
    for (const { c, f } of rows.slice(0, maxRows))
      out.push(
        `| **${mdText(c.entry.doc.label || c.entry.name)}**<br>${mdText(c.entry.file)} | ` +
          `${f.element ? code(f.element) : '(the flow)'} | ${mdText(ruleName(f))} | ${mdText(f.message)} |`,
      );
    if (rows.length > maxRows) out.push('', `_… and ${rows.length - maxRows} more._`);
    out.push('');
  }
  return out.join('\n');
}

/** One finding on a line: "✖ DML statement in a loop — Update Contact (Update_Contact) runs inside …". */
export const findingLine = (f: Finding, flow?: string): string =>
  `${SEVERITY_MARK[f.severity]} **${mdText(ruleName(f))}** — ${flow ? `${mdText(flow)}: ` : ''}${mdText(f.message)}`;

/**
 * The "Checks" section before a comparison's changes: the introduced findings (at most `max`), then the fixed
 * and remaining counts. Empty when the comparison has none of the three.
 */
export function comparisonMarkdown(flows: readonly { flow?: string; checks: CheckComparison }[], max = 30): string[] {
  const introduced = flows.flatMap((x) => x.checks.introduced.map((f) => ({ f, flow: x.flow })));
  const fixed = flows.reduce((n, x) => n + x.checks.fixed.length, 0);
  const remaining = flows.reduce((n, x) => n + x.checks.remaining.length, 0);
  if (introduced.length + fixed + remaining === 0) return [];
  introduced.sort((a, b) => weight(b.f) - weight(a.f));
  const out = ['**Checks**', ''];
  if (introduced.length > 0) {
    out.push(`${plural(introduced.length, 'new finding')}:`, '');
    for (const { f, flow } of introduced.slice(0, max)) out.push(`- ${findingLine(f, flow)}`);
    if (introduced.length > max) out.push(`- _… and ${introduced.length - max} more._`);
    out.push('');
  } else out.push('No new findings.', '');
  const rest = [
    fixed > 0 ? `${plural(fixed, 'finding')} fixed` : '',
    remaining > 0 ? `${plural(remaining, 'finding')} still there` : '',
  ].filter(Boolean);
  if (rest.length > 0) out.push(`_${rest.join(' · ')}._`, '');
  return out;
}

const weight = (f: Finding) => (f.severity === 'error' ? 3 : f.severity === 'warning' ? 2 : 1);
