import { asObjList, type FlowDoc, type Obj, type Value } from '../model/types';
import { conditionsRow, filterSentence } from './conditions';
import { genericRows, listSection, metadataSection } from './generic';
import { nonEmpty, row, section, type Row, type Section } from './types';
import { txt, words } from './values';
import { RECORD_TRIGGERS, triggerObject, triggerText } from './trigger';

export { RECORD_TRIGGERS, triggerObject, triggerText };

/** "1 Day After CloseDate", "3 Hours Before CloseDate", "Run Asynchronously". */
export function scheduledPathOffset(p: Obj, start: Obj | undefined): string {
  if (txt(p.pathType) === 'AsyncAfterCommit') return 'Run Asynchronously';
  const n = Number(txt(p.offsetNumber) ?? '0');
  const unit = txt(p.offsetUnit) ?? 'Days';
  const base =
    txt(p.timeSource) === 'RecordField' || txt(p.recordField)
      ? (txt(p.recordField) ?? 'a record field')
      : (words(RECORD_TRIGGERS, start?.recordTriggerType) ?? 'A record is saved').replace(/^A record/, 'the record');
  // Builder says "1 Day After", "3 Days After".
  const said = Math.abs(n) === 1 ? unit.replace(/s$/, '') : unit;
  return `${Math.abs(n)} ${said} ${n < 0 ? 'Before' : 'After'} ${base}`;
}

const HANDLED = new Set([
  'triggerType',
  'recordTriggerType',
  'object',
  'filters',
  'filterLogic',
  'filterFormula',
  'doesRequireRecordChangedToMeetCriteria',
  'schedule',
  'scheduledPaths',
  'capabilityTypes',
  'locationX',
  'locationY',
  'processMetadataValues',
]);

/** Start: the trigger, entry conditions, schedule and scheduled paths (or the legacy start reference). */
export function describeStart(start: Obj | undefined, doc: FlowDoc): Section[] {
  const s: Obj = start ?? {};
  const type = txt(s.triggerType);
  const timing =
    type === 'RecordBeforeSave'
      ? 'Fast Field Updates'
      : type === 'RecordAfterSave'
        ? 'Actions and Related Records'
        : undefined;
  const trigger = section(
    'Trigger',
    row('Trigger the flow when', triggerText(start, doc) ?? noTrigger(doc)),
    row('Object', triggerObject(start, doc)),
    row('Optimize the flow for', timing),
    row('Trigger order', txt(doc.properties.triggerOrder)),
    row('Capabilities', '', { children: asObjList(s.capabilityTypes).map(capabilityRow) }),
    !start && doc.startElementReference
      ? row('Starts at (legacy start element reference)', doc.startElementReference, { mono: true })
      : undefined,
  );
  const paths = asObjList(s.scheduledPaths);
  return nonEmpty([
    trigger,
    entryConditions(s),
    scheduleSection(s.schedule),
    listSection('Scheduled Paths', [
      ...(paths.length > 0 && s.connector !== undefined
        ? [{ label: 'Run Immediately', value: 'When the record is saved' }]
        : []),
      ...paths.map((p) => ({
        label:
          txt(p.label) ??
          (txt(p.pathType) === 'AsyncAfterCommit' ? 'Run Asynchronously' : (txt(p.name) ?? 'Scheduled path')),
        value:
          txt(p.label) === undefined && txt(p.pathType) === 'AsyncAfterCommit'
            ? 'In the background, after the triggering transaction commits'
            : scheduledPathOffset(p, start),
        ...children([row('Path API name', txt(p.name), { mono: true }), row('Batch size', txt(p.maxBatchSize))]),
      })),
    ]),
    start ? section('Other Settings', genericRows(s, HANDLED)) : undefined,
    metadataSection(s.processMetadataValues),
  ]);
}

function noTrigger(doc: FlowDoc): string {
  return txt(doc.properties.processType) === 'Flow'
    ? 'No trigger: users run it from a Lightning page, a button, a link or another flow'
    : 'No trigger: another flow, Apex, a process or an API call starts it';
}

function children(items: (Row | undefined)[]): { children?: Row[] } {
  const list = items.filter((r): r is Row => r !== undefined);
  return list.length > 0 ? { children: list } : {};
}

function capabilityRow(c: Obj): Row {
  const inputs = asObjList(c.inputs).map(
    (i) => `${txt(i.capabilityInputName) ?? txt(i.name) ?? ''}: ${txt(i.dataType) ?? ''}`,
  );
  return {
    label: txt(c.capabilityName) ?? txt(c.name) ?? 'Capability',
    value: inputs.length > 0 ? `Inputs: ${inputs.join(', ')}` : 'No inputs',
  };
}

function entryConditions(s: Obj): Section | undefined {
  const formula = txt(s.filterFormula);
  const conditions = formula
    ? row('Condition requirements', 'Formula evaluates to true', {
        children: [{ label: 'Formula', value: formula, mono: true }],
      })
    : conditionsRow('Condition requirements', s.filters, s.filterLogic, filterSentence);
  if (!conditions) return undefined;
  const rt = txt(s.recordTriggerType);
  const onUpdate = rt === 'Update' || rt === 'CreateAndUpdate';
  return section(
    'Entry Conditions',
    conditions,
    onUpdate
      ? row(
          'When to run the flow for updated records',
          s.doesRequireRecordChangedToMeetCriteria === 'true'
            ? 'Only when a record is updated to meet the condition requirements'
            : 'Every time a record is updated and meets the condition requirements',
        )
      : undefined,
  );
}

const FREQUENCIES: Record<string, string> = { Once: 'Once', Daily: 'Daily', Weekly: 'Weekly' };

function scheduleSection(v: Value | undefined): Section | undefined {
  const sc = asObjList(v)[0];
  if (!sc) return undefined;
  const time = txt(sc.startTime);
  return section(
    'Schedule',
    row('Frequency', words(FREQUENCIES, sc.frequency)),
    row('Start date', txt(sc.startDate)),
    row('Start time', time?.replace(/^(\d\d:\d\d)(:\d\d)?(\.\d+)?Z$/, '$1 UTC')),
    ...genericRows(sc, new Set(['frequency', 'startDate', 'startTime'])),
  );
}
