import type { FlowDiff, NodeDiff, ResourceDiff } from '../model/diff/types';
import { elementIndex, START_ID } from '../model/graph';
import type { FlowDoc } from '../model/types';
import type { ChangeContext, ChangeLine, ChangePart } from './change';
import { plain, type Piece, type Words } from './changeWords';

/**
 * A change line as one sentence of words, the same for `diff --md`, `pr` and the app:
 * "Outcome *Over 1M* → *Over 500K*: condition 1, `$Record.Amount` Greater Than 1,000,000 → 500,000",
 * "Set field values: `Current__c` = False — removed". Names of sub-items are `em` pieces.
 */
export type LinePiece = Piece | { em: string };

export interface LineOptions {
  /** Characters per value before it is cut with "…" (default: no cut). */
  maxValue?: number;
}

export function lineWords(line: ChangeLine, options: LineOptions = {}): LinePiece[] {
  const out: LinePiece[] = [];
  const s = line.subject;
  if (s) {
    out.push(`${s.noun} `);
    if (s.nameBefore !== undefined) out.push({ em: s.nameBefore }, ' → ');
    out.push({ em: s.name });
    if (s.status !== 'changed') out.push(` ${s.status}`);
  }
  // Rows of one section say its title once: "Input values: `A` = 1 — added; `B` = 2 → 3".
  const parts = line.parts
    .map((p, i) =>
      partWords(p, s !== undefined, s?.status, options, p.what !== '' && line.parts[i - 1]?.what === p.what),
    )
    .filter((p) => p.length > 0);
  if (parts.length > 0 && s) out.push(': ');
  for (const [i, p] of parts.entries()) out.push(...(i > 0 ? ['; '] : []), ...p);
  if (out.length === 0) out.push('Changed');
  return out;
}

/** The line as plain text (tests, titles, a screen reader's label). */
export function lineText(line: ChangeLine, options: LineOptions = {}): string {
  return lineWords(line, options)
    .map((p) => (typeof p === 'string' ? p : 'em' in p ? p.em : p.code))
    .join('');
}

function partWords(
  p: ChangePart,
  inSubject: boolean,
  status: string | undefined,
  o: LineOptions,
  sameWhat: boolean,
): LinePiece[] {
  const out: LinePiece[] = [];
  const values = valuesWords(p, status, o);
  if (p.what !== '' && !(sameWhat && values.length > 0)) {
    const what = inSubject && /^[A-Z][a-z]/.test(p.what) ? p.what.charAt(0).toLowerCase() + p.what.slice(1) : p.what;
    out.push(what);
    if (values.length > 0) out.push(inSubject ? ', ' : ': ');
  }
  out.push(...values);
  return out;
}

function valuesWords(p: ChangePart, status: string | undefined, o: LineOptions): Words {
  const cut = (w: Words) => (o.maxValue === undefined ? w : cutWords(w, o.maxValue));
  const { before, after } = p;
  if (before !== undefined && after !== undefined) {
    const [head, b, a] = factor(before, after);
    if (head.length === 0 && o.maxValue !== undefined) {
      // Long texts that start alike: from where they differ, so the cut keeps the change in view.
      const [bb, aa] = fromDifference(before, after, o.maxValue);
      return [...cut(bb), ' → ', ...cut(aa)];
    }
    return [...cut(head), ...cut(b), ' → ', ...cut(a)];
  }
  if (after !== undefined)
    return after.length === 0 ? [] : [...cut(after), ...(status === 'added' ? [] : [' — added'])];
  if (before !== undefined)
    return before.length === 0 ? [] : [...cut(before), ...(status === 'removed' ? [] : [' — removed'])];
  return [];
}

const tokens = (w: Words): Piece[] =>
  w.flatMap((p): Piece[] => (typeof p === 'string' ? p.split(/(\s+)/).filter((t) => t !== '') : [p]));
const same = (x: Piece | undefined, y: Piece | undefined) =>
  x !== undefined && y !== undefined && (typeof x === 'string' ? x === y : typeof y !== 'string' && x.code === y.code);

/** A common head said once: "`$Record.Amount` Greater Than " + "1,000,000" → "500,000". */
export function factor(before: Words, after: Words): [Words, Words, Words] {
  const tb = tokens(before);
  const ta = tokens(after);
  let k = 0;
  while (k < tb.length && k < ta.length && same(tb[k], ta[k])) k++;
  // Cut after a space, and only when both sides keep something and the head says something.
  while (k > 0 && !(typeof tb[k - 1] === 'string' && /^\s+$/.test(tb[k - 1] as string))) k--;
  const head = tb.slice(0, k);
  const single = (t: Piece[]) => t.every((p) => typeof p !== 'string' || !/\s/.test(p));
  // Said once only where it reads: the head names something (`Amount` =), or one word changed.
  const reads = head.some((p) => typeof p !== 'string') || (single(tb.slice(k)) && single(ta.slice(k)));
  if (k === 0 || k >= tb.length || k >= ta.length || plain(head).trim().length < 3 || !reads)
    return [[], before, after];
  return [head, tb.slice(k), ta.slice(k)];
}

function fromDifference(before: Words, after: Words, max: number): [Words, Words] {
  if (plain(before).length <= max && plain(after).length <= max) return [before, after];
  const tb = tokens(before);
  const ta = tokens(after);
  let k = 0;
  while (k < tb.length && k < ta.length && same(tb[k], ta[k])) k++;
  while (k > 0 && !(typeof tb[k - 1] === 'string' && /^\s+$/.test(tb[k - 1] as string))) k--;
  // Keep a few words of context before the first difference.
  let from = k;
  while (from > 0 && plain(tb.slice(from - 1, k)).length < 12) from--;
  if (plain(tb.slice(0, from)).length < max / 3) return [before, after];
  return [
    ['…', ...tb.slice(from)],
    ['…', ...ta.slice(from)],
  ];
}

/** Words cut to `max` characters with "…". */
export function cutWords(w: Words, max: number): Words {
  const out: Words = [];
  let left = max;
  for (const p of w) {
    const text = typeof p === 'string' ? p : p.code;
    if (text.length < left || (text.length === left && p === w[w.length - 1])) {
      out.push(p);
      left -= text.length;
      continue;
    }
    const piece = `${text.slice(0, Math.max(0, left - 1))}…`;
    out.push(typeof p === 'string' ? piece : { code: piece });
    return out;
  }
  return out;
}

/** The data an element's changes are about, on each side: for `describeChanges`. */
export function nodeChangeContext(diff: FlowDiff, before: FlowDoc, after: FlowDoc, n: NodeDiff): ChangeContext {
  if (n.id === START_ID || n.type === 'start') {
    const ctx: ChangeContext = { kind: 'start' };
    if (before.start) ctx.before = before.start;
    if (after.start) ctx.after = after.start;
    return ctx;
  }
  const u = diff.graph.nodes.find((g) => g.id === (n.graphId ?? n.id));
  const beforeId = u?.beforeId ?? (n.status === 'added' ? undefined : (n.renamedFrom ?? n.id));
  const afterId = u?.afterId ?? (n.status === 'removed' ? undefined : n.id);
  const ctx: ChangeContext = { kind: n.type };
  const b = beforeId === undefined ? undefined : elementIndex(before).elements.get(beforeId)?.data;
  const a = afterId === undefined ? undefined : elementIndex(after).elements.get(afterId)?.data;
  if (b) ctx.before = b;
  if (a) ctx.after = a;
  const start = after.start ?? before.start;
  if (start) ctx.start = start;
  return ctx;
}

/** The data a resource's changes are about (`Name#2`: the second resource of that type and name). */
export function resourceChangeContext(r: ResourceDiff, before: FlowDoc, after: FlowDoc): ChangeContext {
  const m = /^(.*)#(\d+)$/.exec(r.id);
  const find = (doc: FlowDoc) => {
    const all = doc.resources.filter((x) => x.type === r.type);
    const exact = all.filter((x) => x.name === r.id);
    if (exact.length > 0 || !m) return exact[0]?.data;
    return all.filter((x) => x.name === m[1])[Number(m[2]) - 1]?.data;
  };
  const ctx: ChangeContext = { kind: r.type };
  const b = find(before);
  const a = find(after);
  if (b) ctx.before = b;
  if (a) ctx.after = a;
  return ctx;
}

/** The flow's own properties on each side. */
export function flowChangeContext(before: FlowDoc, after: FlowDoc): ChangeContext {
  return { kind: 'flow', before: before.properties, after: after.properties };
}
