import { asObjList, type Obj } from '../model/types';
import { conditionsRow, filterSentence } from './conditions';
import { byField, inputRows, listSection, outputRows, refRow, strings } from './generic';
import { row, section, type Describer } from './types';
import { formatReference, formatValue, txt, yesNo } from './values';

const filtersRow = (d: Obj, label: string) => conditionsRow(label, d.filters, d.filterLogic, filterSentence);

export const recordLookups: Describer = {
  keys: [
    'object',
    'filters',
    'filterLogic',
    'sortField',
    'sortOrder',
    'getFirstRecordOnly',
    'storeOutputAutomatically',
    'outputReference',
    'outputAssignments',
    'queriedFields',
    'assignNullValuesIfNoRecordsFound',
    'limit',
  ],
  describe: (d) => [
    section(
      'Get Records',
      row('Object', txt(d.object)),
      filtersRow(d, 'Filter records') ?? row('Filter records', 'None: all records'),
      txt(d.sortOrder) || txt(d.sortField)
        ? row(
            'Sort',
            `${txt(d.sortOrder) === 'Desc' ? 'Descending' : txt(d.sortOrder) === 'Asc' ? 'Ascending' : 'Not sorted'}` +
              byField(d.sortField),
          )
        : undefined,
      row(
        'How many records to store',
        d.getFirstRecordOnly === 'true'
          ? 'Only the first record'
          : d.getFirstRecordOnly === 'false'
            ? 'All records'
            : undefined,
      ),
      row('Limit', txt(d.limit)),
      row('How to store record data', storeText(d)),
      row('Fields', strings(d.queriedFields).join(', ')),
      row('When no records are returned, set specified variables to null', yesNo(d.assignNullValuesIfNoRecordsFound)),
    ),
    listSection('Store Fields in Variables', outputRows(d.outputAssignments)),
  ],
};

function storeText(d: Obj): string | undefined {
  if (d.storeOutputAutomatically === 'true') return 'Automatically store all fields';
  const out = txt(d.outputReference);
  if (out) return `Store in ${formatReference(out)}`;
  if (asObjList(d.outputAssignments).length > 0) return 'Store fields in separate variables';
  return undefined;
}

export const recordCreates: Describer = {
  keys: ['object', 'inputReference', 'inputAssignments', 'assignRecordIdToReference', 'storeOutputAutomatically'],
  describe: (d) => [
    section(
      'Create Records',
      row('Object', txt(d.object)),
      txt(d.inputReference)
        ? row('How to set record fields', `Use all values from ${formatReference(txt(d.inputReference) as string)}`)
        : row(
            'How to set record fields',
            asObjList(d.inputAssignments).length > 0 ? 'Use separate resources and literal values' : undefined,
          ),
      refRow('Store the new record ID in', d.assignRecordIdToReference),
      row('Record ID', d.storeOutputAutomatically === 'true' ? 'Stored automatically' : undefined),
    ),
    listSection('Set Field Values', inputRows(d.inputAssignments)),
  ],
};

export const recordUpdates: Describer = {
  keys: ['object', 'inputReference', 'inputAssignments', 'filters', 'filterLogic'],
  describe: (d) => [
    section(
      'Update Records',
      row('Object', txt(d.object)),
      txt(d.inputReference)
        ? row(
            'How to find records',
            `Use the IDs and all field values from ${formatReference(txt(d.inputReference) as string)}`,
          )
        : row('How to find records', 'Specify conditions to identify records, and set fields individually'),
      filtersRow(d, 'Filter records'),
    ),
    listSection('Set Field Values', inputRows(d.inputAssignments)),
  ],
};

export const recordDeletes: Describer = {
  keys: ['object', 'inputReference', 'filters', 'filterLogic'],
  describe: (d) => [
    section(
      'Delete Records',
      row('Object', txt(d.object)),
      txt(d.inputReference)
        ? row('How to find records', `Use the IDs stored in ${formatReference(txt(d.inputReference) as string)}`)
        : row('How to find records', 'Specify conditions'),
      filtersRow(d, 'Filter records'),
    ),
  ],
};

export const recordRollbacks: Describer = {
  keys: [],
  describe: () => [
    section(
      'Roll Back Records',
      row('What it does', 'Rolls back the record changes made so far in the current transaction'),
    ),
  ],
};

export const transforms: Describer = {
  keys: ['dataType', 'objectType', 'apexClass', 'isCollection', 'scale', 'transformValues'],
  describe: (d) => [
    section(
      'Target Data',
      row(
        'Data type',
        [txt(d.dataType) === 'SObject' ? 'Record' : txt(d.dataType), txt(d.objectType) ?? txt(d.apexClass)]
          .filter(Boolean)
          .join(': ') || undefined,
      ),
      row('Collection', yesNo(d.isCollection)),
      row('Decimal places', txt(d.scale)),
    ),
    listSection(
      'Mappings',
      asObjList(d.transformValues).flatMap((tv) =>
        asObjList(tv.transformValueActions).map((a, i) => ({
          label: txt(a.outputFieldApiName) ?? String(i + 1),
          value:
            (txt(a.transformType) && txt(a.transformType) !== 'Map' ? `${txt(a.transformType) as string}: ` : '') +
            (formatValue(a.value) ?? ''),
        })),
      ),
    ),
  ],
};
