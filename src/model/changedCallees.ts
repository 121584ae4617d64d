/**
 * A change set's Subflow elements whose called flow also changed (issue 14): the comparison marks them and
 * opens the called flow's comparison from them. Names match without regard to case, as Salesforce's do.
 */
import { type FlowDoc, str } from './types';

/** Subflow element name → the changed flow it calls (its name as the change set has it). */
export function changedCallees(doc: FlowDoc | undefined, changed: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const n of changed) names.set(n.toLowerCase(), n);
  const out = new Map<string, string>();
  for (const el of doc?.elements ?? []) {
    if (el.type !== 'subflows') continue;
    const callee = names.get((str(el.data.flowName) ?? '').toLowerCase());
    if (callee !== undefined) out.set(el.name, callee);
  }
  return out;
}
