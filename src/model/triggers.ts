/**
 * Triggers per object (issue 13): every flow of a set that starts on an object's records, grouped by object
 * and listed in the order Salesforce runs them, as Flow Trigger Explorer shows them. Pure.
 *
 * The order within a phase is Salesforce's documented rule ("Define the Run Order of Record-Triggered Flows
 * for an Object", help.salesforce.com, platform.flow_task_trigger_run_order.htm):
 * - flows with trigger order values 1–1,000 run first, ascending; equal values by the flows' API names;
 * - flows without a trigger order run next, "in the order of their activation dates" — a set read from files
 *   has no activation dates, so these are listed by API name (and say nothing of their real order);
 * - flows with trigger order values 1,001–2,000 run last, ascending; equal values by API name.
 * Trigger order applies to before-save and after-save flows; other phases are sorted the same way (a value
 * there is rare and harmless), so each list is stable and predictable.
 */
import type { SetFlow } from './set';
import type { ObjectTriggers, TriggerEntry, TriggerPhase } from './setTypes';

/** The phases in the order Salesforce runs them around a save, then the rest. */
export const PHASE_ORDER: readonly TriggerPhase[] = [
  'RecordBeforeSave',
  'RecordBeforeDelete',
  'RecordAfterSave',
  'Scheduled',
  'Other',
];

/** A flow's phase from `start.triggerType` (a platform event's flow, or an unknown trigger, is 'Other'). */
export function phaseOf(triggerType: string | undefined): TriggerPhase {
  switch (triggerType) {
    case 'RecordBeforeSave':
    case 'RecordBeforeDelete':
    case 'RecordAfterSave':
    case 'Scheduled':
      return triggerType;
    default:
      return 'Other';
  }
}

/** 0: ordered 1–1,000; 1: no order; 2: ordered 1,001–2,000 (and any value beyond). */
const band = (order: number | undefined): number => (order === undefined ? 1 : order <= 1000 ? 0 : 2);

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Salesforce's run order of two flows of one phase on one object (see the rule above). */
export function compareRunOrder(a: TriggerEntry, b: TriggerEntry): number {
  const bands = band(a.order) - band(b.order);
  if (bands !== 0) return bands;
  const orders = a.order !== undefined && b.order !== undefined ? a.order - b.order : 0;
  return orders !== 0 ? orders : byName(a.name, b.name);
}

/** Each object's flows (objects by name), in phase order and, within a phase, in run order. */
export function triggersByObject(flows: readonly SetFlow[]): ObjectTriggers[] {
  const objects = new Map<string, TriggerEntry[]>();
  for (const f of flows) {
    if (!f.trigger) continue;
    const entry: TriggerEntry = { name: f.name, label: f.label, phase: phaseOf(f.trigger.type) };
    if (f.trigger.when !== undefined) entry.when = f.trigger.when;
    if (f.trigger.order !== undefined) entry.order = f.trigger.order;
    if (f.status !== undefined) entry.status = f.status;
    const list = objects.get(f.trigger.object);
    if (list) list.push(entry);
    else objects.set(f.trigger.object, [entry]);
  }
  const phase = (p: TriggerPhase) => PHASE_ORDER.indexOf(p);
  return [...objects]
    .sort(([a], [b]) => byName(a, b))
    .map(([object, list]) => ({
      object,
      flows: list.sort((a, b) => phase(a.phase) - phase(b.phase) || compareRunOrder(a, b)),
    }));
}
