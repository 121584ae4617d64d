/**
 * Review checks (issue 15): the rule table, running it on a flow, and a comparison's introduced / fixed /
 * remaining findings. Pure: no DOM, no fetch.
 */
import type { ChecksApi } from './types';
import { RULES as TABLE } from './rules';
import { runChecks as run } from './run';
import { readChecksConfig as read } from './config';
import { compareChecks as compare, compareFindings as compareLists } from './compare';

export type * from './types';
export { API_VERSION_LAG, isRuleId, NEWEST_API_VERSION, RULE_IDS, ruleOf } from './rules';
export { apiVersionOf, newestApiVersionOf } from './structure';
export { findingKey, matchFindings, renamesOf } from './compare';
export { checksConfigOf, EMPTY_CONFIG, severityOf, writeChecksConfig } from './config';

export const RULES: ChecksApi['RULES'] = TABLE;
export const runChecks: ChecksApi['runChecks'] = run;
export const compareChecks: ChecksApi['compareChecks'] = compare;
export const compareFindings: ChecksApi['compareFindings'] = compareLists;
export const readChecksConfig: ChecksApi['readChecksConfig'] = read;
