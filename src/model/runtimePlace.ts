/**
 * Interviews placed on one version of a flow (issue 16), the counts `graph --interviews` prints, and an
 * invocable flow's description compared with the interface its metadata declares.
 *
 * `CurrentElement` is matched to the flow's element API names exactly, case included. Salesforce's object
 * reference describes it as the name of the flow element the interview stands at, a plain string field,
 * and says nothing of case-insensitive matching; the engine writes the name as the version it runs spells
 * it, so an interview of this version always matches exactly. A name that differs only in case comes from
 * another version (an element renamed since) and counts under `elsewhere` with its own spelling, never
 * dropped and never guessed onto a card.
 */
import { interfaceOf, type InterfaceVariable } from './interfaceChanges';
import type {
  Interview,
  InvocableFlow,
  InvocableMismatch,
  InvocableParameter,
  RuntimeJson,
  RuntimePlacement,
} from './runtime';
import type { FlowDoc } from './types';

export function placeInterviews(doc: FlowDoc, interviews: readonly Interview[]): RuntimePlacement {
  const byName = new Map<string, Interview[]>();
  for (const i of interviews) {
    const key = i.currentElement ?? '';
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  }
  const elements = new Map<string, Interview[]>();
  for (const e of doc.elements) {
    const list = byName.get(e.name);
    if (list && !elements.has(e.name)) elements.set(e.name, list);
  }
  const rest = [...byName.keys()].filter((k) => !elements.has(k)).sort(byNameThenNone);
  const elsewhere = new Map(rest.map((k) => [k, byName.get(k)!] as const));
  return { elements, elsewhere, total: interviews.length };
}

/** Names in code-point order (the same everywhere), '' (no element) last. */
const byNameThenNone = (a: string, b: string) =>
  a === '' ? (b === '' ? 0 : 1) : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0;

/** Status → count, the most frequent first (then by name): "12 paused · 2 error". Keys as the records give them. */
export function statusCounts(interviews: readonly Interview[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of interviews) m.set(i.status, (m.get(i.status) ?? 0) + 1);
  return new Map([...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** `{elements: {Name: {Status: n}}, elsewhere: {Name: n, "": n}, total}` with null-prototype records. */
export function runtimeJson(placement: RuntimePlacement): RuntimeJson {
  const elements = record<Record<string, number>>();
  for (const [name, list] of placement.elements) {
    const counts = record<number>();
    for (const [status, n] of statusCounts(list)) counts[status] = n;
    elements[name] = counts;
  }
  const elsewhere = record<number>();
  for (const [name, list] of placement.elsewhere) elsewhere[name] = list.length;
  return { elements, elsewhere, total: placement.total };
}

/** Whether an invocable description names this flow (API names match without regard to case; a namespace aside). */
export function describesFlow(doc: FlowDoc, invocable: InvocableFlow): boolean {
  const bare = (s: string) => s.toLowerCase().replace(/^[a-z0-9]+__(?=[a-z])/i, '');
  return invocable.name.toLowerCase() === doc.name.toLowerCase() || bare(invocable.name) === bare(doc.name);
}

/** The types a parameter and a variable may have, by family (the action names them in capitals: STRING, SOBJECT). */
const FAMILY: Record<string, string> = {
  string: 'text',
  text: 'text',
  textarea: 'text',
  picklist: 'text',
  multipicklist: 'text',
  id: 'text',
  reference: 'text',
  number: 'number',
  double: 'number',
  integer: 'number',
  int: 'number',
  long: 'number',
  decimal: 'number',
  currency: 'number',
  percent: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
  sobject: 'record',
  apex: 'apex',
};
const family = (t: string) => FAMILY[t.toLowerCase().replace(/[^a-z]/g, '')] ?? t.toLowerCase();

/**
 * Mismatches between an invocable flow's description and the variables the metadata makes available for
 * input (`isInput`) and output (`isOutput`): missing on either side, a type that differs (by family, and the
 * object of a record), a collection flag that differs (when the description gives `maxOccurs`). Names match
 * without regard to case, as Salesforce matches them; the engine's own outputs (`Flow__…`) are not variables.
 */
export function compareInvocable(doc: FlowDoc, invocable: InvocableFlow): InvocableMismatch[] {
  const vars = [...interfaceOf(doc).values()];
  const out: InvocableMismatch[] = [];
  for (const direction of ['input', 'output'] as const) {
    const params = direction === 'input' ? invocable.inputs : invocable.outputs;
    const side = vars.filter((v) => (direction === 'input' ? v.isInput : v.isOutput));
    const byKey = new Map(side.map((v) => [v.name.toLowerCase(), v] as const));
    const seen = new Set<string>();
    const Dir = direction === 'input' ? 'Input' : 'Output';
    for (const p of params) {
      if (p.name.startsWith('Flow__')) continue;
      const key = p.name.toLowerCase();
      seen.add(key);
      const v = byKey.get(key);
      if (!v) {
        out.push({
          direction,
          name: p.name,
          kind: 'not-in-metadata',
          words:
            `${Dir} “${p.name}”: the description lists it, but the metadata has no variable ` +
            `available for ${direction} by that name.`,
        });
        continue;
      }
      const t = typeDifference(p, v);
      if (t) out.push({ direction, name: p.name, kind: 'type', words: `${Dir} “${p.name}”: ${t}.` });
      if (p.collection !== undefined && p.collection !== v.isCollection)
        out.push({
          direction,
          name: p.name,
          kind: 'collection',
          words:
            `${Dir} “${p.name}”: the description says ${p.collection ? 'a collection' : 'a single value'}, ` +
            `the metadata’s variable is ${v.isCollection ? 'a collection' : 'a single value'}.`,
        });
    }
    for (const v of side)
      if (!seen.has(v.name.toLowerCase()))
        out.push({
          direction,
          name: v.name,
          kind: 'not-in-description',
          words:
            `${Dir} “${v.name}”: the metadata makes this variable available for ${direction}, ` +
            'but the description does not list it.',
        });
  }
  return out;
}

function typeDifference(p: InvocableParameter, v: InterfaceVariable): string | undefined {
  if (p.type && v.dataType && family(p.type) !== family(v.dataType))
    return `the description says ${p.type}, the metadata says ${v.dataType}`;
  if (p.objectType && v.objectType && p.objectType.toLowerCase() !== v.objectType.toLowerCase())
    return `the description says a ${p.objectType} record, the metadata says ${v.objectType}`;
  return undefined;
}
