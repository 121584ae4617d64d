import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/model/graph';
import { describeFlow, processTypeName } from '../../src/describe/flow';
import { describeStart, scheduledPathOffset } from '../../src/describe/start';
import { fixture } from '../helpers/fixtures';
import { parseFlow } from '../../src/model/parse/index';
import { flow, lines } from './helpers';

const recordTriggered = flow(`
    <apiVersion>62.0</apiVersion>
    <label>Opp Review</label>
    <processType>AutoLaunchedFlow</processType>
    <runInMode>SystemModeWithoutSharing</runInMode>
    <interviewLabel>Opp Review {!$Flow.CurrentDateTime}</interviewLabel>
    <description>Reviews big deals</description>
    <status>Active</status>
    <start>
        <locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>A</targetReference></connector>
        <doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>
        <filterLogic>(1 OR 2) AND 3</filterLogic>
        <filters>
            <field>Amount</field>
            <operator>GreaterThan</operator>
            <value><numberValue>1000000</numberValue></value>
        </filters>
        <filters>
            <field>Type</field>
            <operator>EqualTo</operator>
            <value><stringValue>New Business</stringValue></value>
        </filters>
        <filters>
            <field>StageName</field>
            <operator>IsChanged</operator>
            <value><booleanValue>true</booleanValue></value>
        </filters>
        <object>Opportunity</object>
        <recordTriggerType>CreateAndUpdate</recordTriggerType>
        <scheduledPaths>
            <name>Day_After_Close</name>
            <connector><targetReference>A</targetReference></connector>
            <label>1 Day After Close</label>
            <offsetNumber>1</offsetNumber>
            <offsetUnit>Days</offsetUnit>
            <recordField>CloseDate</recordField>
            <timeSource>RecordField</timeSource>
        </scheduledPaths>
        <scheduledPaths>
            <name>Before_Close</name>
            <connector><targetReference>A</targetReference></connector>
            <label>Before Close</label>
            <offsetNumber>-3</offsetNumber>
            <offsetUnit>Hours</offsetUnit>
            <recordField>CloseDate</recordField>
            <timeSource>RecordField</timeSource>
        </scheduledPaths>
        <scheduledPaths>
            <name>Later</name>
            <connector><targetReference>A</targetReference></connector>
            <label>Later</label>
            <offsetNumber>7</offsetNumber>
            <offsetUnit>Days</offsetUnit>
            <timeSource>RecordTriggerEvent</timeSource>
        </scheduledPaths>
        <scheduledPaths>
            <connector><targetReference>A</targetReference></connector>
            <pathType>AsyncAfterCommit</pathType>
        </scheduledPaths>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <assignments>
        <name>A</name>
        <label>A</label>
        <locationX>0</locationX><locationY>0</locationY>
    </assignments>`);

describe('describeStart', () => {
  const out = lines(describeStart(recordTriggered.start, recordTriggered));
  it('says what triggers the flow, on which object, before or after save', () => {
    expect(out.slice(0, 4)).toEqual([
      '# Trigger',
      '  Trigger the flow when: A record is created or updated — after save',
      '  Object: Opportunity',
      '  Optimize the flow for: Actions and Related Records',
    ]);
  });
  it('summarises entry conditions with their logic and when to run', () => {
    expect(out).toEqual(
      expect.arrayContaining([
        '# Entry Conditions',
        '  Condition requirements: Custom condition logic is met: (1 OR 2) AND 3',
        '    1: Amount Greater Than 1,000,000',
        '    2: Type Equals "New Business"',
        '    3: StageName Is Changed True',
        '  When to run the flow for updated records: Only when a record is updated to meet the condition requirements',
      ]),
    );
  });
  it('lists Run Immediately and each scheduled path with its offset', () => {
    const start = out.indexOf('# Scheduled Paths (5)');
    expect(start).toBeGreaterThan(0);
    expect(out.slice(start + 1)).toEqual([
      '  Run Immediately: When the record is saved',
      '  1 Day After Close: 1 Day After CloseDate',
      '    Path API name: Day_After_Close',
      '  Before Close: 3 Hours Before CloseDate',
      '    Path API name: Before_Close',
      '  Later: 7 Days After the record is created or updated',
      '    Path API name: Later',
      '  Run Asynchronously: In the background, after the triggering transaction commits',
    ]);
  });
  it('offsets read like Builder', () => {
    expect(
      scheduledPathOffset(
        { offsetNumber: '1', offsetUnit: 'Days', recordField: 'CloseDate', timeSource: 'RecordField' },
        undefined,
      ),
    ).toBe('1 Day After CloseDate');
    expect(scheduledPathOffset({ pathType: 'AsyncAfterCommit' }, undefined)).toBe('Run Asynchronously');
  });
  it('before-save and before-delete triggers', () => {
    const before = flow(
      `<start><locationX>0</locationX><locationY>0</locationY><object>Account</object>
        <recordTriggerType>Create</recordTriggerType><triggerType>RecordBeforeSave</triggerType></start>`,
    );
    expect(lines(describeStart(before.start, before)).slice(1, 4)).toEqual([
      '  Trigger the flow when: A record is created — before save',
      '  Object: Account',
      '  Optimize the flow for: Fast Field Updates',
    ]);
    const del = flow(
      `<start><locationX>0</locationX><locationY>0</locationY><object>Case</object>
        <recordTriggerType>Delete</recordTriggerType><triggerType>RecordBeforeDelete</triggerType></start>`,
    );
    expect(lines(describeStart(del.start, del))[1]).toBe(
      '  Trigger the flow when: A record is deleted — before delete',
    );
  });
  it('a schedule-triggered flow shows its schedule and a formula entry condition', () => {
    const doc = flow(`
    <start>
        <locationX>0</locationX><locationY>0</locationY>
        <filterFormula>{!$Record.Amount} &gt; 100</filterFormula>
        <object>Opportunity</object>
        <schedule>
            <frequency>Daily</frequency>
            <startDate>2023-11-08</startDate>
            <startTime>13:00:00.000Z</startTime>
        </schedule>
        <triggerType>Scheduled</triggerType>
    </start>`);
    expect(lines(describeStart(doc.start, doc))).toEqual([
      '# Trigger',
      '  Trigger the flow when: On a schedule',
      '  Object: Opportunity',
      '# Entry Conditions',
      '  Condition requirements: Formula evaluates to true',
      '    Formula: {!$Record.Amount} > 100',
      '# Schedule',
      '  Frequency: Daily',
      '  Start date: 2023-11-08',
      '  Start time: 13:00 UTC',
    ]);
  });
  it('a legacy Process Builder process: trigger from its metadata values, start element reference', () => {
    const doc = flow(`
    <processMetadataValues>
        <name>ObjectType</name><value><stringValue>Asset</stringValue></value>
    </processMetadataValues>
    <processMetadataValues>
        <name>TriggerType</name><value><stringValue>onCreateOnly</stringValue></value>
    </processMetadataValues>
    <processType>Workflow</processType>
    <startElementReference>myDecision</startElementReference>
    <decisions>
        <name>myDecision</name><label>myDecision</label><locationX>0</locationX><locationY>0</locationY>
    </decisions>`);
    expect(lines(describeStart(doc.start, doc))).toEqual([
      '# Trigger',
      '  Trigger the flow when: Only when a record is created',
      '  Object: Asset',
      '  Starts at (legacy start element reference): myDecision',
    ]);
    expect(processTypeName(doc)).toBe('Process Builder process');
  });
  it('a screen flow has no trigger', () => {
    const doc = flow(`<processType>Flow</processType><start><locationX>0</locationX><locationY>0</locationY></start>`);
    expect(lines(describeStart(doc.start, doc))[1]).toMatch(/^ {2}Trigger the flow when: No trigger: users run it/);
  });
});

describe('describeFlow', () => {
  it('gives the header facts in words', () => {
    const facts = describeFlow(recordTriggered, buildGraph(recordTriggered));
    expect(facts.title).toBe('Opp Review');
    expect(lines([facts])).toEqual([
      '# Opp Review',
      '  API name: Test_Flow',
      '  Type: Record-Triggered Flow',
      '  Trigger: A record is created or updated — after save (Opportunity)',
      '  Status: Active',
      '  API version: 62.0',
      '  How to run the flow: System Context Without Sharing',
      '  Interview label: Opp Review {!$Flow.CurrentDateTime}',
      '  Description: Reviews big deals',
      '  Size: 1 element, 5 connectors, 0 resources',
    ]);
  });
  it('names each process type', () => {
    const type = (pt: string, trigger?: string) =>
      processTypeName(
        flow(
          `<processType>${pt}</processType>` +
            (trigger
              ? `<start><locationX>0</locationX><locationY>0</locationY><triggerType>${trigger}</triggerType></start>`
              : ''),
        ),
      );
    expect(type('Flow')).toBe('Screen Flow');
    expect(type('AutoLaunchedFlow')).toBe('Autolaunched Flow (No Trigger)');
    expect(type('AutoLaunchedFlow', 'RecordBeforeSave')).toBe('Record-Triggered Flow');
    expect(type('AutoLaunchedFlow', 'Scheduled')).toBe('Schedule-Triggered Flow');
    expect(type('AutoLaunchedFlow', 'PlatformEvent')).toBe('Platform Event–Triggered Flow');
    expect(type('Orchestrator', 'RecordAfterSave')).toBe('Record-Triggered Orchestration');
    expect(type('Workflow')).toBe('Process Builder process');
    expect(type('SomethingNew')).toBe('Something New');
  });
  it('works on the project sample', () => {
    const r = parseFlow(fixture('Opportunity_Review.flow-meta.xml'), { fileName: 'Opportunity_Review.flow-meta.xml' });
    if (!r.ok) throw new Error(r.error.message);
    const out = lines([describeFlow(r.doc, buildGraph(r.doc))]);
    expect(out).toContain('  Type: Record-Triggered Flow');
    expect(out).toContain('  Canvas: Auto-Layout');
  });
});
