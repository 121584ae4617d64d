/** The store's review-checks shapes (issue 15). */
import type { ChecksApi, CheckComparison, Finding, Rule, RuleId, RuleSetting } from '../checks/types';
import type { CardNotes } from './cardNotes';

export type {
  CheckContext,
  ChecksApi,
  CheckComparison,
  Finding,
  Rule,
  RuleId,
  RuleSetting,
  Severity,
} from '../checks/types';

/** The checks' code (`src/checks/index.ts`), loaded after the first canvas is drawn; a fake in tests. */
export type ChecksService = () => Promise<ChecksApi>;

/** The checks' findings on what is on screen. */
export interface ChecksResult {
  /** `idle`: nothing on screen, or not yet checked (the notes of what was before are gone). */
  status: 'idle' | 'done' | 'error';
  /**
   * The flow's findings; in a comparison, the after version's (introduced first, then remaining). `node` is the
   * node id of what is drawn: the flow's graph, or the comparison's union graph.
   */
  findings: readonly Finding[];
  /** In a comparison: introduced and remaining (nodes on the union graph) and fixed (the before version's). */
  comparison?: CheckComparison;
  /** How many rules ran (the ones switched on). */
  ran: number;
  /** How long the run took (ms). */
  ms?: number;
  /** Why the checks could not run (their code did not load, or a rule threw). */
  error?: string;
}

export interface ChecksActionsState {
  /** The checks' notes on the cards of what is on screen (by node id); empty until the checks have run. */
  checkNotes: CardNotes;
  /**
   * In a comparison, the before version's notes (on union node ids) for its Before mode and side: its findings,
   * those the change fixed said so. Empty otherwise (`checkNotes` then is the after version's).
   */
  checkNotesBefore: CardNotes;
  checks: ChecksResult;
  /** The rule table, once the checks' code has loaded (empty before). */
  checkRules: readonly Rule[];
  /** The Checks panel's settings (remembered in this browser): rules switched off or at another severity. */
  checkSettings: ReadonlyMap<RuleId, RuleSetting>;
  /** Loads the checks' code (the rule table and the remembered settings) if it is not here yet. */
  prepareChecks: () => Promise<void>;
  /**
   * Switches a rule on or off or changes its severity (`undefined` severity: the rule's own); remembered in
   * this browser, and the checks run again at once.
   */
  setCheckRule: (rule: RuleId, setting: RuleSetting) => Promise<void>;
  /** Every rule back to its defaults (and forgotten in this browser); the checks run again. */
  resetCheckRules: () => Promise<void>;
  /** Selects a finding's element (the canvas centres on it) and keeps the list it was picked from in view. */
  selectFinding: (node: string) => void;
}
