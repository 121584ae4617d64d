/**
 * The checks' findings as card notes (issue 15): one note per element with findings — "✖ 1 error",
 * "⚠ 2 warnings", in a comparison "✖ 1 new" (the after version) or "✔ 1 fixed" (the before version) — marked and
 * toned by the worst severity (a mark and words, never colour alone), its tooltip every finding's message, worst
 * (and in a comparison, new or fixed) first.
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

/** A finding the change fixed, on the before version's card. */
export const FIXED_MARK = '✔';

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
function cardWords(list: readonly Finding[], introduced?: ReadonlySet<Finding>, fixed?: ReadonlySet<Finding>) {
  const fresh = introduced ? list.filter((f) => introduced.has(f)) : [];
  // The before version: what the change fixed leads, by a mark of its own ("✔ 1 fixed"), as "new" does after.
  const gone = fresh.length === 0 && fixed ? list.filter((f) => fixed.has(f)) : [];
  if (gone.length > 0) return { worst: 'note' as const, mark: FIXED_MARK, text: `${gone.length} fixed` };
  const counted = fresh.length > 0 ? fresh : list;
  const worst = SEVERITIES.find((s) => counted.some((f) => f.severity === s)) ?? 'note';
  const n = counted.filter((f) => f.severity === worst).length;
  const word = WORDS[worst][n === 1 ? 0 : 1];
  const text = fresh.length === 0 ? `${n} ${word}` : `${n} new`;
  return { worst, mark: SEVERITY_MARK[worst], text };
}

/**
 * The notes of the elements the findings are about (findings without a node — a resource, the flow — make
 * none). `introduced`: the findings a comparison's change brought, said "new"; `fixed`: on the before version's
 * findings, the ones the change took away, said "fixed".
 */
export function checkNotesOf(
  findings: readonly Finding[],
  introduced?: ReadonlySet<Finding>,
  fixed?: ReadonlySet<Finding>,
): CardNotes {
  const byNode = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.node === undefined) continue;
    const list = byNode.get(f.node);
    if (list) list.push(f);
    else byNode.set(f.node, [f]);
  }
  const notes = new Map<string, readonly CardNote[]>();
  const marked = (f: Finding) => introduced?.has(f) || fixed?.has(f);
  const rank = (f: Finding) => (marked(f) ? 0 : 3) + SEVERITIES.indexOf(f.severity);
  const word = (f: Finding) =>
    introduced?.has(f) ? `New ${f.severity}` : fixed?.has(f) ? `Fixed ${f.severity}` : severityWord(f.severity);
  const line = (f: Finding) => `${word(f)}: ${f.message}`;
  for (const [node, list] of byNode) {
    const { worst, mark, text } = cardWords(list, introduced, fixed);
    const title = [...list]
      .sort((a, b) => rank(a) - rank(b))
      .map(line)
      .join('\n');
    notes.set(node, [{ key: 'checks', mark, text, title, tone: worst }]);
  }
  return notes;
}
