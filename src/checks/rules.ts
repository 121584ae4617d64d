/** The rule table of the review checks: what each rule finds, how loud it is by default, why it matters. */
import type { Rule, RuleId } from './types';

/**
 * The newest Salesforce API version known to this release of Flowscope: 68.0 (Winter '27), the release that
 * began writing `<ends>` elements to metadata (FLOW-FORMAT.md §2). The corpus's newest is 65.0.
 */
export const NEWEST_API_VERSION = 68;

/** How many releases behind the newest an `apiVersion` may be before `outdated-api-version` reports it. */
export const API_VERSION_LAG = 10;

export const RULES: readonly Rule[] = [
  {
    id: 'dml-in-loop',
    name: 'DML statement in a loop',
    severity: 'error',
    summary: 'A Create, Update or Delete Records element runs once per item of a loop.',
    help:
      'Each pass of the loop runs the database operation again, so a large collection hits the governor limit ' +
      'of 150 DML statements per transaction and the whole flow fails. Inside the loop, add the record to a ' +
      'collection variable with an Assignment instead, and create, update or delete the whole collection once ' +
      "after the loop's After Last path.",
  },
  {
    id: 'soql-in-loop',
    name: 'Query in a loop',
    severity: 'error',
    summary: 'A Get Records element runs once per item of a loop.',
    help:
      'Each pass of the loop runs another query, so a large collection hits the governor limit of 100 SOQL ' +
      'queries per transaction and the whole flow fails. Get all the records you need once, before the loop ' +
      '(filter with the In operator on a collection, or get a wider set), and look items up inside the loop ' +
      'with a Decision, Assignment or Collection Filter.',
  },
  {
    id: 'missing-fault-path',
    name: 'No fault path',
    severity: 'warning',
    summary: 'A data or action element has no Fault connector.',
    help:
      'When the operation fails (a validation rule, a locked record, a permission, a failing action), the ' +
      'flow stops with an unhandled fault: the user sees a generic error and the administrator gets an ' +
      'email. Add a Fault path that logs the error, tells the user in plain words, or rolls back. Before-save ' +
      'record-triggered flows are exempt: Flow Builder offers no fault path there.',
  },
  {
    id: 'hardcoded-id',
    name: 'Hard-coded record id',
    severity: 'warning',
    summary: 'A value holds a literal 15- or 18-character Salesforce record id.',
    help:
      'Record ids differ between orgs: an id that works in the sandbox where it was typed points at nothing ' +
      '(or at the wrong record) in production and in every new sandbox. Look the record up by a stable key ' +
      '(a DeveloperName, a unique field, a custom setting or custom metadata) with Get Records, or pass the ' +
      'id in through an input variable.',
  },
  {
    id: 'hardcoded-url',
    name: 'Hard-coded Salesforce URL',
    severity: 'warning',
    summary: "A value holds a literal Salesforce instance address (an org's My Domain, site or instance host).",
    help:
      'Instance and My Domain addresses differ between production and every sandbox, and change when the org ' +
      'is moved or renamed, so links built from them break. Build links from a relative path ("/" plus the ' +
      'record id), from a formula on $Api.Partner_Server_URL or the org domain, or from a custom setting or ' +
      'custom metadata record.',
  },
  {
    id: 'unused-resource',
    name: 'Unused resource',
    severity: 'note',
    summary: 'A variable, constant, formula, text template or choice is referenced nowhere in the flow.',
    help:
      'An unused resource does no harm when the flow runs, but it makes the flow harder to read and review, ' +
      'and often marks a step someone forgot to finish. Delete it, or use it where it was meant to be used. ' +
      'Variables available for input or output are the flow’s interface and are never reported.',
  },
  {
    id: 'unreachable-element',
    name: 'Unreachable element',
    severity: 'warning',
    summary: 'No path from Start reaches the element, so it never runs.',
    help:
      'An element nothing connects to is dead: it never runs, yet it is deployed and reviewed like the rest. ' +
      'Often a connector was deleted by mistake. Connect it where it belongs, or delete it.',
  },
  {
    id: 'loop-without-after-last',
    name: 'Loop without After Last',
    severity: 'warning',
    summary: 'A Loop has no After Last connector.',
    help:
      'When the loop has gone through every item, the flow ends right there: nothing after the loop runs, ' +
      'which is rarely what was meant and easy to miss on the canvas. Connect the After Last path to the ' +
      'element that should run once the loop is done (or to an explicit end).',
  },
  {
    id: 'trigger-without-criteria',
    name: 'Record trigger without entry conditions',
    severity: 'warning',
    summary: 'A record-triggered flow has no entry conditions, so it runs on every save (or delete) of the object.',
    help:
      'A flow without entry conditions runs for every record change of its object, including bulk loads and ' +
      'integrations, spending limits and time on records it has nothing to do with. Add entry conditions on ' +
      'the Start element (conditions or a formula), and consider "Only when a record is updated to meet the ' +
      'condition requirements".',
  },
  {
    id: 'outdated-api-version',
    name: 'Outdated API version',
    severity: 'note',
    summary: `The flow's API version is more than ${API_VERSION_LAG} releases behind the newest.`,
    help:
      'A flow runs with the behaviour of the API version it was saved at: newer releases fix bugs and change ' +
      'defaults (how values are handled, what runs in which order) only for flows saved at a newer version. ' +
      "Open the flow in a recent Flow Builder, check it still does what it should, and save it at the org's " +
      'current API version.',
  },
];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this id (Map lookup: ids come from configuration files). */
export function ruleOf(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}
