/**
 * The checks' findings as card notes (issue 15): one note per element with findings — "✖ 1 error",
 * "⚠ 2 warnings", in a comparison "✖ 1 new" — marked and toned by the worst severity (a mark and words, never colour
 * alone), its tooltip every finding's message, worst (and in a comparison, new) first.
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

/**
 * The card's words, short enough to sit beside the Fault / Go To badges: the worst severity counted — "✖ 1
 * error", "⚠ 2 warnings" (every finding is in the tooltip). In a comparison, what the change introduced leads
 * when it introduced something, said shortest — "✖ 1 new", its severity by the mark (and the tooltip's words) —
 * as a diff badge ("~ Changed") takes the card's other corner.
 */
function cardWords(list: readonly Finding[], introduced?: ReadonlySet<Finding>) {
  const fresh = introduced ? list.filter((f) => introduced.has(f)) : [];
  const counted = fresh.length > 0 ? fresh : list;
  const worst = SEVERITIES.find((s) => counted.some((f) => f.severity === s)) ?? 'note';
  const n = counted.filter((f) => f.severity === worst).length;
  const word = WORDS[worst][n === 1 ? 0 : 1];
  const text = fresh.length === 0 ? `${n} ${word}` : `${n} new`;
  return { worst, text };
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
  const rank = (f: Finding) => (introduced?.has(f) ? 0 : 3) + SEVERITIES.indexOf(f.severity);
  const line = (f: Finding) => `${introduced?.has(f) ? `New ${f.severity}` : severityWord(f.severity)}: ${f.message}`;
  for (const [node, list] of byNode) {
    const { worst, text } = cardWords(list, introduced);
    const title = [...list]
      .sort((a, b) => rank(a) - rank(b))
      .map(line)
      .join('\n');
    notes.set(node, [{ key: 'checks', mark: SEVERITY_MARK[worst], text, title, tone: worst }]);
  }
  return notes;
}
