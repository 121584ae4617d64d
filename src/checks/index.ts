/**
 * Review checks (issue 15): the rule table, running it on a flow, and a comparison's introduced / fixed /
 * remaining findings. PLACEHOLDER until the checks land: the real rules replace these bodies.
 */
import type { ChecksApi } from './types';

export type * from './types';

export const RULES: ChecksApi['RULES'] = [];
export const runChecks: ChecksApi['runChecks'] = () => [];
export const compareChecks: ChecksApi['compareChecks'] = () => ({ introduced: [], fixed: [], remaining: [] });
export const readChecksConfig: ChecksApi['readChecksConfig'] = () => ({ ok: true, config: { rules: new Map() } });
