import type { FlowDoc, FlowResource, Obj } from '../types';
import { canonical, ownProps } from './own';
import { refCounts, renamedReading, unexplained } from './refs';
import type { PropertyChange, ResourceDiff } from './types';
import { compareObjects } from './values';

/**
 * Resources by type and name (a repeated name gets `#2`…); changes are their properties but the name.
 * A resource only in the before version and one only in the after version pair as `renamed` when they
 * have the same type and the same body but the name, and every reference to the old name became one to
 * the new name: the old name is referred to nowhere after, the new one nowhere before, as many times
 * (refs.ts says what a reference is). Only one-to-one candidates pair, so swapping the versions swaps
 * the pairs. `renames` maps each old name to its new one.
 */
export function diffResources(
  before: FlowDoc,
  after: FlowDoc,
): { resources: ResourceDiff[]; renames: Map<string, string> } {
  const kb = keyed(before.resources);
  const ka = keyed(after.resources);
  const own = (r: FlowResource): Obj => ownProps(r.data, ['name']);
  const out: ResourceDiff[] = [];
  const addedKeys: string[] = [];
  for (const [k, r] of ka) {
    const was = kb.get(k);
    const changes: PropertyChange[] = [];
    if (was) compareObjects('', own(was), own(r), changes);
    else addedKeys.push(k);
    out.push({
      id: idOf(k),
      type: r.type,
      status: !was ? 'added' : changes.length > 0 ? 'changed' : 'unchanged',
      changes,
    });
  }
  const removedKeys = [...kb.keys()].filter((k) => !ka.has(k));
  const pairs = renamePairs(before, after, removedKeys, addedKeys, kb, ka, own);
  const renames = new Map<string, string>();
  const fromOf = new Map<string, string>();
  for (const [b, a] of pairs) {
    renames.set((kb.get(b) as FlowResource).name, (ka.get(a) as FlowResource).name);
    fromOf.set(idOf(a), idOf(b));
  }
  for (const r of out) {
    const from = r.status === 'added' ? fromOf.get(r.id) : undefined;
    if (from !== undefined) {
      r.status = 'renamed';
      r.renamedFrom = from;
    }
  }
  const paired = new Set(pairs.keys());
  for (const k of removedKeys)
    if (!paired.has(k))
      out.push({ id: idOf(k), type: (kb.get(k) as FlowResource).type, status: 'removed', changes: [] });
  if (renames.size > 0) {
    // A resource whose only changes are references to a renamed one is unchanged.
    const reading = renamedReading(renames);
    for (const r of out) {
      if (r.status !== 'changed') continue;
      r.changes = unexplained(r.changes, reading);
      if (r.changes.length === 0) r.status = 'unchanged';
    }
  }
  return { resources: out, renames };
}

function keyed(list: FlowResource[]): Map<string, FlowResource> {
  const m = new Map<string, FlowResource>();
  for (const r of list) {
    let k = `${r.type}\u0001${r.name}`;
    for (let n = 2; m.has(k); n++) k = `${r.type}\u0001${r.name}#${n}`;
    m.set(k, r);
  }
  return m;
}

const idOf = (key: string) => key.slice(key.indexOf('\u0001') + 1);

/** Before key → after key of each renamed resource. */
function renamePairs(
  before: FlowDoc,
  after: FlowDoc,
  removed: string[],
  added: string[],
  kb: Map<string, FlowResource>,
  ka: Map<string, FlowResource>,
  own: (r: FlowResource) => Obj,
): Map<string, string> {
  const pairs = new Map<string, string>();
  if (removed.length === 0 || added.length === 0) return pairs;
  const bodies = new Map<string, { b: string[]; a: string[] }>();
  const body = (r: FlowResource) => `${r.type}\u0000${canonical(own(r))}`;
  for (const k of removed) {
    const key = body(kb.get(k) as FlowResource);
    const g = bodies.get(key) ?? { b: [], a: [] };
    g.b.push(k);
    bodies.set(key, g);
  }
  for (const k of added) bodies.get(body(ka.get(k) as FlowResource))?.a.push(k);
  let refsB: Map<string, number> | undefined;
  let refsA: Map<string, number> | undefined;
  const renamedRefs = (b: string, a: string) => {
    refsB ??= refCounts(before);
    refsA ??= refCounts(after);
    const from = (kb.get(b) as FlowResource).name;
    const to = (ka.get(a) as FlowResource).name;
    return !refsA.has(from) && !refsB.has(to) && (refsB.get(from) ?? 0) === (refsA.get(to) ?? 0);
  };
  for (const g of bodies.values()) {
    if (g.a.length === 0) continue;
    const fits = g.b.map((b) => g.a.filter((a) => renamedRefs(b, a)));
    g.b.forEach((b, i) => {
      const [a, ...more] = fits[i] as string[];
      // One-to-one: this one fits only `a`, and `a` fits no other.
      if (a !== undefined && more.length === 0 && fits.every((f, j) => j === i || !f.includes(a))) pairs.set(b, a);
    });
  }
  return pairs;
}
