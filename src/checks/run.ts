/** Running the rule table on one flow: each rule's reading, configured and put in a stable order. */
import type { FlowGraph } from '../model/graph';
import type { FlowDoc } from '../model/types';
import { severityOf } from './config';
import { hardcodedId, hardcodedUrl } from './literals';
import { dmlInLoop, loopWithoutAfterLast, soqlInLoop } from './loops';
import { RULE_IDS } from './rules';
import { type RuleCheck, scanOf } from './scan';
import { missingFaultPath, outdatedApiVersion, triggerWithoutCriteria, unreachableElement } from './structure';
import { unusedResource } from './unused';
import type { CheckContext, ChecksConfig, Finding, RuleId } from './types';
import type { Draft } from './words';

const CHECKS: ReadonlyMap<RuleId, RuleCheck> = new Map<RuleId, RuleCheck>([
  ['dml-in-loop', dmlInLoop],
  ['soql-in-loop', soqlInLoop],
  ['missing-fault-path', missingFaultPath],
  ['hardcoded-id', hardcodedId],
  ['hardcoded-url', hardcodedUrl],
  ['unused-resource', unusedResource],
  ['unreachable-element', unreachableElement],
  ['loop-without-after-last', loopWithoutAfterLast],
  ['trigger-without-criteria', triggerWithoutCriteria],
  ['outdated-api-version', outdatedApiVersion],
]);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every enabled rule's findings on the flow, in a stable order: the start, then elements in document order,
 * then resources in document order, then the flow itself; on one place, rules in table order, then detail.
 */
export function runChecks(doc: FlowDoc, graph: FlowGraph, config?: ChecksConfig, context?: CheckContext): Finding[] {
  const scan = scanOf(doc, graph, context);
  const drafts: { draft: Draft; rank: number; severity: Finding['severity'] }[] = [];
  RULE_IDS.forEach((id, rank) => {
    const severity = severityOf(id, config);
    const check = CHECKS.get(id);
    if (!severity || !check) return;
    for (const draft of check(scan)) drafts.push({ draft, rank, severity });
  });
  drafts.sort(
    (a, b) =>
      a.draft.order[0] - b.draft.order[0] ||
      a.draft.order[1] - b.draft.order[1] ||
      a.rank - b.rank ||
      cmp(a.draft.detail ?? '', b.draft.detail ?? ''),
  );
  return drafts.map(({ draft, severity }) => {
    const f: Finding = { rule: draft.rule, severity, element: draft.element, message: draft.message };
    if (draft.node !== undefined) f.node = draft.node;
    if (draft.detail !== undefined) f.detail = draft.detail;
    return f;
  });
}
