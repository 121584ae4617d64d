/**
 * Interviews placed on what is on screen, as the cards and the Runtime panel show them: the groups by element
 * (and "elsewhere"), and each element's card note ("‖ 12 paused · ✖ 2 error": a mark and a word per status,
 * never colour alone; statuses in the records' words, lower-cased on the card).
 */
import type { FlowGraph } from '../model/graph';
import { type Interview, placeInterviews, statusCounts } from '../model/runtime';
import type { FlowDoc } from '../model/types';
import type { CardNote, CardNotes } from './cardNotes';
import type { InterviewGroup, RuntimeOverlay, RuntimeSource } from './runtimeTypes';

/** The mark a status is told by beside its word (glyphs common fonts have): ✖ error, ‖ paused or waiting, ▶ running, ✔ finished. */
export function statusMark(status: string): string {
  if (/error|fail/i.test(status)) return '✖';
  if (/paus|wait/i.test(status)) return '‖';
  if (/finish|complete|success/i.test(status)) return '✔';
  if (/start|run|progress/i.test(status)) return '▶';
  return '•';
}

const count = (n: number) => n.toLocaleString('en-US');
/** Statuses past this many are summed up on the card as "+ 3 more" (the tooltip and the panel name them). */
const CARD_STATUSES = 3;

/** One element's card note: "‖ 12 paused · ✖ 2 error", its tooltip the full words. */
export function noteOf(group: InterviewGroup): CardNote {
  const word = (s: string) => s.toLowerCase() || 'no status';
  const [first, ...others] = group.counts.slice(0, CARD_STATUSES);
  const rest = group.counts.slice(CARD_STATUSES).reduce((sum, [, n]) => sum + n, 0);
  const text = [
    first ? `${count(first[1])} ${word(first[0])}` : '',
    ...others.map(([s, n, mark]) => `${mark} ${count(n)} ${word(s)}`),
    ...(rest > 0 ? [`+ ${count(rest)} more`] : []),
  ].join(' · ');
  const n = group.interviews.length;
  const all = group.counts.map(([s, k]) => `${count(k)} ${s || 'with no status'}`).join(', ');
  return {
    key: 'runtime',
    mark: first?.[2] ?? '•',
    text,
    title: `${count(n)} interview${n === 1 ? '' : 's'} at this element: ${all}`,
    tone: group.counts.some(([, , mark]) => mark === '✖') ? 'error' : 'info',
  };
}

const groupOf = (
  element: string,
  interviews: Interview[],
  nodeId?: string,
  label?: string,
  before?: InterviewGroup['before'],
): InterviewGroup => ({
  element,
  ...(nodeId === undefined ? {} : { nodeId }),
  ...(label === undefined ? {} : { label }),
  ...(before === undefined ? {} : { before }),
  counts: [...statusCounts(interviews)].map(([s, n]) => [s, n, statusMark(s)]),
  interviews,
});

export interface OverlayOptions {
  /** At most this many interviews are placed. */
  cap: number;
  /** How many the source said there are (a query's totalSize). */
  total: number | undefined;
  /** The text is one page of a longer query (`done: false`). */
  page: boolean;
  /**
   * In a comparison: the union nodes of elements only the before version has, by their before API name
   * (`beforeNodesOf`), so interviews still standing there are drawn on them rather than "elsewhere".
   */
  beforeOnly?: ReadonlyMap<string, BeforeNode>;
}

/** A union node of an element the after version lacks under its before name. */
export interface BeforeNode {
  nodeId: string;
  label: string;
  status: 'removed' | 'renamed';
}

/** A comparison's union nodes that stand for a before-version name the after version lacks (removed, renamed). */
export function beforeNodesOf(
  nodes: readonly { id: string; label: string; status: string; beforeId?: string }[],
): Map<string, BeforeNode> {
  const out = new Map<string, BeforeNode>();
  for (const n of nodes)
    if ((n.status === 'removed' || n.status === 'renamed') && n.beforeId !== undefined && !out.has(n.beforeId))
      out.set(n.beforeId, { nodeId: n.id, label: n.label, status: n.status });
  return out;
}

/** "Showing the first 2,000 of 50,000 interviews", or why the count is partial; undefined when all are here. */
function capNoteOf(shown: number, total: number, page: boolean): string | undefined {
  if (shown >= total)
    return page ? 'This is one page of a longer query: the rest of its interviews are not here.' : undefined;
  return `Showing the first ${count(shown)} of ${count(total)} interviews${
    page ? ' (this text is one page of a longer query)' : ''
  }.`;
}

/**
 * Interviews on a flow's elements (a comparison: its after version, drawn on the union graph, and with
 * `beforeOnly` those at elements only the before version has on their removed or renamed nodes).
 */
export function overlayOf(
  doc: FlowDoc,
  graph: FlowGraph,
  all: readonly Interview[],
  source: RuntimeSource,
  options: OverlayOptions,
): { runtime: RuntimeOverlay; notes: CardNotes } {
  const interviews = all.length > options.cap ? all.slice(0, options.cap) : all;
  const placement = placeInterviews(doc, interviews);
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label] as const));
  const groups: InterviewGroup[] = [];
  const elsewhere: InterviewGroup[] = [];
  const notes = new Map<string, CardNote[]>();
  for (const [name, list] of placement.elements) {
    // An element's node id is its API name (the first of a repeated name, as the graph names it).
    const label = labels.get(name);
    if (label === undefined) {
      elsewhere.push(groupOf(name, list));
      continue;
    }
    const group = groupOf(name, list, name, label);
    groups.push(group);
    notes.set(name, [noteOf(group)]);
  }
  const gone: InterviewGroup[] = [];
  for (const [name, list] of placement.elsewhere) {
    const at = name === '' ? undefined : options.beforeOnly?.get(name);
    if (!at) {
      elsewhere.push(groupOf(name, list));
      continue;
    }
    const group = groupOf(name, list, at.nodeId, at.label, at.status);
    gone.push(group);
    const note = noteOf(group);
    const where = at.status === 'removed' ? 'removed in the after version' : 'renamed in the after version';
    // A renamed node may hold the after name's interviews too: both notes on its card.
    notes.set(at.nodeId, [...(notes.get(at.nodeId) ?? []), { ...note, title: `${note.title} (an element ${where})` }]);
  }
  groups.push(...gone);
  const total = Math.max(options.total ?? all.length, all.length);
  const capNote = capNoteOf(interviews.length, total, options.page);
  return {
    runtime: { source, groups, elsewhere, shown: interviews.length, total, ...(capNote ? { capNote } : {}) },
    notes,
  };
}
