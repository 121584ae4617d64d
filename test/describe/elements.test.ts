import { describe, expect, it } from 'vitest';
import { describeElement } from '../../src/describe/element';
import { element, flow, lines } from './helpers';

const decisionFlow = flow(`
    <decisions>
        <name>Check_Deal</name>
        <label>Check Deal</label>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <defaultConnectorLabel>Small Deal</defaultConnectorLabel>
        <rules>
            <name>Big</name>
            <conditionLogic>and</conditionLogic>
            <conditions>
                <leftValueReference>$Record.Amount</leftValueReference>
                <operator>GreaterThan</operator>
                <rightValue><numberValue>1000000.0</numberValue></rightValue>
            </conditions>
            <label>Over 1M</label>
        </rules>
        <rules>
            <name>Mixed</name>
            <conditionLogic>1 AND (2 OR 3)</conditionLogic>
            <conditions>
                <leftValueReference>$Record.StageName</leftValueReference>
                <operator>EqualTo</operator>
                <rightValue><stringValue>Closed Won</stringValue></rightValue>
            </conditions>
            <conditions>
                <leftValueReference>$Record.Email__c</leftValueReference>
                <operator>IsNull</operator>
                <rightValue><booleanValue>false</booleanValue></rightValue>
            </conditions>
            <conditions>
                <leftValueReference>$Record.OwnerId</leftValueReference>
                <operator>NotEqualTo</operator>
                <rightValue><elementReference>$User.Id</elementReference></rightValue>
            </conditions>
            <doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>
            <label>Mixed</label>
        </rules>
        <rules>
            <name>Either</name>
            <conditionLogic>or</conditionLogic>
            <conditions>
                <leftValueReference>a</leftValueReference>
                <operator>Contains</operator>
                <rightValue><stringValue>x</stringValue></rightValue>
            </conditions>
            <label>Either</label>
        </rules>
    </decisions>`);

describe('decisions', () => {
  const out = lines(describeElement(element(decisionFlow, 'Check_Deal'), decisionFlow));
  it('shows each outcome with its conditions as sentences', () => {
    expect(out).toContain('# Outcome 1: Over 1M');
    expect(out).toContain('    1: $Record.Amount Greater Than 1,000,000');
  });
  it('names the condition logic: AND, OR, custom', () => {
    expect(out).toContain('  Condition requirements: All conditions are met (AND)');
    expect(out).toContain('  Condition requirements: Any condition is met (OR)');
    expect(out).toContain('  Condition requirements: Custom condition logic is met: 1 AND (2 OR 3)');
    expect(out).toEqual(
      expect.arrayContaining([
        '    1: $Record.StageName Equals "Closed Won"',
        '    2: $Record.Email__c Is Null False',
        '    3: $Record.OwnerId Does Not Equal {!$User.Id}',
      ]),
    );
  });
  it('says when an outcome needs the record to change', () => {
    expect(out).toContain(
      '  When to execute: Only if the record that triggered the flow to run is updated ' +
        'to meet the condition requirements',
    );
  });
  it('ends with the default outcome label', () => {
    expect(out.slice(-3)).toEqual([
      '# Default Outcome',
      '  Label: Small Deal',
      '  Runs when: No other outcome’s conditions are met',
    ]);
  });
});

const dataFlow = flow(`
    <assignments>
        <name>Set_Values</name>
        <label>Set Values</label>
        <locationX>0</locationX><locationY>0</locationY>
        <assignmentItems>
            <assignToReference>total</assignToReference>
            <operator>Add</operator>
            <value><numberValue>1500</numberValue></value>
        </assignmentItems>
        <assignmentItems>
            <assignToReference>accounts</assignToReference>
            <operator>Assign</operator>
            <value><elementReference>Get_Accounts</elementReference></value>
        </assignmentItems>
        <assignmentItems>
            <assignToReference>count</assignToReference>
            <operator>AssignCount</operator>
            <value><elementReference>accounts</elementReference></value>
        </assignmentItems>
    </assignments>
    <loops>
        <name>Each_Account</name>
        <label>Each Account</label>
        <locationX>0</locationX><locationY>0</locationY>
        <collectionReference>Get_Accounts</collectionReference>
        <iterationOrder>Asc</iterationOrder>
    </loops>
    <recordLookups>
        <name>Get_Accounts</name>
        <label>Get Accounts</label>
        <locationX>0</locationX><locationY>0</locationY>
        <assignNullValuesIfNoRecordsFound>false</assignNullValuesIfNoRecordsFound>
        <filterLogic>1 AND (2 OR 3)</filterLogic>
        <filters>
            <field>Industry</field>
            <operator>EqualTo</operator>
            <value><stringValue>Banking</stringValue></value>
        </filters>
        <filters>
            <field>AnnualRevenue</field>
            <operator>GreaterThanOrEqualTo</operator>
            <value><numberValue>25000000</numberValue></value>
        </filters>
        <filters>
            <field>OwnerId</field>
            <operator>EqualTo</operator>
            <value><elementReference>$User.Id</elementReference></value>
        </filters>
        <getFirstRecordOnly>false</getFirstRecordOnly>
        <object>Account</object>
        <queriedFields>Id</queriedFields>
        <queriedFields>Name</queriedFields>
        <sortField>CreatedDate</sortField>
        <sortOrder>Desc</sortOrder>
        <outputReference>accounts</outputReference>
    </recordLookups>
    <recordLookups>
        <name>Get_One</name>
        <label>Get One</label>
        <locationX>0</locationX><locationY>0</locationY>
        <getFirstRecordOnly>true</getFirstRecordOnly>
        <object>Contact</object>
        <outputAssignments>
            <assignToReference>contactName</assignToReference>
            <field>Name</field>
        </outputAssignments>
    </recordLookups>
    <recordCreates>
        <name>Create_Task</name>
        <label>Create Task</label>
        <locationX>0</locationX><locationY>0</locationY>
        <inputAssignments>
            <field>Subject</field>
            <value><stringValue>Call back</stringValue></value>
        </inputAssignments>
        <inputAssignments>
            <field>WhatId</field>
            <value><elementReference>$Record.Id</elementReference></value>
        </inputAssignments>
        <object>Task</object>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordCreates>
    <recordUpdates>
        <name>Update_Record</name>
        <label>Update Record</label>
        <locationX>0</locationX><locationY>0</locationY>
        <inputReference>$Record</inputReference>
    </recordUpdates>
    <recordDeletes>
        <name>Delete_Old</name>
        <label>Delete Old</label>
        <locationX>0</locationX><locationY>0</locationY>
        <filterLogic>and</filterLogic>
        <filters>
            <field>Name</field>
            <operator>EndsWith</operator>
            <value><stringValue>OLD</stringValue></value>
        </filters>
        <object>Account</object>
    </recordDeletes>`);

const show = (name: string) => lines(describeElement(element(dataFlow, name), dataFlow));

describe('assignments and loops', () => {
  it('lists variable, operator in Builder words, and value', () => {
    expect(show('Set_Values')).toEqual([
      '# Set Variable Values (3)',
      '  total: Add 1,500',
      '  accounts: Equals {!Get_Accounts}',
      '  count: Equals Count {!accounts}',
    ]);
  });
  it('gives the loop collection and direction', () => {
    expect(show('Each_Account')).toEqual([
      '# Loop',
      '  Collection variable: {!Get_Accounts}',
      '  Direction: First item to last item',
    ]);
  });
});

describe('record elements', () => {
  it('Get Records: object, filters with logic, sort, how many, fields, where stored', () => {
    expect(show('Get_Accounts')).toEqual([
      '# Get Records',
      '  Object: Account',
      '  Filter records: Custom condition logic is met: 1 AND (2 OR 3)',
      '    1: Industry Equals "Banking"',
      '    2: AnnualRevenue Greater Than or Equal 25,000,000',
      '    3: OwnerId Equals {!$User.Id}',
      '  Sort: Descending by CreatedDate',
      '  How many records to store: All records',
      '  How to store record data: Store in {!accounts}',
      '  Fields: Id, Name',
      '  When no records are returned, set specified variables to null: No',
    ]);
  });
  it('Get Records: only the first record, fields into variables', () => {
    const out = show('Get_One');
    expect(out).toContain('  How many records to store: Only the first record');
    expect(out).toContain('  Filter records: None: all records');
    expect(out).toEqual(expect.arrayContaining(['# Store Fields in Variables (1)', '  Name: → {!contactName}']));
  });
  it('Create Records: field values', () => {
    expect(show('Create_Task')).toEqual([
      '# Create Records',
      '  Object: Task',
      '  How to set record fields: Use separate resources and literal values',
      '  Record ID: Stored automatically',
      '# Set Field Values (2)',
      '  Subject: "Call back"',
      '  WhatId: {!$Record.Id}',
    ]);
  });
  it('Update and Delete Records: input reference or filters', () => {
    expect(show('Update_Record')).toContain('  How to find records: Use the IDs and all field values from {!$Record}');
    expect(show('Delete_Old')).toEqual(
      expect.arrayContaining(['  Filter records: All conditions are met (AND)', '    1: Name Ends With "OLD"']),
    );
  });
});

const screenFlow = flow(`
    <screens>
        <name>Intake</name>
        <label>Intake</label>
        <locationX>0</locationX><locationY>0</locationY>
        <allowBack>false</allowBack>
        <allowFinish>true</allowFinish>
        <allowPause>false</allowPause>
        <fields>
            <name>Intro</name>
            <fieldText>&lt;p&gt;Hello &lt;b&gt;{!$User.FirstName}&lt;/b&gt;&lt;/p&gt;</fieldText>
            <fieldType>DisplayText</fieldType>
        </fields>
        <fields>
            <name>Details_Section</name>
            <fieldText>Details</fieldText>
            <fieldType>RegionContainer</fieldType>
            <fields>
                <name>Details_Section_Column1</name>
                <fieldType>Region</fieldType>
                <fields>
                    <name>Amount</name>
                    <dataType>Currency</dataType>
                    <fieldText>Amount</fieldText>
                    <fieldType>InputField</fieldType>
                    <isRequired>true</isRequired>
                    <scale>2</scale>
                </fields>
                <inputParameters>
                    <name>width</name>
                    <value><stringValue>6</stringValue></value>
                </inputParameters>
                <isRequired>false</isRequired>
            </fields>
            <fields>
                <name>Details_Section_Column2</name>
                <fieldType>Region</fieldType>
                <fields>
                    <name>Kind</name>
                    <choiceReferences>Kind_A</choiceReferences>
                    <choiceReferences>Kind_B</choiceReferences>
                    <dataType>String</dataType>
                    <fieldText>Kind</fieldText>
                    <fieldType>RadioButtons</fieldType>
                    <isRequired>false</isRequired>
                    <visibilityRule>
                        <conditionLogic>and</conditionLogic>
                        <conditions>
                            <leftValueReference>Amount</leftValueReference>
                            <operator>GreaterThan</operator>
                            <rightValue><numberValue>0</numberValue></rightValue>
                        </conditions>
                    </visibilityRule>
                </fields>
                <inputParameters>
                    <name>width</name>
                    <value><stringValue>6</stringValue></value>
                </inputParameters>
                <isRequired>false</isRequired>
            </fields>
            <isRequired>false</isRequired>
            <regionContainerType>SectionWithHeader</regionContainerType>
        </fields>
        <fields>
            <name>Pick_Accounts</name>
            <extensionName>flowruntime:datatable</extensionName>
            <fieldType>ComponentInstance</fieldType>
            <inputParameters>
                <name>tableData</name>
                <value><elementReference>Get_Accounts</elementReference></value>
            </inputParameters>
            <outputParameters>
                <assignToReference>chosen</assignToReference>
                <name>selectedRows</name>
            </outputParameters>
        </fields>
        <showFooter>true</showFooter>
        <showHeader>false</showHeader>
    </screens>`);

describe('screens', () => {
  const out = lines(describeElement(element(screenFlow, 'Intake'), screenFlow));
  it('shows navigation and header/footer choices', () => {
    expect(out.slice(0, 6)).toEqual([
      '# Screen Properties',
      '  Header: Hidden',
      '  Footer: Shown',
      '  Previous button: Hidden',
      '  Pause button: Hidden',
      '  Next or Finish button: Shown',
    ]);
  });
  it('nests sections → columns → fields, with type, data type and required', () => {
    const start = out.indexOf('# Components (3)');
    expect(out.slice(start)).toEqual([
      '# Components (3)',
      '  Display Text: Hello {!$User.FirstName}',
      '    API name: Intro',
      '  Section: Details',
      '    API name: Details_Section',
      '    Header: Shown',
      '    Column: Width 6 of 12',
      '      Currency: Amount',
      '        Required: Yes',
      '        Decimal places: 2',
      '    Column: Width 6 of 12',
      '      Radio Buttons: Kind',
      '        Choices: Kind_A, Kind_B',
      '        Visible when: All conditions are met (AND)',
      '          1: Amount Greater Than 0',
      '  Data Table: Pick_Accounts',
      '    Inputs:',
      '      tableData: {!Get_Accounts}',
      '    Outputs:',
      '      selectedRows: → {!chosen}',
    ]);
  });
});

const actionFlow = flow(`
    <actionCalls>
        <name>Send_Mail</name>
        <label>Send Mail</label>
        <locationX>0</locationX><locationY>0</locationY>
        <actionName>emailSimple</actionName>
        <actionType>emailSimple</actionType>
        <flowTransactionModel>CurrentTransaction</flowTransactionModel>
        <inputParameters>
            <name>emailSubject</name>
            <value><stringValue>Hi</stringValue></value>
        </inputParameters>
        <inputParameters>
            <name>emailAddresses</name>
            <value><elementReference>$User.Email</elementReference></value>
        </inputParameters>
        <outputParameters>
            <assignToReference>sent</assignToReference>
            <name>isSuccess</name>
        </outputParameters>
        <nameSegment>emailSimple</nameSegment>
        <versionSegment>1</versionSegment>
    </actionCalls>
    <subflows>
        <name>Call_Child</name>
        <label>Call Child</label>
        <locationX>0</locationX><locationY>0</locationY>
        <flowName>Child_Flow</flowName>
        <inputAssignments>
            <name>recordId</name>
            <value><elementReference>$Record.Id</elementReference></value>
        </inputAssignments>
        <outputAssignments>
            <assignToReference>result</assignToReference>
            <name>out</name>
        </outputAssignments>
    </subflows>
    <waits>
        <name>Wait_3_Days</name>
        <label>Wait 3 Days</label>
        <locationX>0</locationX><locationY>0</locationY>
        <defaultConnectorLabel>Default Path</defaultConnectorLabel>
        <waitEvents>
            <name>After3</name>
            <eventType>AlarmEvent</eventType>
            <inputParameters>
                <name>AlarmTime</name>
                <value><elementReference>$Flow.InterviewStartTime</elementReference></value>
            </inputParameters>
            <inputParameters>
                <name>TimeOffset</name>
                <value><numberValue>3.0</numberValue></value>
            </inputParameters>
            <inputParameters>
                <name>TimeOffsetUnit</name>
                <value><stringValue>Days</stringValue></value>
            </inputParameters>
            <label>Three days later</label>
        </waitEvents>
    </waits>
    <customErrors>
        <name>Stop</name>
        <label>Stop</label>
        <locationX>0</locationX><locationY>0</locationY>
        <customErrorMessages>
            <errorMessage>Amount is too high</errorMessage>
            <fieldSelection>Amount</fieldSelection>
            <isFieldError>true</isFieldError>
        </customErrorMessages>
        <customErrorMessages>
            <errorMessage>Something failed</errorMessage>
            <isFieldError>false</isFieldError>
        </customErrorMessages>
    </customErrors>
    <collectionProcessors>
        <name>Sort_Them</name>
        <label>Sort Them</label>
        <locationX>0</locationX><locationY>0</locationY>
        <collectionProcessorType>SortCollectionProcessor</collectionProcessorType>
        <collectionReference>accounts</collectionReference>
        <elementSubtype>SortCollectionProcessor</elementSubtype>
        <limit>5</limit>
        <sortOptions>
            <doesPutEmptyStringAndNullFirst>false</doesPutEmptyStringAndNullFirst>
            <sortField>Name</sortField>
            <sortOrder>Asc</sortOrder>
        </sortOptions>
    </collectionProcessors>
    <collectionProcessors>
        <name>Filter_Them</name>
        <label>Filter Them</label>
        <locationX>0</locationX><locationY>0</locationY>
        <assignNextValueToReference>currentItem</assignNextValueToReference>
        <collectionProcessorType>FilterCollectionProcessor</collectionProcessorType>
        <collectionReference>accounts</collectionReference>
        <conditionLogic>or</conditionLogic>
        <conditions>
            <leftValueReference>currentItem.Rating</leftValueReference>
            <operator>EqualTo</operator>
            <rightValue><stringValue>Hot</stringValue></rightValue>
        </conditions>
    </collectionProcessors>
    <transforms>
        <name>Map_Roles</name>
        <label>Map Roles</label>
        <locationX>0</locationX><locationY>0</locationY>
        <dataType>SObject</dataType>
        <isCollection>false</isCollection>
        <objectType>OpportunityContactRole</objectType>
        <transformValues>
            <transformValueActions>
                <outputFieldApiName>OpportunityId</outputFieldApiName>
                <transformType>Map</transformType>
                <value><elementReference>$Record.Id</elementReference></value>
            </transformValueActions>
        </transformValues>
    </transforms>
    <brandNewThings>
        <name>Future_Thing</name>
        <label>Future Thing</label>
        <locationX>0</locationX><locationY>0</locationY>
        <someSetting>fast</someSetting>
        <isEnabled>true</isEnabled>
        <target><elementReference>x</elementReference></target>
        <options>
            <name>alpha</name>
            <value><numberValue>2</numberValue></value>
        </options>
        <connector><targetReference>Stop</targetReference></connector>
    </brandNewThings>`);

const act = (name: string) => lines(describeElement(element(actionFlow, name), actionFlow));

describe('actions, subflows, waits, errors, collections, transforms', () => {
  it('Action: name, type, transaction, inputs and outputs', () => {
    expect(act('Send_Mail')).toEqual([
      '# Action',
      '  Action: emailSimple',
      '  Type: Send Email',
      '  Version: 1',
      '  Transaction control: Always run in the current transaction',
      '# Input Values (2)',
      '  emailSubject: "Hi"',
      '  emailAddresses: {!$User.Email}',
      '# Output Values (1)',
      '  isSuccess: → {!sent}',
    ]);
  });
  it('Subflow: flow name and mappings', () => {
    expect(act('Call_Child')).toEqual([
      '# Subflow',
      '  Flow: Child_Flow',
      '# Input Values (1)',
      '  recordId: {!$Record.Id}',
      '# Output Values (1)',
      '  out: → {!result}',
    ]);
  });
  it('Wait: each path with its event type and resume time', () => {
    const out = act('Wait_3_Days');
    expect(out).toEqual(
      expect.arrayContaining([
        '# Path 1: Three days later',
        '  Event type: Absolute time alarm',
        '  Resume: 3 Days after {!$Flow.InterviewStartTime}',
        '    TimeOffset: 3',
        '# Default Path',
      ]),
    );
  });
  it('Custom Error: messages and where they show', () => {
    expect(act('Stop')).toEqual([
      '# Error Messages (2)',
      '  1: Amount is too high',
      '    Where to show: Inline on the record field Amount',
      '  2: Something failed',
      '    Where to show: As a window on the record page',
    ]);
  });
  it('Collection Processor: type, sort options, conditions', () => {
    expect(act('Sort_Them')).toEqual([
      '# Collection Processor',
      '  Type: Sort',
      '  Collection: {!accounts}',
      '  Keep only the first: 5 items',
      '# Sort (1)',
      '  1: Name: Ascending',
    ]);
    expect(act('Filter_Them')).toEqual(
      expect.arrayContaining([
        '  Type: Filter',
        '  Conditions: Any condition is met (OR)',
        '    1: currentItem.Rating Equals "Hot"',
      ]),
    );
  });
  it('Transform: target and mappings', () => {
    expect(act('Map_Roles')).toEqual([
      '# Target Data',
      '  Data type: Record: OpportunityContactRole',
      '  Collection: No',
      '# Mappings (1)',
      '  OpportunityId: {!$Record.Id}',
    ]);
  });
  it('an unknown element type gets a readable dump, not JSON, without connectors', () => {
    // The parser sorts keys, and an unknown one-item list arrives as an object (XML cannot tell).
    expect(act('Future_Thing')).toEqual([
      '# Brand New Things',
      '  Is Enabled: Yes',
      '  Options:',
      '    Name: alpha',
      '    Value: 2',
      '  Some Setting: fast',
      '  Target: {!x}',
    ]);
  });
  it('a known type keeps fields its description does not cover, under Other Settings', () => {
    const doc = flow(`
    <loops>
        <name>L</name>
        <label>L</label>
        <locationX>0</locationX><locationY>0</locationY>
        <collectionReference>items</collectionReference>
        <iterationOrder>Desc</iterationOrder>
        <newLoopOption>parallel</newLoopOption>
    </loops>`);
    expect(lines(describeElement(element(doc, 'L'), doc))).toEqual([
      '# Loop',
      '  Collection variable: {!items}',
      '  Direction: Last item to first item',
      '# Other Settings',
      '  New Loop Option: parallel',
    ]);
  });
  it('an element with nothing but a name still gets a section', () => {
    const doc = flow(`<steps><name>S</name><label>S</label><locationX>0</locationX><locationY>0</locationY></steps>`);
    expect(lines(describeElement(element(doc, 'S'), doc))).toEqual([
      '# Step',
      '  Settings: None beyond its name and label',
    ]);
  });
});
