/**
 * The review checks across a comparison (issue 15) for `diff` and `pr`: the findings the change introduces, fixes
 * and leaves (`compareChecks`), with the repository's `.flowscope.json` (checkConfig.ts) and the newest API
 * version of the two versions as the set's.
 */
import {
  buildGraph,
  type CheckComparison,
  type ChecksConfig,
  compareChecks,
  type FlowDiff,
  type FlowDoc,
  runChecks,
} from '../index';
import { findingJson, newestApiVersion } from './check';

export function checksOf(before: FlowDoc, after: FlowDoc, diff: FlowDiff, config?: ChecksConfig): CheckComparison {
  const newest = newestApiVersion([before, after]);
  return compareChecks(before, after, diff, config, newest !== undefined ? { newestApiVersion: newest } : {});
}

/** A flow the change adds: every finding is new. */
export function addedChecks(after: FlowDoc, config?: ChecksConfig): CheckComparison {
  const newest = newestApiVersion([after]);
  const context = newest !== undefined ? { newestApiVersion: newest } : {};
  return { introduced: runChecks(after, buildGraph(after), config, context), fixed: [], remaining: [] };
}

/** `diff --json`'s `checks`: each finding as `check --json` has it, with its graph node when it has one. */
export const checksJson = (c: CheckComparison) => ({
  introduced: c.introduced.map((f) => findingJson(f, true)),
  fixed: c.fixed.map((f) => findingJson(f, true)),
  remaining: c.remaining.map((f) => findingJson(f, true)),
});

/** A terminal line or two: the counts, then each introduced finding. */
export function checksText(c: CheckComparison): string[] {
  if (c.introduced.length + c.fixed.length + c.remaining.length === 0) return [];
  const lines = [
    `Checks: ${c.introduced.length} new, ${c.fixed.length} fixed, ${c.remaining.length} remaining`,
    ...c.introduced.map((f) => `  new ${f.severity} ${f.rule}: ${f.message}`),
  ];
  return lines;
}
