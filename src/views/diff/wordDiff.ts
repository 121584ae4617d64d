import type { Value } from '../../model/types';

/**
 * A value as readable text: strings as they are, objects as `key: value` lines (nested indented), lists one item a
 * line.
 */
export function valueText(v: Value | undefined, indent = ''): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  // A list item that is an object starts on its dash line, like YAML: "- field: x\n  operator: y".
  if (Array.isArray(v))
    return v
      .map((item) =>
        typeof item === 'string'
          ? `${indent}- ${item}`
          : `${indent}- ${valueText(item, `${indent}  `).slice(indent.length + 2)}`,
      )
      .join('\n');
  return Object.entries(v)
    .map(([k, x]) => (typeof x === 'string' ? `${indent}${k}: ${x}` : `${indent}${k}:\n${valueText(x, `${indent}  `)}`))
    .join('\n');
}

export interface Piece {
  text: string;
  /** `same` in both, `del` only before, `add` only after. */
  op: 'same' | 'del' | 'add';
}

// Words, runs of spaces, and single punctuation marks: formulas and conditions diff at the token a reader sees.
const TOKEN = /[\p{L}\p{N}_$.]+|\s+|[^\p{L}\p{N}_$.\s]/gu;
/** Beyond this many token pairs the longest-common-subsequence table costs more than it tells. */
const MAX_CELLS = 400_000;

/** Word-level diff of two texts (longest common subsequence over tokens); whole-value replacement when too long. */
export function wordDiff(before: string, after: string): Piece[] {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  // Trim the common head and tail first: most edits to long formulas touch a few words in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const middle: Piece[] = [];
  if (am.length * bm.length > MAX_CELLS) {
    middle.push({ text: am.join(''), op: 'del' }, { text: bm.join(''), op: 'add' });
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      const row = lcs[i] as Uint32Array;
      const below = lcs[i + 1] as Uint32Array;
      for (let j = m - 1; j >= 0; j--)
        row[j] = am[i] === bm[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        middle.push({ text: am[i] as string, op: 'same' });
        i++;
        j++;
      } else if (
        j < m &&
        (i === n || ((lcs[i] as Uint32Array)[j + 1] as number) >= ((lcs[i + 1] as Uint32Array)[j] as number))
      ) {
        middle.push({ text: bm[j++] as string, op: 'add' });
      } else middle.push({ text: am[i++] as string, op: 'del' });
    }
  }
  const pieces = [
    { text: a.slice(0, head).join(''), op: 'same' as const },
    ...middle,
    { text: a.slice(a.length - tail).join(''), op: 'same' as const },
  ];
  // Merge neighbours with the same op so the page gets a few spans, not one per token.
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** The before side of a diff (same + del) and the after side (same + add) as text: for tests and copy. */
export const sideText = (pieces: Piece[], side: 'before' | 'after') =>
  pieces
    .filter((p) => p.op === 'same' || p.op === (side === 'before' ? 'del' : 'add'))
    .map((p) => p.text)
    .join('');
