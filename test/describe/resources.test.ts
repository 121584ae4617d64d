import { describe, expect, it } from 'vitest';
import { describeResource, resourceGroupName, resourceKindName, resourceSummary } from '../../src/describe/resources';
import { RESOURCE_ARRAYS } from '../../src/model/elements';
import type { FlowResource } from '../../src/model/types';
import { flow, lines } from './helpers';

const doc = flow(`
    <variables>
        <name>accounts</name>
        <dataType>SObject</dataType>
        <isCollection>true</isCollection>
        <isInput>true</isInput>
        <isOutput>false</isOutput>
        <objectType>Account</objectType>
    </variables>
    <variables>
        <name>total</name>
        <dataType>Currency</dataType>
        <isCollection>false</isCollection>
        <isInput>false</isInput>
        <isOutput>true</isOutput>
        <scale>2</scale>
        <value><numberValue>1500.0</numberValue></value>
    </variables>
    <constants>
        <name>Limit</name>
        <dataType>Number</dataType>
        <value><numberValue>100</numberValue></value>
    </constants>
    <formulas>
        <name>dueDate</name>
        <dataType>Date</dataType>
        <expression>{!$Flow.CurrentDate} + 5</expression>
    </formulas>
    <textTemplates>
        <name>Body</name>
        <isViewedAsPlainText>true</isViewedAsPlainText>
        <text>Hello {!name}</text>
    </textTemplates>
    <choices>
        <name>Yes</name>
        <choiceText>Yes, please</choiceText>
        <dataType>String</dataType>
        <value><stringValue>Y</stringValue></value>
    </choices>
    <dynamicChoiceSets>
        <name>Contacts</name>
        <dataType>String</dataType>
        <displayField>Name</displayField>
        <filterLogic>and</filterLogic>
        <filters>
            <field>AccountId</field>
            <operator>EqualTo</operator>
            <value><elementReference>recordId</elementReference></value>
        </filters>
        <object>Contact</object>
        <sortField>LastName</sortField>
        <sortOrder>Asc</sortOrder>
        <valueField>Id</valueField>
    </dynamicChoiceSets>
    <dynamicChoiceSets>
        <name>Ratings</name>
        <dataType>Picklist</dataType>
        <displayField xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
        <object xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
        <picklistField>Rating</picklistField>
        <picklistObject>Account</picklistObject>
    </dynamicChoiceSets>
    <stages>
        <name>Intro</name>
        <isActive>true</isActive>
        <label>Introduction</label>
        <stageOrder>1</stageOrder>
    </stages>`);

const res = (name: string): FlowResource => {
  const r = doc.resources.find((x) => x.name === name);
  if (!r) throw new Error(name);
  return r;
};

describe('describeResource', () => {
  it('variables: type, collection, input/output, default value', () => {
    expect(lines(describeResource(res('accounts')))).toEqual([
      '# Variable',
      '  Data type: Record collection (Account)',
      '  Allow multiple values (collection): Yes',
      '  Available for input: Yes',
      '  Available for output: No',
    ]);
    expect(lines(describeResource(res('total')))).toEqual([
      '# Variable',
      '  Data type: Currency',
      '  Decimal places: 2',
      '  Allow multiple values (collection): No',
      '  Available for input: No',
      '  Available for output: Yes',
      '  Default value: 1,500',
    ]);
  });
  it('constants, formulas and text templates', () => {
    expect(lines(describeResource(res('Limit')))).toEqual(['# Constant', '  Data type: Number', '  Value: 100']);
    expect(lines(describeResource(res('dueDate')))).toEqual([
      '# Formula',
      '  Data type: Date',
      '  Formula: {!$Flow.CurrentDate} + 5',
    ]);
    expect(lines(describeResource(res('Body')))).toEqual([
      '# Text Template',
      '  View as: Plain text',
      '  Body: Hello {!name}',
    ]);
  });
  it('choices and choice sets', () => {
    expect(lines(describeResource(res('Yes')))).toEqual([
      '# Choice',
      '  Choice label: Yes, please',
      '  Data type: Text',
      '  Choice value: "Y"',
    ]);
    expect(lines(describeResource(res('Contacts')))).toEqual([
      '# Record Choice Set',
      '  Object: Contact',
      '  Data type: Text',
      '  Filter records: All conditions are met (AND)',
      '    1: AccountId Equals {!recordId}',
      '  Choice label field: Name',
      '  Choice value field: Id',
      '  Sort: Ascending by LastName',
    ]);
    expect(lines(describeResource(res('Ratings')))[0]).toBe('# Picklist Choice Set');
    expect(resourceSummary(res('Ratings'))).toBe('Picklist Choice Set (Account)');
  });
  it('stages', () => {
    expect(lines(describeResource(res('Intro')))).toEqual([
      '# Stage',
      '  Label: Introduction',
      '  Order: 1',
      '  Active by default: Yes',
    ]);
  });
  it('summaries for the resource list', () => {
    expect(resourceSummary(res('accounts'))).toBe('Record collection (Account)');
    expect(resourceSummary(res('dueDate'))).toBe('Date');
    expect(resourceSummary(res('Yes'))).toBe('"Yes, please"');
  });
  it('unknown resource types still read as rows', () => {
    const r: FlowResource = {
      name: 'x',
      type: 'customProperties',
      data: { name: 'x', value: { stringValue: 'v' }, enabled: 'true' },
    };
    expect(lines(describeResource(r))).toEqual(['# Custom Property', '  Value: "v"', '  Enabled: Yes']);
  });
  it('names every resource array the parser keeps, in one list the CLI shares', () => {
    expect(Object.fromEntries([...RESOURCE_ARRAYS].map((t) => [t, resourceKindName(t)]))).toEqual({
      variables: 'Variable',
      constants: 'Constant',
      formulas: 'Formula',
      textTemplates: 'Text Template',
      choices: 'Choice',
      dynamicChoiceSets: 'Record Choice Set',
      stages: 'Stage',
      exitRules: 'Exit Rule',
      customProperties: 'Custom Property',
    });
    expect(resourceKindName('constructor')).toBeUndefined();
    expect(resourceKindName('__proto__')).toBeUndefined();
    expect(resourceGroupName('constructor')).toBe('Constructors');
  });
});
