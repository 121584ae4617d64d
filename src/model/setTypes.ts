/**
 * The flow set's shared shapes (issue 13): search results, triggers per object, a subflow call's binding and
 * the summary the set worker hands the page. Types only; the code is in set.ts, setSearch.ts, triggers.ts,
 * subflow.ts and src/sets/.
 */
import type { SetIndex, SetParameter } from './set';
import type { Obj } from './types';

/** What a search hit matched in. */
export type SearchKind =
  | 'name' // an element's API name
  | 'label' // an element's label (or the flow's)
  | 'reference' // a field or object reference: $Record.Amount, Opportunity.StageName, a variable
  | 'subflow' // a Subflow element's called flow name
  | 'formula' // a formula's expression
  | 'template' // a text template, a screen's display text, a description
  | 'resource'; // a variable, constant, formula, template or choice's name

export interface SearchHit {
  /**
   * The graph node id of the element the hit is in (`$start` for the Start), or a resource's name when
   * `resource` is true; undefined for the flow itself (its label, API name or description).
   */
  element?: string;
  resource?: boolean;
  kind: SearchKind;
  /** The text that matched, cut to about 120 characters around the match. */
  text: string;
  /** Where in `text` the match starts, and its length (for highlighting). */
  at: number;
  length: number;
}

export interface SearchGroup {
  /** The flow's API name. */
  flow: string;
  label: string;
  /** Hits in this flow, at most the per-flow limit. */
  hits: SearchHit[];
  /** Every hit in this flow (may be more than `hits`). */
  total: number;
}

export interface SearchResult {
  query: string;
  /** Flows with hits, best first (a hit on the flow's name or label first, then by hit count, then by name). */
  groups: SearchGroup[];
  /** Hits over all flows. */
  total: number;
  /** Flows with hits (may be more than `groups`). */
  flows: number;
  /** More flows or hits matched than were returned. */
  truncated: boolean;
}

/** When, relative to the save, Salesforce runs a record-triggered flow. */
export type TriggerPhase = 'RecordBeforeSave' | 'RecordBeforeDelete' | 'RecordAfterSave' | 'Scheduled' | 'Other';

export interface TriggerEntry {
  /** The flow's API name. */
  name: string;
  label: string;
  phase: TriggerPhase;
  /** `start.recordTriggerType`: Create, Update, CreateAndUpdate, Delete. */
  when?: string;
  order?: number;
  status?: string;
}

/** One object's record-triggered flows, in the order Salesforce runs them (as Flow Trigger Explorer lists them). */
export interface ObjectTriggers {
  object: string;
  flows: TriggerEntry[];
}

/** What the set worker hands the page once a set is read: the index and its triggers per object. */
export interface SetSummary extends SetIndex {
  /** Objects by name; each object's flows in run order. */
  triggers: ObjectTriggers[];
}

/** One value a Subflow element passes (an input) or takes back (an output), beside what the callee declares. */
export interface BindingRow {
  /** The callee's variable name as the caller writes it. */
  name: string;
  /** Inputs: the value passed (a flow value object: stringValue, elementReference…); outputs: `{elementReference}` of the caller's variable it goes to. */
  value?: Obj;
  /** The callee's declaration of that variable, when it has one available for input (or output). */
  declared?: SetParameter;
  /**
   * What is wrong: `undeclared` — the callee has no variable available for input (output) of that name;
   * absent when the callee declares it or the callee is not in the set.
   */
  problem?: 'undeclared';
}

export interface SubflowBinding {
  /** The called flow's API name (`flowName`). */
  callee: string;
  /** The set has the called flow. */
  resolved: boolean;
  inputs: BindingRow[];
  /** The callee's inputs the caller does not pass. */
  notPassed: SetParameter[];
  outputs: BindingRow[];
  /** `storeOutputAutomatically`: every output lands in an automatic variable named after the element. */
  automaticOutputs: boolean;
}
