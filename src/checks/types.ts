/**
 * Review checks (issue 15): the contract of `src/checks/`, a pure part (no DOM, no fetch) that reads a parsed
 * flow and says what may be unsafe in it. The CLI (`flowscope check`, `diff`, `pr`), the store and the views
 * speak through these shapes.
 */
import type { FlowDiff } from '../model/diff/types';
import type { FlowGraph } from '../model/graph';
import type { FlowDoc } from '../model/types';

/** SARIF's levels, in that order of weight (SARIF 2.1.0 §3.27.10: error, warning, note). */
export type Severity = 'error' | 'warning' | 'note';

export type RuleId =
  | 'dml-in-loop'
  | 'soql-in-loop'
  | 'missing-fault-path'
  | 'hardcoded-id'
  | 'hardcoded-url'
  | 'unused-resource'
  | 'unreachable-element'
  | 'loop-without-after-last'
  | 'trigger-without-criteria'
  | 'outdated-api-version';

export interface Rule {
  id: RuleId;
  /** A short title: "DML statement in a loop". */
  name: string;
  /** The default severity (a `.flowscope.json` or the Checks panel may change it). */
  severity: Severity;
  /** One sentence: what the rule finds. */
  summary: string;
  /** Why it matters and how to fix it (SARIF's `help.text`, the panel's explanation). */
  help: string;
}

export interface Finding {
  rule: RuleId;
  /** The severity after configuration. */
  severity: Severity;
  /**
   * The element's or resource's API name the finding is about; `''` for the flow itself (an outdated API
   * version, a trigger without criteria).
   */
  element: string;
  /** The graph node id to select on the canvas (an element's id; `$start` for the start); absent for a resource or the flow. */
  node?: string;
  /** In plain words, naming the element by its label and API name: "Update Contact (Update_Contact) runs inside the loop Each Contact (Each_Contact)…". */
  message: string;
  /**
   * What tells two findings of one rule on one element apart (the loop of a `dml-in-loop`, the id of a
   * `hardcoded-id`); part of a finding's identity across versions.
   */
  detail?: string;
}

/** A rule's setting: off, or on at another severity. Absent rules keep their defaults. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

/** The settings of a `.flowscope.json` (`{"checks": {"rules": {"dml-in-loop": "off" | "error" | {…}}}}`) or the panel. */
export interface ChecksConfig {
  rules: ReadonlyMap<RuleId, RuleSetting>;
}

export interface CheckContext {
  /** The newest `apiVersion` among the flows checked together (a set); the newest known release when absent. */
  newestApiVersion?: number;
}

/** A comparison's findings: introduced by the change (in the after version only, following renames), fixed, remaining. */
export interface CheckComparison {
  /** After-version findings the before version did not have. */
  introduced: Finding[];
  /** Before-version findings the after version no longer has (named as in the before version). */
  fixed: Finding[];
  /** After-version findings the before version had too. */
  remaining: Finding[];
}

/** The signatures `src/checks/index.ts` exports (kept here so every part codes against one contract). */
export interface ChecksApi {
  RULES: readonly Rule[];
  runChecks: (doc: FlowDoc, graph: FlowGraph, config?: ChecksConfig, context?: CheckContext) => Finding[];
  compareChecks: (
    before: FlowDoc,
    after: FlowDoc,
    diff: FlowDiff,
    config?: ChecksConfig,
    context?: CheckContext,
  ) => CheckComparison;
  /**
   * The same comparison from findings already run on each version (with their own graphs): what a caller that
   * also shows each side's findings uses, so no version is checked twice.
   */
  compareFindings: (before: readonly Finding[], after: readonly Finding[], diff: FlowDiff) => CheckComparison;
  /** Reads a `.flowscope.json`'s text (or the panel's stored settings); errors name what is wrong. */
  readChecksConfig: (text: string) => { ok: true; config: ChecksConfig } | { ok: false; error: string };
}
