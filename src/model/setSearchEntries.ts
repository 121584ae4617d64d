/**
 * What each flow of a set offers to search (issue 13): its elements' names, labels, field, object and variable
 * references, called flows, formulas and texts; its Start; its resources. Pure; setSearch.ts searches it.
 */
import { elementIndex, START_ID } from './graph';
import type { SearchKind } from './setTypes';
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
export function collect(
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
