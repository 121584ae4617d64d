/**
 * Search across a flow set (issue 13): a fast case-insensitive substring search over what each flow offers to
 * search (setSearchEntries.ts). Pure; the set worker builds one per set, a flow at a time as it parses them.
 *
 * Speed: every entry's text is lowercased once, into one string (entries separated by NUL) that a search
 * scans with `indexOf`, mapping each match to its entry with the entries' start offsets. A search is then
 * one pass over the set's text, whatever the number of flows (bench/set.ts measures it).
 */
import { collect } from './setSearchEntries';
import type { SearchGroup, SearchHit, SearchKind, SearchResult } from './setTypes';
import type { FlowDoc } from './types';

export { type SearchEntry, searchEntries } from './setSearchEntries';

export interface SetSearchOptions {
  /** Hits returned over all flows (default 200). */
  limit?: number;
  /** Hits returned per flow (default 20). */
  perFlow?: number;
}

export interface SetSearch {
  search(query: string, options?: SetSearchOptions): SearchResult;
  /** Entries indexed (for the bench and tests). */
  readonly size: number;
}

const KINDS: readonly SearchKind[] = ['name', 'label', 'reference', 'subflow', 'formula', 'template', 'resource'];
const CUT = 120;

/** Where `q` (lowercased) starts in `text`, case-insensitively, when lowercasing changed the text's length. */
function locate(text: string, q: string): number {
  for (let i = 0; i < text.length; i++)
    if (
      text
        .slice(i, i + q.length * 2)
        .toLowerCase()
        .startsWith(q)
    )
      return i;
  return 0;
}

/** The hit's text cut to about CUT characters around the match. */
export function cutAround(text: string, at: number, length: number): { text: string; at: number } {
  if (text.length <= CUT) return { text, at };
  const start = Math.max(0, Math.min(at - 40, text.length - CUT));
  const end = Math.min(text.length, Math.max(start + CUT, at + length));
  const head = start > 0 ? '…' : '';
  return { text: `${head}${text.slice(start, end)}${end < text.length ? '…' : ''}`, at: at - start + head.length };
}

/** A flow as the search takes it. */
export interface SearchFlow {
  name: string;
  label: string;
  doc: FlowDoc;
}

/**
 * A search built a flow at a time — the set worker adds each flow as it parses it, in the slices that already
 * yield — then `finish`ed once (joining the texts: a few ms), so the first search after the list does not wait.
 */
export interface SetSearchBuilder {
  add(flow: SearchFlow): void;
  finish(): SetSearch;
}

/** A search over the flows, built once (every text lowercased into one string) and asked many times. */
export function createSetSearch(flows: readonly SearchFlow[]): SetSearch {
  const builder = setSearchBuilder();
  for (const f of flows) builder.add(f);
  return builder.finish();
}

export function setSearchBuilder(): SetSearchBuilder {
  const flows: { name: string; label: string }[] = [];
  const texts: string[] = [];
  const elements: (string | undefined)[] = [];
  const lower: string[] = [];
  const kinds: number[] = [];
  const owner: number[] = [];
  const flags: number[] = []; // 1: a resource; 2: the flow's own name or label; 4: lowercasing changed its length
  return {
    add(f) {
      const i = flows.push({ name: f.name, label: f.label }) - 1;
      collect(f.doc, f.name, (element, resource, kind, text) => {
        let low = text.toLowerCase();
        if (low.includes('\u0000')) low = low.replaceAll('\u0000', ' ');
        const own = element === undefined && (kind === 'name' || kind === 'label');
        texts.push(text);
        elements.push(element);
        lower.push(low);
        kinds.push(KINDS.indexOf(kind));
        owner.push(i);
        flags.push((resource ? 1 : 0) | (own ? 2 : 0) | (low.length !== text.length ? 4 : 0));
      });
    },
    finish: () => searchOver(flows, { texts, elements, lower, kinds, owner, flags }),
  };
}

interface Columns {
  texts: string[];
  elements: (string | undefined)[];
  lower: string[];
  kinds: number[];
  owner: number[];
  flags: number[];
}

function searchOver(flows: readonly { name: string; label: string }[], columns: Columns): SetSearch {
  const { texts, elements, lower, kinds, owner, flags } = columns;
  const n = texts.length;
  const starts = new Int32Array(n + 1);
  for (let e = 0, at = 0; e < n; e++) {
    starts[e] = at;
    at += (lower[e] as string).length + 1;
    starts[e + 1] = at;
  }
  const blob = lower.join('\u0000');
  lower.length = 0;

  const hitOf = (e: number, q: string): SearchHit => {
    const text = texts[e] as string;
    const raw = (flags[e] as number) & 4 ? locate(text, q) : (starts[e] as number);
    const found = (flags[e] as number) & 4 ? raw : blob.indexOf(q, raw) - raw;
    const cut = cutAround(text, found, q.length);
    const hit: SearchHit = {
      kind: KINDS[kinds[e] as number] as SearchKind,
      text: cut.text,
      at: cut.at,
      length: q.length,
    };
    const element = elements[e];
    if (element !== undefined) hit.element = element;
    if ((flags[e] as number) & 1) hit.resource = true;
    return hit;
  };

  return {
    size: n,
    search(query, { limit = 200, perFlow = 5 } = {}) {
      const q = query.trim().toLowerCase().replaceAll('\u0000', '');
      if (q === '') return { query, groups: [], total: 0, flows: 0, truncated: false };
      const counts = new Map<number, { count: number; own: boolean; first: number[] }>();
      let total = 0;
      let e = 0;
      for (let pos = blob.indexOf(q); pos !== -1; ) {
        while ((starts[e + 1] as number) <= pos) e++;
        const f = owner[e] as number;
        let c = counts.get(f);
        if (!c) {
          c = { count: 0, own: false, first: [] };
          counts.set(f, c);
        }
        c.count++;
        total++;
        if (c.first.length < perFlow) c.first.push(e);
        if ((flags[e] as number) & 2) c.own = true;
        pos = blob.indexOf(q, starts[e + 1] as number);
      }
      const order = [...counts].sort(([fa, a], [fb, b]) => {
        if (a.own !== b.own) return a.own ? -1 : 1;
        if (a.count !== b.count) return b.count - a.count;
        const na = (flows[fa] as { name: string }).name;
        const nb = (flows[fb] as { name: string }).name;
        return na < nb ? -1 : na > nb ? 1 : fa - fb;
      });
      const groups: SearchGroup[] = [];
      let left = limit;
      let returned = 0;
      for (const [f, c] of order) {
        if (left <= 0) break;
        const take = c.first.slice(0, left);
        const flow = flows[f] as { name: string; label: string };
        groups.push({ flow: flow.name, label: flow.label, hits: take.map((x) => hitOf(x, q)), total: c.count });
        left -= take.length;
        returned += take.length;
      }
      return { query, groups, total, flows: counts.size, truncated: returned < total };
    },
  };
}
