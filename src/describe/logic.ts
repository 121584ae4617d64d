import { asObjList, type Obj } from '../model/types';
import { conditionsRow, sentenceOf } from './conditions';
import { inputRows, listSection, outputRows, refRow } from './generic';
import { row, section, type Describer } from './types';
import { formatValue, richToPlain, txt, words } from './values';

export const ASSIGNMENT_OPERATORS: Record<string, string> = {
  Assign: 'Equals',
  Add: 'Add',
  Subtract: 'Subtract',
  AssignCount: 'Equals Count',
  AddItem: 'Add',
  AddAtStart: 'Add at Start',
  RemoveFirst: 'Remove First',
  RemoveBeforeFirst: 'Remove Before First',
  RemoveAfterFirst: 'Remove After First',
  RemoveAll: 'Remove All',
  RemoveUncommon: 'Remove Uncommon',
  RemovePosition: 'Remove Position',
};

const RECORD_CHANGED =
  'Only if the record that triggered the flow to run is updated to meet the condition requirements';

export const decisions: Describer = {
  keys: ['rules', 'defaultConnectorLabel'],
  describe: (d) => [
    ...asObjList(d.rules).map((rule, i) =>
      section(
        `Outcome ${i + 1}: ${txt(rule.label) ?? txt(rule.name) ?? ''}`,
        row('Outcome API name', txt(rule.name), { mono: true }),
        conditionsRow('Condition requirements', rule.conditions, rule.conditionLogic) ??
          row('Condition requirements', 'None'),
        rule.doesRequireRecordChangedToMeetCriteria === 'true' ? row('When to execute', RECORD_CHANGED) : undefined,
      ),
    ),
    section(
      'Default Outcome',
      row('Label', txt(d.defaultConnectorLabel) ?? 'Default Outcome'),
      row('Runs when', 'No other outcome’s conditions are met'),
    ),
  ],
};

export const assignments: Describer = {
  keys: ['assignmentItems'],
  describe: (d) => [
    listSection(
      'Set Variable Values',
      asObjList(d.assignmentItems).map((item, i) => ({
        label: txt(item.assignToReference) ?? String(i + 1),
        value: [words(ASSIGNMENT_OPERATORS, item.operator) ?? 'Equals', formatValue(item.value) ?? '(nothing)'].join(
          ' ',
        ),
      })),
    ) ?? section('Set Variable Values', row('Assignments', 'None')),
  ],
};

export const loops: Describer = {
  keys: ['collectionReference', 'iterationOrder', 'assignNextValueToReference'],
  describe: (d) => [
    section(
      'Loop',
      refRow('Collection variable', d.collectionReference) ?? row('Collection variable', '(not set)'),
      row('Direction', txt(d.iterationOrder) === 'Desc' ? 'Last item to first item' : 'First item to last item'),
      refRow('Current item', d.assignNextValueToReference),
    ),
  ],
};

const PROCESSOR_TYPES: Record<string, string> = {
  FilterCollectionProcessor: 'Filter',
  SortCollectionProcessor: 'Sort',
  RecommendationMapCollectionProcessor: 'Recommendation Map',
  MapCollectionProcessor: 'Map',
};

export const collectionProcessors: Describer = {
  keys: [
    'collectionProcessorType',
    'elementSubtype',
    'collectionReference',
    'assignNextValueToReference',
    'conditions',
    'conditionLogic',
    'formula',
    'sortOptions',
    'limit',
    'mapItems',
    'outputSObjectType',
  ],
  describe: (d) => [
    section(
      'Collection Processor',
      row('Type', words(PROCESSOR_TYPES, d.collectionProcessorType ?? d.elementSubtype)),
      refRow('Collection', d.collectionReference),
      refRow('Current item', d.assignNextValueToReference),
      conditionsRow('Conditions', d.conditions, d.conditionLogic),
      row('Formula', txt(d.formula), { mono: true }),
      row('Keep only the first', txt(d.limit) && `${txt(d.limit) as string} items`),
      row('Output object', txt(d.outputSObjectType)),
    ),
    listSection(
      'Sort',
      asObjList(d.sortOptions).map((o, i) => ({
        label: String(i + 1),
        value:
          `${txt(o.sortField) ?? '(field)'}: ${txt(o.sortOrder) === 'Desc' ? 'Descending' : 'Ascending'}` +
          (o.doesPutEmptyStringAndNullFirst === 'true' ? ', empty and null values first' : ''),
      })),
    ),
    listSection(
      'Map Items',
      asObjList(d.mapItems).map((m, i) => ({
        label: txt(m.assignToFieldReference) ?? String(i + 1),
        value: formatValue(m.value) ?? '(no value)',
      })),
    ),
  ],
};

export const customErrors: Describer = {
  keys: ['customErrorMessages'],
  describe: (d) => [
    listSection(
      'Error Messages',
      asObjList(d.customErrorMessages).map((m, i) => ({
        label: String(i + 1),
        value: richToPlain(txt(m.errorMessage) ?? ''),
        children: [
          m.isFieldError === 'true'
            ? { label: 'Where to show', value: `Inline on the record field ${txt(m.fieldSelection) ?? ''}`.trim() }
            : { label: 'Where to show', value: 'As a window on the record page' },
        ],
      })),
    ) ?? section('Error Messages', row('Messages', 'None')),
  ],
};

export const experiments: Describer = {
  keys: ['paths'],
  describe: (d) => [
    listSection(
      'Paths',
      asObjList(d.paths).map((p, i) => ({
        label: txt(p.label) ?? txt(p.name) ?? String(i + 1),
        value: txt(p.percentage) ? `${txt(p.percentage) as string}%` : '',
      })),
    ),
  ],
};

const WAIT_EVENT_TYPES: Record<string, string> = {
  AlarmEvent: 'Absolute time alarm',
  DateRefAlarmEvent: 'Record field time alarm',
};

/** Process Builder scheduled actions and old Wait elements: "3 Days after {!$Flow.InterviewStartTime}". */
function resumeTime(event: Obj): string | undefined {
  const params = new Map(asObjList(event.inputParameters).map((p) => [txt(p.name) ?? '', p.value]));
  const base = params.get('AlarmTime') ?? params.get('TimeFieldColumnEnumOrId');
  if (base === undefined) return undefined;
  const baseText = formatValue(base) ?? '';
  const offset = Number(formatValue(params.get('TimeOffset')) ?? '0');
  const unit = formatValue(params.get('TimeOffsetUnit'))?.replace(/"/g, '') ?? 'Days';
  if (!offset) return `At ${baseText}`;
  return `${Math.abs(offset)} ${unit} ${offset < 0 ? 'before' : 'after'} ${baseText}`;
}

export const waits: Describer = {
  keys: ['waitEvents', 'defaultConnectorLabel'],
  describe: (d) => [
    ...asObjList(d.waitEvents).map((e, i) =>
      section(
        `Path ${i + 1}: ${txt(e.label) ?? txt(e.name) ?? ''}`,
        row('Path API name', txt(e.name), { mono: true }),
        row('Event type', words(WAIT_EVENT_TYPES, e.eventType)),
        row('Resume', resumeTime(e)),
        row('Inputs', '', { children: inputRows(e.inputParameters) }),
        conditionsRow('Wait conditions', e.conditions, e.conditionLogic, sentenceOf),
        row('Outputs', '', { children: outputRows(e.outputParameters) }),
      ),
    ),
    section('Default Path', row('Label', txt(d.defaultConnectorLabel) ?? 'Default Path')),
  ],
};
