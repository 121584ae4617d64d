/**
 * A flow's trigger in Builder's words: what the Start card's second line and the Flow tab say. Apart from
 * start.ts (the Start element's whole description, loaded with the details panel) because the first
 * screen needs only this.
 */
import { asObjList, type FlowDoc, type Obj } from '../model/types';
import { formatValue, lookup, txt, words } from './values';

export const RECORD_TRIGGERS: Record<string, string> = {
  Create: 'A record is created',
  Update: 'A record is updated',
  CreateAndUpdate: 'A record is created or updated',
  Delete: 'A record is deleted',
};

const SAVE_TIMING: Record<string, string> = {
  RecordAfterSave: 'after save',
  RecordBeforeSave: 'before save',
  RecordBeforeDelete: 'before delete',
};

const OTHER_TRIGGERS: Record<string, string> = {
  Scheduled: 'On a schedule',
  PlatformEvent: 'A platform event message is received',
  Capability: 'A capability is invoked',
  AutomationEvent: 'An automation event occurs',
  DataCloudDataChange: 'Data Cloud data changes',
};

// Process Builder keeps its trigger in flow-level processMetadataValues, not in a start element.
const PROCESS_TRIGGERS: Record<string, string> = {
  onAllChanges: 'A record is created or edited',
  onCreateOnly: 'Only when a record is created',
};

/** "A record is created or updated — after save", "On a schedule", or undefined for no trigger. */
export function triggerText(start: Obj | undefined, doc: FlowDoc): string | undefined {
  const type = txt(start?.triggerType);
  const timing = type ? lookup(SAVE_TIMING, type) : undefined;
  if (type && timing) {
    const what =
      words(RECORD_TRIGGERS, start?.recordTriggerType) ??
      (type === 'RecordBeforeDelete' ? 'A record is deleted' : 'A record changes');
    return `${what} — ${timing}`;
  }
  if (type) return words(OTHER_TRIGGERS, type);
  const pmv = processValues(doc);
  if (pmv.get('EventType')) return `${OTHER_TRIGGERS.PlatformEvent as string}: ${pmv.get('EventType') as string}`;
  if (pmv.get('TriggerType')) return words(PROCESS_TRIGGERS, pmv.get('TriggerType'));
  if (txt(doc.properties.processType) === 'InvocableProcess') return 'Invoked by another process';
  return undefined;
}

/** The object a flow is about: start.object, or a Process Builder process's ObjectType. */
export function triggerObject(start: Obj | undefined, doc: FlowDoc): string | undefined {
  return txt(start?.object) ?? processValues(doc).get('ObjectType');
}

function processValues(doc: FlowDoc): Map<string, string> {
  return new Map(
    asObjList(doc.properties.processMetadataValues).map((m) => [
      txt(m.name) ?? '',
      (formatValue(m.value) ?? '').replace(/^"|"$/g, ''),
    ]),
  );
}
