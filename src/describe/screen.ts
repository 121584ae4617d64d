import { asObjList, isObj, type Obj, type Value } from '../model/types';
import { conditionsRow } from './conditions';
import { inputRows, outputRows, strings } from './generic';
import { row, rows, section, type Row, type Describer } from './types';
import { formatValue, lookup, richToPlain, short, txt, words } from './values';

const FIELD_TYPES: Record<string, string> = {
  LargeTextArea: 'Long Text Area',
  PasswordField: 'Password',
  DisplayText: 'Display Text',
  DropdownBox: 'Picklist',
  RadioButtons: 'Radio Buttons',
  MultiSelectCheckboxes: 'Checkbox Group',
  MultiSelectPicklist: 'Multi-Select Picklist',
  RegionContainer: 'Section',
  Region: 'Column',
  ObjectProvided: 'Record Field',
  ComponentChoice: 'Choice Component',
  ComponentMultiChoice: 'Multi-Choice Component',
  ComponentInput: 'Input Component',
  ComponentDisplay: 'Display Component',
};

const INPUT_TYPES: Record<string, string> = {
  String: 'Text',
  Number: 'Number',
  Currency: 'Currency',
  Date: 'Date',
  DateTime: 'Date & Time',
  Boolean: 'Checkbox',
};

/** Standard screen components (flowruntime:*) by Builder's name; custom ones keep their name. */
const COMPONENTS: Record<string, string> = {
  'flowruntime:address': 'Address',
  'flowruntime:datatable': 'Data Table',
  'flowruntime:dependentPicklists': 'Dependent Picklists',
  'flowruntime:email': 'Email',
  'flowruntime:fileUpload': 'File Upload',
  'flowruntime:image': 'Image',
  'flowruntime:lookup': 'Lookup',
  'flowruntime:name': 'Name',
  'flowruntime:phone': 'Phone',
  'flowruntime:richTextArea': 'Rich Text Area',
  'flowruntime:slider': 'Slider',
  'flowruntime:toggle': 'Toggle',
  'flowruntime:url': 'URL',
};

export function fieldTypeName(f: Obj): string {
  const type = txt(f.fieldType);
  if (type === 'InputField') return words(INPUT_TYPES, f.dataType) ?? 'Input';
  if (type === 'ComponentInstance') {
    const ext = txt(f.extensionName);
    return ext ? (lookup(COMPONENTS, ext) ?? `Component: ${ext}`) : 'Component';
  }
  return words(FIELD_TYPES, f.fieldType) ?? 'Field';
}

const NOT_INPUTS = new Set(['ComponentInstance', 'DisplayText', 'RegionContainer', 'Region']);

/** One screen component as a row; sections hold columns, columns hold components. */
function fieldRow(f: Obj): Row {
  const type = txt(f.fieldType);
  const name = txt(f.name);
  if (type === 'Region') {
    const width = asObjList(f.inputParameters).find((p) => p.name === 'width');
    return {
      label: 'Column',
      value: width ? `Width ${formatValue(width.value)?.replace(/"/g, '') ?? ''} of 12` : '',
      ...kids(asObjList(f.fields).map(fieldRow)),
    };
  }
  const text = txt(f.fieldText);
  const plain = text !== undefined ? richToPlain(text) : undefined;
  const title =
    (plain && short(plain)) || (type === 'ObjectProvided' ? txt(f.objectFieldReference) : undefined) || name || '';
  const children = rows(
    name && name !== title ? row('API name', name, { mono: true }) : undefined,
    type === 'DisplayText' && plain && plain !== title ? row('Text', plain) : undefined,
    type === 'RegionContainer'
      ? row('Header', txt(f.regionContainerType) === 'SectionWithHeader' ? 'Shown' : 'Hidden')
      : undefined,
    txt(f.objectFieldReference) !== title ? row('Field', txt(f.objectFieldReference), { mono: true }) : undefined,
    // Components, sections and display text carry isRequired=true by default; only inputs mean it.
    row('Required', f.isRequired === 'true' && !NOT_INPUTS.has(type ?? '') ? 'Yes' : undefined),
    row('Default value', formatValue(f.defaultValue)),
    row('Default choice', txt(f.defaultSelectedChoiceReference)),
    row('Choices', strings(f.choiceReferences).join(', ')),
    row('Decimal places', txt(f.scale)),
    row('Help text', txt(f.helpText) && richToPlain(txt(f.helpText) as string)),
    row('Inputs', '', { children: inputRows(f.inputParameters) }),
    row('Outputs', f.storeOutputAutomatically === 'true' ? 'Stored automatically' : '', {
      children: outputRows(f.outputParameters),
    }),
    row('Object types', '', {
      children: asObjList(f.dataTypeMappings).map((m) => ({
        label: txt(m.typeName) ?? '',
        value: txt(m.typeValue) ?? '',
      })),
    }),
    visibilityRow(f.visibilityRule),
    validationRow(f.validationRule),
    asObjList(f.fields).map(fieldRow),
  );
  return { label: fieldTypeName(f), value: title, ...kids(children) };
}

function visibilityRow(r: Value | undefined): Row | undefined {
  return isObj(r) ? conditionsRow('Visible when', r.conditions, r.conditionLogic) : undefined;
}

function validationRow(r: Value | undefined): Row | undefined {
  if (!isObj(r)) return undefined;
  return row('Validate input', '', {
    children: rows(
      row('Formula', txt(r.formulaExpression), { mono: true }),
      row('Error message', txt(r.errorMessage) && richToPlain(txt(r.errorMessage) as string)),
    ),
  });
}

function kids(children: Row[]): { children?: Row[] } {
  return children.length > 0 ? { children } : {};
}

function allow(v: Value | undefined): string | undefined {
  return v === 'true' ? 'Shown' : v === 'false' ? 'Hidden' : undefined;
}

export const screens: Describer = {
  keys: [
    'fields',
    'allowBack',
    'allowFinish',
    'allowPause',
    'showFooter',
    'showHeader',
    'backButtonLabel',
    'nextOrFinishButtonLabel',
    'pauseButtonLabel',
    'helpText',
    'pausedText',
  ],
  describe: (d) => {
    const fields = asObjList(d.fields);
    return [
      section(
        'Screen Properties',
        row('Header', allow(d.showHeader)),
        row('Footer', allow(d.showFooter)),
        row('Previous button', allow(d.allowBack)),
        row('Pause button', allow(d.allowPause)),
        row('Next or Finish button', allow(d.allowFinish)),
        row('Previous button label', txt(d.backButtonLabel)),
        row('Pause button label', txt(d.pauseButtonLabel)),
        row('Next or Finish button label', txt(d.nextOrFinishButtonLabel)),
        row('Help text', txt(d.helpText) && richToPlain(txt(d.helpText) as string)),
        row('Paused text', txt(d.pausedText) && richToPlain(txt(d.pausedText) as string)),
      ),
      section(`Components (${fields.length})`, fields.length > 0 ? fields.map(fieldRow) : row('Components', 'None')),
    ];
  },
};
