/**
 * A flow's interface compared across two versions (issue 14): the variables available for input or output
 * (`isInput` / `isOutput`), and the Subflow elements of a set that pass or read the ones that changed.
 *
 * What the metadata lets us detect: a variable removed from the interface (deleted, or no longer available
 * for input and output), added to it, its type changed (`dataType` or `objectType`), its collection flag
 * changed, or its direction changed (input ↔ output). A rename is a removal and an addition: variables have
 * no identity but their name. "Newly required" cannot be detected: Flow variables carry no required flag
 * (a callee that needs an input checks it itself, in a Decision), so it is never reported.
 *
 * Names match without regard to case, as Salesforce matches them (subflow.ts).
 */
import { asObjList, str, type FlowDoc } from './types';

export interface InterfaceVariable {
  name: string;
  dataType?: string;
  isCollection: boolean;
  objectType?: string;
  isInput: boolean;
  isOutput: boolean;
}

export type InterfaceChangeKind = 'removed' | 'added' | 'type' | 'collection' | 'direction';

export interface InterfaceChange {
  /** The variable's name (the after version's spelling when both have it). */
  variable: string;
  /** `removed` / `added` alone, or any of `type`, `collection`, `direction` for a variable in both. */
  kinds: InterfaceChangeKind[];
  before?: InterfaceVariable;
  after?: InterfaceVariable;
}

/** A Subflow element of the after set that passes or reads changed variables of the flow it calls. */
export interface CallerUse {
  /** The calling flow's API name. */
  caller: string;
  /** The Subflow element's API name. */
  element: string;
  /** The changed variables it passes (`inputAssignments`) or reads (`outputAssignments`), as it writes them. */
  variables: string[];
}

const key = (name: string) => name.toLowerCase();
const isTrue = (v: unknown) => v === 'true';

/** The flow's variables available for input or output, by lower-case name (the first of a repeated name). */
export function interfaceOf(doc: FlowDoc): Map<string, InterfaceVariable> {
  const m = new Map<string, InterfaceVariable>();
  for (const r of doc.resources) {
    if (r.type !== 'variables') continue;
    const d = r.data;
    const v: InterfaceVariable = {
      name: str(d.name) ?? r.name,
      isCollection: isTrue(d.isCollection),
      isInput: isTrue(d.isInput),
      isOutput: isTrue(d.isOutput),
    };
    const dataType = str(d.dataType);
    if (dataType) v.dataType = dataType;
    const objectType = str(d.objectType);
    if (objectType) v.objectType = objectType;
    if ((v.isInput || v.isOutput) && !m.has(key(v.name))) m.set(key(v.name), v);
  }
  return m;
}

/** The interface changes from `before` to `after`: the after version's order, then the removed ones. */
export function interfaceChanges(before: FlowDoc, after: FlowDoc): InterfaceChange[] {
  const b = interfaceOf(before);
  const a = interfaceOf(after);
  const out: InterfaceChange[] = [];
  for (const [k, av] of a) {
    const bv = b.get(k);
    if (!bv) {
      out.push({ variable: av.name, kinds: ['added'], after: av });
      continue;
    }
    const kinds: InterfaceChangeKind[] = [];
    if (bv.dataType !== av.dataType || bv.objectType !== av.objectType) kinds.push('type');
    if (bv.isCollection !== av.isCollection) kinds.push('collection');
    if (bv.isInput !== av.isInput || bv.isOutput !== av.isOutput) kinds.push('direction');
    if (kinds.length > 0) out.push({ variable: av.name, kinds, before: bv, after: av });
  }
  for (const [k, bv] of b) if (!a.has(k)) out.push({ variable: bv.name, kinds: ['removed'], before: bv });
  return out;
}

/** One Subflow element of a set: who calls whom, and the variable names it passes in and reads back. */
export interface SubflowUse {
  caller: string;
  element: string;
  passes: string[];
  reads: string[];
}

/** Every Subflow element of the flows, by the called flow's lower-case name. */
export function subflowUses(flows: readonly { name: string; doc: FlowDoc }[]): Map<string, SubflowUse[]> {
  const m = new Map<string, SubflowUse[]>();
  for (const f of flows) {
    for (const el of f.doc.elements) {
      if (el.type !== 'subflows') continue;
      const callee = key(str(el.data.flowName) ?? '');
      const use: SubflowUse = {
        caller: f.name,
        element: el.name,
        passes: asObjList(el.data.inputAssignments).map((x) => str(x.name) ?? ''),
        reads: asObjList(el.data.outputAssignments).map((x) => str(x.name) ?? ''),
      };
      const list = m.get(callee);
      if (list) list.push(use);
      else m.set(callee, [use]);
    }
  }
  return m;
}

const wasOrIs = (c: InterfaceChange, side: 'isInput' | 'isOutput') =>
  c.before?.[side] === true || c.after?.[side] === true;

/**
 * The calls (`uses` of one flow) that pass a changed variable that is or was an input, or read one that is or
 * was an output. With `all`, every call is listed with what it passes and reads (a removed flow breaks them all).
 */
export function affectedCallers(uses: readonly SubflowUse[], changes: readonly InterfaceChange[], all = false) {
  const inputs = new Set(changes.filter((c) => wasOrIs(c, 'isInput')).map((c) => key(c.variable)));
  const outputs = new Set(changes.filter((c) => wasOrIs(c, 'isOutput')).map((c) => key(c.variable)));
  const callers: CallerUse[] = [];
  for (const u of uses) {
    const variables = [
      ...u.passes.filter((n) => all || inputs.has(key(n))),
      ...u.reads.filter((n) => all || outputs.has(key(n))),
    ];
    if (all || variables.length > 0)
      callers.push({ caller: u.caller, element: u.element, variables: [...new Set(variables)] });
  }
  return callers.sort((x, y) =>
    x.caller < y.caller ? -1 : x.caller > y.caller ? 1 : x.element < y.element ? -1 : x.element > y.element ? 1 : 0,
  );
}
