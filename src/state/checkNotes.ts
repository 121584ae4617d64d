/**
 * The checks' findings as card notes (issue 15): one note per element with findings — "✖ 1 error",
 * "⚠ 2 warnings", "✖ 1 error · 1 note" — marked and toned by the worst severity (a mark and words, never colour
 * alone), its tooltip every finding's message, worst first.
 */
import type { CardNote, CardNotes } from './cardNotes';
import type { Finding, Severity } from './checkTypes';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
/** Each severity's mark: told apart by shape and word, never by colour alone. */
export const SEVERITY_MARK: Readonly<Record<Severity, string>> = { error: '✖', warning: '⚠', note: 'ℹ' };
const WORDS: Readonly<Record<Severity, [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  note: ['note', 'notes'],
};

/** "1 error", "2 warnings". */
export const severityCount = (severity: Severity, n: number) => `${n} ${WORDS[severity][n === 1 ? 0 : 1]}`;
/** "Error", "Warning", "Note". */
export const severityWord = (severity: Severity) => `${severity[0]?.toUpperCase()}${severity.slice(1)}`;

/** "2 errors", "1 new error", "2 errors (1 new)". */
function countText(severity: Severity, n: number, fresh: number): string {
  if (fresh === 0) return severityCount(severity, n);
  if (fresh === n) return `${n} new ${WORDS[severity][n === 1 ? 0 : 1]}`;
  return `${severityCount(severity, n)} (${fresh} new)`;
}

/**
 * The notes of the elements the findings are about (findings without a node — a resource, the flow — make
 * none). `introduced`: the findings a comparison's change brought, said "new".
 */
export function checkNotesOf(findings: readonly Finding[], introduced?: ReadonlySet<Finding>): CardNotes {
  const byNode = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.node === undefined) continue;
    const list = byNode.get(f.node);
    if (list) list.push(f);
    else byNode.set(f.node, [f]);
  }
  const notes = new Map<string, readonly CardNote[]>();
  for (const [node, list] of byNode) {
    const parts: string[] = [];
    let worst: Severity | undefined;
    for (const severity of SEVERITIES) {
      const of = list.filter((f) => f.severity === severity);
      if (of.length === 0) continue;
      worst ??= severity;
      parts.push(countText(severity, of.length, of.filter((f) => introduced?.has(f)).length));
    }
    if (!worst) continue;
    const sorted = [...list].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    const line = (f: Finding) => `${introduced?.has(f) ? `New ${f.severity}` : severityWord(f.severity)}: ${f.message}`;
    const title = sorted.map(line).join('\n');
    notes.set(node, [{ key: 'checks', mark: SEVERITY_MARK[worst], text: parts.join(' · '), title, tone: worst }]);
  }
  return notes;
}
