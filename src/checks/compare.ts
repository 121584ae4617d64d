/**
 * A comparison's findings: introduced by the change, fixed by it, remaining. A finding is the same finding in
 * both versions when its rule, its element's name (a before name mapped through the diff's renames) and its
 * detail (loop names mapped the same way) agree; several equal findings pair up one to one.
 */
import type { FlowDiff } from '../model/diff/types';
import { buildGraph } from '../model/graph';
import type { FlowDoc } from '../model/types';
import { runChecks } from './run';
import type { CheckComparison, CheckContext, ChecksConfig, Finding, RuleId } from './types';

/** Rules whose detail is a list of element names (the loops), which renames change too. */
const NAMES_IN_DETAIL: ReadonlySet<RuleId> = new Set(['dml-in-loop', 'soql-in-loop']);

/** Before name → after name, for every renamed element (and resource, when the diff says so). */
export function renamesOf(diff: FlowDiff): Map<string, string> {
  const renames = new Map<string, string>();
  for (const n of diff.nodes)
    if (n.renamedFrom !== undefined && n.renamedFrom !== n.id) renames.set(n.renamedFrom, n.id);
  for (const r of diff.resources)
    if (r.renamedFrom !== undefined && r.renamedFrom !== r.id) renames.set(r.renamedFrom, r.id);
  return renames;
}

/** A finding's identity, in after-version names when `renames` is given. */
export function findingKey(f: Finding, renames?: ReadonlyMap<string, string>): string {
  const name = (n: string) => renames?.get(n) ?? n;
  let detail = f.detail ?? '';
  if (renames && NAMES_IN_DETAIL.has(f.rule) && detail) detail = detail.split(',').map(name).sort().join(',');
  return JSON.stringify([f.rule, f.element ? name(f.element) : '', detail]);
}

/** Matches two lists of findings (the before one's names mapped through `renames`). */
export function matchFindings(
  before: readonly Finding[],
  after: readonly Finding[],
  renames: ReadonlyMap<string, string>,
): CheckComparison {
  const pool = new Map<string, Finding[]>();
  for (const f of before) {
    const key = findingKey(f, renames);
    const list = pool.get(key);
    if (list) list.push(f);
    else pool.set(key, [f]);
  }
  const introduced: Finding[] = [];
  const remaining: Finding[] = [];
  for (const f of after) {
    const list = pool.get(findingKey(f));
    if (list && list.length > 0) {
      list.shift();
      remaining.push(f);
    } else introduced.push(f);
  }
  const left = new Set<Finding>();
  for (const list of pool.values()) for (const f of list) left.add(f);
  return { introduced, fixed: before.filter((f) => left.has(f)), remaining };
}

/** Two versions' findings compared through the diff's renames. */
export const compareFindings = (before: readonly Finding[], after: readonly Finding[], diff: FlowDiff) =>
  matchFindings(before, after, renamesOf(diff));

export function compareChecks(
  before: FlowDoc,
  after: FlowDoc,
  diff: FlowDiff,
  config?: ChecksConfig,
  context?: CheckContext,
): CheckComparison {
  const b = runChecks(before, buildGraph(before), config, context);
  const a = runChecks(after, buildGraph(after), config, context);
  return compareFindings(b, a, diff);
}
