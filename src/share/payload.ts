/**
 * The inline payload of a link, before compression: JSON holding up to two flows as bare Metadata
 * objects (model/parse reads them back; see metadata.ts), the second one as a delta on the first.
 *
 *   { "a"?: {"n": name, "m": Metadata},
 *     "b"?: {"n": name, "m": Metadata} | {"n": name, "d": Delta} }
 *
 * Delta (only when both are inline): b's Metadata with each top-level value equal to a's replaced by 0,
 * and inside element/resource lists each item equal to an item of a's same list replaced by that item's
 * index in a's list. Normalised metadata holds only strings, objects and lists, so a number is always a
 * reference. Over the 72 corpus pairs the delta halves the 95th-percentile link (see bench/links.ts):
 * deflate's 32 KB window cannot see the first version when the second one repeats it.
 */
import { jsonNestingError, MAX_NESTING } from '../model/parse/depth';
import { ownValue, setOwn } from '../model/parse/own';
import { wellFormed } from '../model/parse/wellFormed';
import type { FlowDoc, Obj, Value } from '../model/types';
import { docToMetadata } from './metadata';

type Json = unknown;
export interface PayloadFlow {
  name: string;
  metadata: Obj;
}
export type PayloadResult = { ok: true; a?: PayloadFlow; b?: PayloadFlow } | { ok: false; problem: string };

export function encodePayload(a: FlowDoc | undefined, b: FlowDoc | undefined): string {
  const out: Record<string, Json> = {};
  const ma = a ? docToMetadata(a) : undefined;
  if (a && ma) out.a = { n: a.name, m: ma };
  if (b) {
    const mb = docToMetadata(b);
    out.b = ma ? { n: b.name, d: delta(ma, mb) } : { n: b.name, m: mb };
  }
  const text = JSON.stringify(out);
  // JSON.stringify writes a lone surrogate as a \uD800-\uDFFF escape (a pair stays as is): only then re-encode.
  return LONE_ESCAPE.test(text) ? JSON.stringify(out, wellFormedJson) : text;
}

const LONE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * A JSON.stringify replacer: names and values with a lone surrogate carry U+FFFD instead (wellFormed.ts),
 * as the link's `sel=` does, so the selection still names an element of the payload.
 */
function wellFormedJson(_key: string, value: Json): Json {
  if (typeof value === 'string') return wellFormed(value);
  if (!isRec(value) || !Object.keys(value).some((k) => wellFormed(k) !== k)) return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, wellFormed(k), v);
  return out;
}

/** JSON text → the flows it holds; checks the shape (model/parse checks the metadata itself). */
export function decodePayload(text: string): PayloadResult {
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'is not JSON' };
  }
  if (!isRec(json)) return { ok: false, problem: 'is not an object' };
  const unknown = Object.keys(json).filter((k) => k !== 'a' && k !== 'b');
  if (unknown.length > 0) return { ok: false, problem: `has unknown fields (${unknown.slice(0, 3).join(', ')})` };
  const a = json.a === undefined ? undefined : flowOf(json.a, 'a', undefined);
  if (typeof a === 'string') return { ok: false, problem: a };
  const b = json.b === undefined ? undefined : flowOf(json.b, 'b', a?.metadata);
  if (typeof b === 'string') return { ok: false, problem: b };
  return { ok: true, ...(a ? { a } : {}), ...(b ? { b } : {}) };
}

function flowOf(v: Json, key: string, base: Obj | undefined): PayloadFlow | string {
  if (!isRec(v)) return `"${key}" is not an object`;
  if (typeof v.n !== 'string' || v.n === '') return `"${key}.n" (the flow name) is missing`;
  const md = isRec(v.m) ? v.m : isRec(v.d) ? v.d : undefined;
  // Before anything walks it (the delta, the re-parse's JSON.stringify): nesting is bounded as in parseFlow.
  if (md && jsonNestingError(md)) return `"${key}" is nested more than ${MAX_NESTING} levels deep`;
  if (isRec(v.m)) return { name: v.n, metadata: v.m as Obj };
  if (isRec(v.d)) {
    if (!base) return `"${key}.d" is a change list but there is no first flow to apply it to`;
    const applied = applyDelta(base, v.d);
    return typeof applied === 'string' ? `"${key}.d" ${applied}` : { name: v.n, metadata: applied };
  }
  return `"${key}" has neither metadata ("m") nor changes ("d")`;
}

function delta(a: Obj, b: Obj): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(b)) {
    const av = ownValue(a, k);
    if (av !== undefined && same(av, v)) setOwn(out, k, 0);
    else if (Array.isArray(v) && Array.isArray(av)) setOwn(out, k, listDelta(av, v));
    else setOwn(out, k, v);
  }
  return out;
}

/** Each b item equal to an a item (matched by name, else by position) becomes that item's index. */
function listDelta(a: Value[], b: Value[]): Json[] {
  const byName = new Map<string, number>();
  a.forEach((item, i) => {
    const name = nameOf(item);
    if (name !== undefined && !byName.has(name)) byName.set(name, i);
  });
  return b.map((item, j) => {
    const name = nameOf(item);
    const i = name !== undefined ? byName.get(name) : j;
    return i !== undefined && i < a.length && same(a[i] as Value, item) ? i : item;
  });
}

function applyDelta(base: Obj, d: Record<string, Json>): Obj | string {
  const out: Obj = {};
  for (const [k, v] of Object.entries(d)) {
    if (v === 0) {
      const bv = ownValue(base, k);
      if (bv === undefined) return `refers to "${k}", which the first flow does not have`;
      setOwn(out, k, bv);
    } else if (Array.isArray(v) && v.some((x) => typeof x === 'number')) {
      const list = ownValue(base, k);
      if (!Array.isArray(list)) return `refers to items of "${k}", which the first flow does not have`;
      const items: Value[] = [];
      for (const x of v) {
        if (typeof x !== 'number') items.push(x as Value);
        else if (Number.isInteger(x) && x >= 0 && x < list.length) items.push(list[x] as Value);
        else return `refers to item ${x} of "${k}", which the first flow does not have`;
      }
      setOwn(out, k, items);
    } else {
      setOwn(out, k, v as Value);
    }
  }
  return out;
}

function nameOf(v: Value): string | undefined {
  return typeof v === 'object' && !Array.isArray(v) && typeof v.name === 'string' ? v.name : undefined;
}

/** Normalised values have sorted keys, so equal values serialise alike. */
function same(a: Value, b: Value): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function isRec(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
