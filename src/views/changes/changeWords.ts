/** A change set's words (issue 14): its title, a row's status by word and mark, its counts. */
import type { FlowCounts } from '../../model/changeSet';
import type { ChangeRow, ChangeSetState } from '../../state/types';

const n = (x: number) => x.toLocaleString('en-US');

/** "3 changed · 1 added · 40 unchanged": the statuses that have flows, unchanged always. */
export function countsWords(c: FlowCounts): string {
  const parts = (['changed', 'added', 'removed'] as const).filter((k) => c[k] > 0).map((k) => `${n(c[k])} ${k}`);
  return [...parts, `${n(c.unchanged)} unchanged`].join(' · ');
}

/** "PR #12: Title — 3 changed · 1 added · 40 unchanged". */
export function changeTitle(c: ChangeSetState): string {
  if (c.status === 'loading') return `Opening ${c.source.name}…`;
  if (c.status === 'error') return c.source.name;
  return `${c.source.name} — ${countsWords(c.counts)}`;
}

/** The mark beside the word: the status is never told by colour alone. */
export const STATUS_MARK: Record<ChangeRow['status'], string> = {
  added: '+',
  removed: '−',
  changed: '~',
  unchanged: '=',
  pending: '…',
};

export const STATUS_WORD: Record<ChangeRow['status'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  unchanged: 'unchanged',
  pending: 'comparing…',
};

/** A row's element counts: "+2 −1 ~3 renamed 1", or "12 elements" for an added or removed flow. */
export function elementWords(r: ChangeRow): string {
  if (r.summary) {
    const s = r.summary.nodes;
    const moved = s.added + s.removed + s.changed > 0;
    // Renames alone read "4 renamed", not "+0 −0 ~0 4 renamed"; nothing at all (resources or properties changed) "—".
    const parts = moved ? [`+${n(s.added)}`, `−${n(s.removed)}`, `~${n(s.changed)}`] : [];
    if (s.renamed > 0) parts.push(`${n(s.renamed)} renamed`);
    return parts.length > 0 ? parts.join(' ') : '—';
  }
  return r.elements !== undefined ? `${n(r.elements)} element${r.elements === 1 ? '' : 's'}` : '';
}

export const connectorWords = (r: ChangeRow): string =>
  r.summary ? `+${n(r.summary.edges.added)} −${n(r.summary.edges.removed)}` : '';

/** "interface changed — breaking for 3 callers", or a removed flow's "still called by 2 flows". */
export function interfaceWords(r: ChangeRow): string | undefined {
  const callers = new Set(r.callers.map((c) => c.caller)).size;
  if (r.status === 'removed')
    return callers > 0 ? `removed — breaking for ${callers} caller${callers === 1 ? '' : 's'}` : undefined;
  if (r.interface.length === 0) return undefined;
  return callers > 0
    ? `interface changed — breaking for ${callers} caller${callers === 1 ? '' : 's'}`
    : 'interface changed — no caller in the head set';
}
