import { START_ID, buildGraph, type EdgeKind } from '../../src/model/graph';
import { isConnectorField } from '../../src/model/connectors';
import { isObj, str, type FlowDoc, type FlowElement, type Obj } from '../../src/model/types';
import type { PropertyChange } from '../../src/model/diff/types';
import { rng } from './generate';

/**
 * Random, independent edits of a flow with the diff each one must produce, for the differ's property
 * tests and the benchmark: change a property or label, rewire a connector, rename an element (every
 * connector to it follows), insert an element on a connector, remove an element (its predecessors
 * connect to its successor), change the flow's status. Edits touch disjoint neighbourhoods so their
 * expected effects add up; inserted elements are Custom Errors with their own description, so no
 * rename heuristic can take one for another element.
 */
interface ExpectedRewire {
  source: string;
  kind: EdgeKind;
  key?: string;
  before: string;
  after: string;
}

export interface ExpectedDiff {
  added: string[];
  removed: string[];
  /** [before name, after name]. */
  renamed: [string, string][];
  changed: { id: string; changes: PropertyChange[] }[];
  rewired: ExpectedRewire[];
  properties: PropertyChange[];
}

export type MutationKind = 'change' | 'rewire' | 'rename' | 'add' | 'remove' | 'status';
export const MUTATION_KINDS: readonly MutationKind[] = ['change', 'rewire', 'rename', 'add', 'remove', 'status'];

/** Points every connector to `from` (at any depth of `obj`) at `to`. */
function retarget(obj: Obj, from: string, to: string): void {
  for (const [field, value] of Object.entries(obj)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!isObj(item)) continue;
      if (isConnectorField(field) && item.targetReference === from) item.targetReference = to;
      else retarget(item, from, to);
    }
  }
}

/** Applies up to `count` of the given kinds of edit to a copy of `doc`; returns the copy and the diff they must give. */
export function mutateFlow(
  doc: FlowDoc,
  count: number,
  seed: number,
  kinds: readonly MutationKind[] = MUTATION_KINDS,
): { doc: FlowDoc; expected: ExpectedDiff; applied: string[] } {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
  const out: FlowDoc = structuredClone(doc);
  const graph = buildGraph(doc);
  const expected: ExpectedDiff = { added: [], removed: [], renamed: [], changed: [], rewired: [], properties: [] };
  const applied: string[] = [];
  const near = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    for (const [x, y] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const)
      near.set(x, (near.get(x) ?? new Set()).add(y));
  }
  const touched = new Set<string>();
  const renameTypes = new Set<string>();
  const removeTypes = new Set<string>();
  const names = new Set(doc.elements.map((e) => e.name));
  const seen = new Map<string, number>();
  for (const e of doc.elements) seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
  // Elements with a name of their own (not $start, not duplicated) are the candidates.
  const unique = doc.elements.filter((e) => seen.get(e.name) === 1 && e.name !== START_ID);
  const free = (ids: string[]) => ids.every((id) => !touched.has(id));
  const claim = (ids: string[]) =>
    ids.forEach((id) => {
      touched.add(id);
    });
  const hood = (id: string) => [id, ...(near.get(id) ?? [])];
  const element = (name: string) => out.elements.find((e) => e.name === name) as FlowElement;
  const nextOf = (el: FlowElement) => (isObj(el.data.connector) ? str(el.data.connector.targetReference) : undefined);
  const everyConnectorHolder = (): Obj[] => [...out.elements.map((e) => e.data), ...(out.start ? [out.start] : [])];

  for (let attempt = 0; applied.length < count && attempt < count * 20; attempt++) {
    const kind = pick(kinds) as MutationKind;
    const el = pick(unique);
    if (!el) break;
    const target = nextOf(el);
    const tag = `${kind}:${el.name}`;
    if (kind === 'status') {
      if (expected.properties.length > 0) continue;
      const before = str(out.properties.status);
      const after = before === 'Draft' ? 'Active' : 'Draft';
      out.properties.status = after;
      expected.properties.push({ path: 'status', ...(before !== undefined ? { before } : {}), after });
      applied.push('status');
    } else if (kind === 'change') {
      if (!free([el.name])) continue;
      claim([el.name]);
      const e = element(el.name);
      const rule = Array.isArray(e.data.rules) ? e.data.rules.find(isObj) : undefined;
      const cond = rule && Array.isArray(rule.conditions) ? rule.conditions.find(isObj) : undefined;
      if (rule && cond && rand() < 0.5) {
        const before = cond.rightValue;
        const after: Obj = { numberValue: String(1 + Math.floor(rand() * 999)) };
        if (isObj(before) && before.numberValue === after.numberValue) continue;
        cond.rightValue = after;
        expected.changed.push({
          id: el.name,
          changes: [
            {
              path: `rules[${str(rule.name) ?? ''}].conditions[0].rightValue`,
              ...(before !== undefined ? { before } : {}),
              after,
            },
          ],
        });
      } else if (rand() < 0.5) {
        const after = `${e.label} (edited ${applied.length})`;
        expected.changed.push({ id: el.name, changes: [{ path: 'label', before: e.label, after }] });
        e.label = after;
        e.data.label = after;
      } else {
        const before = e.data.description;
        const after = `Edited by mutation ${applied.length}`;
        e.data.description = after;
        expected.changed.push({
          id: el.name,
          changes: [{ path: 'description', ...(before !== undefined ? { before } : {}), after }],
        });
      }
      applied.push(tag);
    } else if (kind === 'rewire') {
      const to = pick(unique)?.name;
      if (!target || !to || to === target || to === el.name || !free([...hood(el.name), ...hood(to), target])) continue;
      claim([...hood(el.name), ...hood(to), target]);
      (element(el.name).data.connector as Obj).targetReference = to;
      expected.rewired.push({ source: el.name, kind: 'next', before: target, after: to });
      applied.push(`${tag}->${to}`);
    } else if (kind === 'rename') {
      const to = `${el.name}_v2`;
      if (names.has(to) || removeTypes.has(el.type) || !free(hood(el.name))) continue;
      claim(hood(el.name));
      renameTypes.add(el.type);
      const e = element(el.name);
      e.name = to;
      e.data.name = to;
      for (const holder of everyConnectorHolder()) retarget(holder, el.name, to);
      if (out.startElementReference === el.name) out.startElementReference = to;
      names.add(to);
      expected.renamed.push([el.name, to]);
      applied.push(tag);
    } else if (kind === 'add') {
      const name = `Added_Error_${applied.length + 1}`;
      if (!target || names.has(name) || !free([...hood(el.name), target])) continue;
      claim([...hood(el.name), target, name]);
      const data: Obj = {
        name,
        label: `Added error ${applied.length + 1}`,
        description: `Inserted by mutation ${applied.length + 1}`,
        locationX: '0',
        locationY: '0',
        connector: { targetReference: target },
      };
      out.elements.push({ name, type: 'customErrors', label: str(data.label) as string, data });
      (element(el.name).data.connector as Obj).targetReference = name;
      names.add(name);
      expected.added.push(name);
      expected.rewired.push({ source: el.name, kind: 'next', before: target, after: name });
      applied.push(tag);
    } else {
      const incoming = graph.edges.filter((e) => e.target === el.name);
      const outgoing = graph.edges.filter((e) => e.source === el.name);
      const ring = [...hood(el.name), ...(target ? hood(target) : []), ...incoming.flatMap((e) => hood(e.source))];
      if (
        !target ||
        target === el.name ||
        renameTypes.has(el.type) ||
        outgoing.some((e) => e.target === el.name) ||
        !free(ring)
      )
        continue;
      claim(ring);
      removeTypes.add(el.type);
      out.elements = out.elements.filter((e) => e.name !== el.name);
      for (const holder of everyConnectorHolder()) retarget(holder, el.name, target);
      if (out.startElementReference === el.name) out.startElementReference = target;
      expected.removed.push(el.name);
      for (const e of incoming)
        expected.rewired.push({
          source: e.source,
          kind: e.kind,
          ...(e.key !== undefined ? { key: e.key } : {}),
          before: el.name,
          after: target,
        });
      applied.push(tag);
    }
  }
  return { doc: out, expected, applied };
}
