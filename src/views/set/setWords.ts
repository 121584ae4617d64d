/**
 * A set's flows in Flow Builder's words: the type a list shows ("Record-Triggered Flow"), the trigger
 * ("Case · after save · created or updated"), the status, the run-order phases. Pure, for the set screens.
 */
import type { SetFlow, SetParameter, SetTrigger } from '../../model/set';
import type { SearchKind, TriggerPhase } from '../../model/setTypes';
import { flowTypeWords } from '../../describe/flow';
import { DATA_TYPES } from '../../describe/resources';
import { lookup, words } from '../../describe/values';

/** "Screen Flow", "Record-Triggered Flow", "Autolaunched Flow (No Trigger)"; "Flow" when the file does not say. */
export const flowTypeName = (flow: Pick<SetFlow, 'processType' | 'trigger'>): string =>
  flowTypeWords(flow.processType, flow.trigger?.type) ?? 'Flow';

const WHEN: Record<string, string> = {
  Create: 'created',
  Update: 'updated',
  CreateAndUpdate: 'created or updated',
  Delete: 'deleted',
};

/** `recordTriggerType` as the record's event: "created or updated"; undefined when absent. */
export const whenWords = (when: string | undefined): string | undefined =>
  when === undefined ? undefined : (lookup(WHEN, when) ?? words(WHEN, when)?.toLowerCase());

const TIMING: Record<string, string> = {
  RecordAfterSave: 'after save',
  RecordBeforeSave: 'before save',
  RecordBeforeDelete: 'before delete',
  Scheduled: 'scheduled',
  PlatformEvent: 'platform event',
};

/** "Case · after save · created or updated", "Account · scheduled", or "—" for a flow without a start object. */
export function triggerWords(trigger: SetTrigger | null): string {
  if (!trigger) return '—';
  const timing = trigger.type ? (lookup(TIMING, trigger.type) ?? words(TIMING, trigger.type)) : undefined;
  const when = trigger.type === 'RecordBeforeDelete' ? undefined : whenWords(trigger.when);
  return [trigger.object, timing, when].filter((x) => x !== undefined && x !== '').join(' · ');
}

const STATUS: Record<string, string> = {
  Active: 'Active',
  Draft: 'Draft',
  Obsolete: 'Obsolete',
  InvalidDraft: 'Invalid draft',
};

/** The status in words; "—" when the file does not say. */
export const statusWords = (status: string | undefined): string => words(STATUS, status) ?? '—';

/** What the triggers tab heads each phase with, in the order Salesforce runs them. */
export const PHASES: readonly [TriggerPhase, string][] = [
  ['RecordBeforeSave', 'Before save — fast field updates'],
  ['RecordBeforeDelete', 'Before delete'],
  ['RecordAfterSave', 'After save — actions and related records'],
  ['Scheduled', 'Scheduled'],
  ['Other', 'Other'],
];

const KINDS: Record<SearchKind, string> = {
  name: 'element',
  label: 'label',
  reference: 'field reference',
  subflow: 'subflow',
  formula: 'formula',
  template: 'text',
  resource: 'resource',
};

/** The word a search hit is introduced with. */
export const kindWord = (kind: SearchKind): string => lookup(KINDS, kind) ?? kind;

/** A callee's variable as Builder's resource panel says it: "Text", "Record collection (Account)". */
export function parameterWords(p: SetParameter): string {
  const base = p.dataType === undefined ? 'Variable' : (words(DATA_TYPES, p.dataType) ?? p.dataType);
  return `${base}${p.isCollection ? ' collection' : ''}${p.objectType ? ` (${p.objectType})` : ''}`;
}

/** "1 flow", "42 flows". */
export const count = (n: number, word: string, plural = `${word}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;

/**
 * A text cut around a match: the part before, the match, the part after (for a `<mark>`); a match outside
 * the text (a stale offset) gives the whole text unmarked.
 */
export function splitMatch(text: string, at: number, length: number): [string, string, string] {
  if (at < 0 || length <= 0 || at + length > text.length) return [text, '', ''];
  return [text.slice(0, at), text.slice(at, at + length), text.slice(at + length)];
}
