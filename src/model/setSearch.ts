/**
 * Search across a flow set (issue 13): what each flow offers to search (its elements' names, labels, field,
 * object and variable references, called flows, formulas and texts; its Start; its resources) and a fast
 * case-insensitive substring search over all of it. Pure; the set worker builds one per set.
 *
 * Speed: every entry's text is lowercased once, into one string (entries separated by NUL) that a search
 * scans with `indexOf`, mapping each match to its entry with the entries' start offsets. A search is then
 * one pass over the set's text, whatever the number of flows (bench/set.ts measures it).
 */
import { elementIndex, START_ID } from './graph';
import type { SearchGroup, SearchHit, SearchKind, SearchResult } from './setTypes';
import { str, type FlowDoc, type Value } from './types';

export interface SearchEntry {
  /** The element's graph node id (`$start` for the Start), a resource's name; absent for the flow itself. */
  element?: string;
  resource?: boolean;
  kind: SearchKind;
  text: string;
}

const SKIP = new Set(['locationX', 'locationY', 'processMetadataValues', 'targetReference', 'isGoTo']);
const TEXTS = new Set([
  'text',
  'fieldText',
  'description',
  'stringValue',
  'helpText',
  'errorMessage',
  'choiceText',
  'inputText',
  'interviewLabel',
  'pausedText',
  'promptText',
]);
const REFERENCES = new Set(['field', 'object', 'objectType', 'queriedFields', 'sortField', 'actionName', 'apexClass']);
const FIELDS = new Set(['field', 'queriedFields', 'sortField']);

/** A field not searched at all (connectors, locations), one searched inside, or what its strings are. */
type KeyUse = SearchKind | 'skip' | 'inside';
const uses = new Map<string, KeyUse>();
/** How a field is searched (memoised: a set has few distinct field names). */
function keyUse(key: string): KeyUse {
  let use = uses.get(key);
  if (use === undefined) {
    use = SKIP.has(key) || /connector$/i.test(key) ? 'skip' : (keyKind(key) ?? 'inside');
    if (uses.size < 10_000) uses.set(key, use); // field names come from the input: keep the memo small
  }
  return use;
}

function keyKind(key: string): SearchKind | undefined {
  if (key === 'name') return 'name';
  if (key === 'label') return 'label';
  if (key === 'flowName') return 'subflow';
  if (key === 'formula' || key === 'expression' || key === 'filterFormula') return 'formula';
  if (TEXTS.has(key)) return 'template';
  if (REFERENCES.has(key) || key.endsWith('Reference')) return 'reference';
  return undefined;
}

interface Context {
  /** The element's object (a record element's, the Start's): its fields are that object's. */
  object: string | undefined;
  /** `$Record`'s object, in a record-triggered flow. */
  trigger: string | undefined;
  /** Record variables and Get Records elements (lowercased) → their object. */
  records: Map<string, string>;
}

/** A reference's text, with the object-qualified form beside it where the metadata implies one. */
function referenceText(key: string, v: string, ctx: Context): string {
  if (FIELDS.has(key) && ctx.object && !v.includes('.')) return `${ctx.object}.${v}`;
  const dot = v.indexOf('.');
  if (dot <= 0) return v;
  const head = v.slice(0, dot);
  const object = head === '$Record' || head === '$Record__Prior' ? ctx.trigger : ctx.records.get(head.toLowerCase());
  return object ? `${v} (${object}.${v.slice(dot + 1)})` : v;
}

type Emit = (kind: SearchKind, text: string) => void;

const KIND_BITS: Record<SearchKind, number> = {
  name: 1,
  label: 2,
  reference: 4,
  subflow: 8,
  formula: 16,
  template: 32,
  resource: 64,
};

function walk(v: Value, key: string, use: KeyUse, ctx: Context, emit: Emit): void {
  if (typeof v === 'string') {
    if (use !== 'inside' && use !== 'skip' && v !== '') emit(use, use === 'reference' ? referenceText(key, v, ctx) : v);
  } else if (Array.isArray(v)) for (const item of v) walk(item, key, use, ctx, emit);
  else
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const u = keyUse(k);
      if (u !== 'skip') walk(v[k] as Value, k, u, ctx, emit);
    }
}

/** Every element's (and the Start's, and each resource's) searchable texts, `emit`ted in flow order. */
function collect(
  doc: FlowDoc,
  name: string,
  emit: (element: string | undefined, resource: boolean, kind: SearchKind, text: string) => void,
): void {
  const trigger = str(doc.start?.object);
  const records = new Map<string, string>();
  for (const r of doc.resources) {
    const o = str(r.data.objectType);
    if (r.type === 'variables' && o) records.set(r.name.toLowerCase(), o);
  }
  for (const el of doc.elements) {
    const o = str(el.data.object);
    if (el.type === 'recordLookups' && o) records.set(el.name.toLowerCase(), o);
  }
  // Texts already emitted for this element, each with the kinds it was emitted as (a bit per kind).
  const seen = new Map<string, number>();
  const once = (element: string | undefined, resource: boolean) => (kind: SearchKind, text: string) => {
    const bit = KIND_BITS[kind];
    const had = seen.get(text) ?? 0;
    if (had & bit) return;
    seen.set(text, had | bit);
    emit(element, resource, kind, text);
  };
  const flowLevel = once(undefined, false);
  flowLevel('name', name);
  if (doc.label) flowLevel('label', doc.label);
  const description = str(doc.properties.description);
  if (description) flowLevel('template', description);
  if (doc.start) {
    seen.clear();
    walk(doc.start, 'start', 'inside', { object: trigger, trigger, records }, once(START_ID, false));
  }
  const ids = elementIndex(doc);
  for (const el of doc.elements) {
    seen.clear();
    const add = once(ids.nodeIdOf(el) ?? el.name, false);
    add('name', el.name);
    if (el.label) add('label', el.label);
    const ctx = { object: str(el.data.object), trigger, records };
    for (const [k, v] of Object.entries(el.data)) if (k !== 'name' && k !== 'label') walkField(k, v, ctx, add);
  }
  for (const r of doc.resources) {
    seen.clear();
    const add = once(r.name, true);
    add('resource', r.name);
    const ctx = { object: str(r.data.object), trigger, records };
    for (const [k, v] of Object.entries(r.data)) if (k !== 'name') walkField(k, v, ctx, add);
  }
}

function walkField(key: string, v: Value, ctx: Context, emit: Emit): void {
  const use = keyUse(key);
  if (use !== 'skip') walk(v, key, use, ctx, emit);
}

/** What a flow offers to search, entry by entry (the flow's own name, label and description first). */
export function searchEntries(doc: FlowDoc, name = doc.name): SearchEntry[] {
  const out: SearchEntry[] = [];
  collect(doc, name, (element, resource, kind, text) => {
    const e: SearchEntry = { kind, text };
    if (element !== undefined) e.element = element;
    if (resource) e.resource = true;
    out.push(e);
  });
  return out;
}

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

/** A search over the flows, built once (every text lowercased into one string) and asked many times. */
export function createSetSearch(flows: readonly { name: string; label: string; doc: FlowDoc }[]): SetSearch {
  const texts: string[] = [];
  const elements: (string | undefined)[] = [];
  const lower: string[] = [];
  const kinds: number[] = [];
  const owner: number[] = [];
  const flags: number[] = []; // 1: a resource; 2: the flow's own name or label; 4: lowercasing changed its length
  flows.forEach((f, i) => {
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
  });
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
