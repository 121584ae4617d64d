import { isObj, type FlowResource, type Obj } from '../model/types';
import { conditionsRow, filterSentence } from './conditions';
import { byField, genericRows, listSection, metadataSection, outputRows, refRow } from './generic';
import { nonEmpty, row, section, type Row, type Section } from './types';
import { formatValue, humanise, lookup, richToPlain, txt, words, yesNo } from './values';

export const DATA_TYPES: Record<string, string> = {
  String: 'Text',
  Number: 'Number',
  Currency: 'Currency',
  Boolean: 'Boolean',
  Date: 'Date',
  DateTime: 'Date/Time',
  Time: 'Time',
  Picklist: 'Picklist',
  Multipicklist: 'Multi-Select Picklist',
  SObject: 'Record',
  Apex: 'Apex-Defined',
};

/** "Text", "Record (Account)", "Record collection (Account)", "Apex-Defined (MyClass)". */
function dataTypeText(d: Obj): string | undefined {
  const base = words(DATA_TYPES, d.dataType);
  if (base === undefined) return undefined;
  const of = txt(d.objectType) ?? txt(d.apexClass);
  return `${base}${d.isCollection === 'true' ? ' collection' : ''}${of ? ` (${of})` : ''}`;
}

/** Builder's word for each resource array (model/elements.ts RESOURCE_ARRAYS): the one list. */
const RESOURCE_TYPES: Record<string, string> = {
  variables: 'Variable',
  constants: 'Constant',
  formulas: 'Formula',
  textTemplates: 'Text Template',
  choices: 'Choice',
  dynamicChoiceSets: 'Record Choice Set',
  stages: 'Stage',
  exitRules: 'Exit Rule',
  customProperties: 'Custom Property',
};

/** Builder's word for a resource array ("Variable", "Record Choice Set"); undefined for an array it does not know. */
export function resourceKindName(type: string): string | undefined {
  return lookup(RESOURCE_TYPES, type);
}

/** Builder's name for a resource's kind; a choice set says which of the three it is. */
export function resourceTypeName(r: FlowResource): string {
  if (r.type === 'dynamicChoiceSets') {
    if (txt(r.data.picklistField)) return 'Picklist Choice Set';
    if (txt(r.data.collectionReference)) return 'Collection Choice Set';
  }
  return resourceKindName(r.type) ?? humanise(r.type).replace(/s$/, '');
}

/** Builder's plural heading for a resource array. */
export function resourceGroupName(type: string): string {
  return type === 'dynamicChoiceSets'
    ? 'Choice Sets'
    : `${resourceKindName(type) ?? humanise(type).replace(/s$/, '')}s`;
}

/** One short line for a resource list: its type, or a formula's result type. */
export function resourceSummary(r: FlowResource): string {
  const d = r.data;
  if (r.type === 'stages') return txt(d.label) ?? '';
  if (r.type === 'choices')
    return txt(d.choiceText) ? `"${short(richToPlain(txt(d.choiceText) as string))}"` : (dataTypeText(d) ?? '');
  if (r.type === 'dynamicChoiceSets') {
    const object = txt(d.object) ?? txt(d.picklistObject);
    return `${resourceTypeName(r)}${object ? ` (${object})` : ''}`;
  }
  if (r.type === 'textTemplates') return d.isViewedAsPlainText === 'true' ? 'Plain text' : 'Rich text';
  return dataTypeText(d) ?? resourceTypeName(r);
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

type Describe = {
  keys: readonly string[];
  rows: (d: Obj) => (Row | undefined)[];
  extra?: (d: Obj) => (Section | undefined)[];
};

const typeRows = (d: Obj) => [row('Data type', dataTypeText(d)), row('Decimal places', txt(d.scale))];

const DESCRIBE: Record<string, Describe> = {
  variables: {
    keys: ['dataType', 'objectType', 'apexClass', 'isCollection', 'scale', 'isInput', 'isOutput', 'value'],
    rows: (d) => [
      ...typeRows(d),
      row('Allow multiple values (collection)', yesNo(d.isCollection) ?? 'No'),
      row('Available for input', yesNo(d.isInput) ?? 'No'),
      row('Available for output', yesNo(d.isOutput) ?? 'No'),
      row('Default value', formatValue(d.value)),
    ],
  },
  constants: {
    keys: ['dataType', 'value'],
    rows: (d) => [...typeRows(d), row('Value', formatValue(d.value) ?? '(empty)')],
  },
  formulas: {
    keys: ['dataType', 'scale', 'expression'],
    rows: (d) => [...typeRows(d), row('Formula', txt(d.expression) ?? '(empty)', { mono: true })],
  },
  textTemplates: {
    keys: ['text', 'isViewedAsPlainText'],
    rows: (d) => [
      row('View as', d.isViewedAsPlainText === 'true' ? 'Plain text' : 'Rich text'),
      row('Body', txt(d.text) ?? '(empty)', { mono: true }),
    ],
  },
  choices: {
    keys: ['choiceText', 'dataType', 'value', 'userInput'],
    rows: (d) => [
      row('Choice label', txt(d.choiceText) && richToPlain(txt(d.choiceText) as string)),
      ...typeRows(d),
      row('Choice value', formatValue(d.value)),
      isObj(d.userInput)
        ? row('Let users enter input', 'Yes', { children: genericRows(d.userInput, new Set()) })
        : undefined,
    ],
  },
  dynamicChoiceSets: {
    keys: [
      'object',
      'picklistObject',
      'picklistField',
      'collectionReference',
      'dataType',
      'displayField',
      'valueField',
      'filters',
      'filterLogic',
      'sortField',
      'sortOrder',
      'limit',
      'outputAssignments',
    ],
    rows: (d) => [
      row('Object', txt(d.object) ?? txt(d.picklistObject)),
      row('Picklist field', txt(d.picklistField)),
      refRow('Collection', d.collectionReference),
      row('Data type', dataTypeText(d)),
      conditionsRow('Filter records', d.filters, d.filterLogic, filterSentence),
      row('Choice label field', txt(d.displayField)),
      row('Choice value field', txt(d.valueField)),
      row(
        'Sort',
        txt(d.sortOrder) || txt(d.sortField)
          ? `${txt(d.sortOrder) === 'Desc' ? 'Descending' : 'Ascending'}${byField(d.sortField)}`
          : undefined,
      ),
      row('Limit', txt(d.limit)),
    ],
    extra: (d) => [listSection('Store Fields in Variables', outputRows(d.outputAssignments))],
  },
  stages: {
    keys: ['label', 'stageOrder', 'isActive'],
    rows: (d) => [
      row('Label', txt(d.label)),
      row('Order', txt(d.stageOrder)),
      row('Active by default', yesNo(d.isActive) ?? 'No'),
    ],
  },
};

const COMMON = ['name', 'description', 'processMetadataValues'];

/** A resource's settings in Builder's words; unknown fields and resource types as readable rows. */
export function describeResource(r: FlowResource): Section[] {
  const d = r.data;
  const known = lookup(DESCRIBE, r.type);
  const main = section(resourceTypeName(r), ...(known?.rows(d) ?? []), row('Description', txt(d.description)));
  const other = genericRows(d, new Set([...COMMON, ...(known?.keys ?? [])]));
  const sections = nonEmpty([
    main,
    ...(known?.extra?.(d) ?? []),
    other.length > 0 ? section(known ? 'Other Settings' : resourceTypeName(r), other) : undefined,
    metadataSection(d.processMetadataValues),
  ]);
  return sections.length > 0 ? sections : [section(resourceTypeName(r), row('Settings', 'None beyond its name'))];
}
