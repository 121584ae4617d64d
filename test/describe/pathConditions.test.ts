import { describe, expect, it } from 'vitest';
import { pathConditions } from '../../src/describe/pathConditions';
import { buildGraph, elementIndex } from '../../src/model/graph';
import { pathsTo } from '../../src/model/paths';
import type { FlowDoc } from '../../src/model/types';
import { flow } from './helpers';

const cond = (left: string, op: string, value: string) =>
  `<conditions><leftValueReference>${left}</leftValueReference><operator>${op}</operator>` +
  `<rightValue>${value}</rightValue></conditions>`;
const go = (target: string) => `<connector><targetReference>${target}</targetReference></connector>`;

/** Our own review flow: entry conditions, a lookup, a decision, a loop with a wait inside, a fault path. */
const review = flow(`
  <label>Big Deal Review</label>
  <processType>AutoLaunchedFlow</processType>
  <start>
    ${go('Get_Contacts')}
    <filterLogic>and</filterLogic>
    <filters><field>StageName</field><operator>EqualTo</operator><value><stringValue>Negotiation</stringValue></value></filters>
    <filters><field>Amount</field><operator>GreaterThan</operator><value><numberValue>0</numberValue></value></filters>
    <object>Opportunity</object>
    <recordTriggerType>Update</recordTriggerType>
    <triggerType>RecordAfterSave</triggerType>
  </start>
  <recordLookups>
    <name>Get_Contacts</name><label>Get Contacts</label>
    ${go('Check_Amount')}
    <faultConnector><targetReference>Log_Error</targetReference></faultConnector>
    <filterLogic>and</filterLogic>
    <filters><field>AccountId</field><operator>EqualTo</operator><value><elementReference>$Record.AccountId</elementReference></value></filters>
    <object>Contact</object>
  </recordLookups>
  <decisions>
    <name>Check_Amount</name><label>Check Amount</label>
    <defaultConnector><targetReference>Note_Small</targetReference></defaultConnector>
    <defaultConnectorLabel>Small Deal</defaultConnectorLabel>
    <rules>
      <name>Over_500K</name><label>Over 500K</label>
      <conditionLogic>and</conditionLogic>
      ${cond('$Record.Amount', 'GreaterThan', '<numberValue>500000</numberValue>')}
      ${go('Each_Contact')}
    </rules>
    <rules>
      <name>Closed</name><label>Closed</label>
      <conditionLogic>or</conditionLogic>
      ${cond('$Record.IsClosed', 'EqualTo', '<booleanValue>true</booleanValue>')}
      ${cond('$Record.IsWon', 'EqualTo', '<booleanValue>true</booleanValue>')}
      ${go('Done')}
    </rules>
  </decisions>
  <loops>
    <name>Each_Contact</name><label>Each Contact</label>
    <collectionReference>Get_Contacts</collectionReference>
    <nextValueConnector><targetReference>Wait_Reply</targetReference></nextValueConnector>
    <noMoreValuesConnector><targetReference>Done</targetReference></noMoreValuesConnector>
  </loops>
  <waits>
    <name>Wait_Reply</name><label>Wait Reply</label>
    <defaultConnectorLabel>Default Path</defaultConnectorLabel>
    <waitEvents>
      <name>Replied</name><label>Replied</label>
      <conditionLogic>and</conditionLogic>
      ${cond('$Record.Replied__c', 'EqualTo', '<booleanValue>true</booleanValue>')}
      ${go('Note_Reply')}
      <eventType>FlowExecutionErrorEvent</eventType>
    </waitEvents>
    <waitEvents>
      <name>Bounced</name><label>Bounced</label>
      ${go('Each_Contact')}
      <eventType>FlowExecutionErrorEvent</eventType>
    </waitEvents>
  </waits>
  <assignments><name>Note_Reply</name><label>Note Reply</label>${go('Each_Contact')}</assignments>
  <assignments><name>Log_Error</name><label>Log Error</label></assignments>
  <assignments><name>Note_Small</name><label>Note Small</label></assignments>
  <assignments><name>Done</name><label>Done</label></assignments>
`);

function conditionsTo(doc: FlowDoc, target: string): string[] {
  const g = buildGraph(doc);
  const p = pathsTo(g, target);
  if (!p.reachable) throw new Error(`${target} is not reachable`);
  const elements = elementIndex(doc).elements;
  return pathConditions(g, p, target, {
    element: (id) => elements.get(id),
    ...(doc.start ? { start: doc.start } : {}),
  }).map((c) => c.text);
}

describe('conditions on the way, in Builder’s words', () => {
  it('inside the loop: entry conditions, the lookup, the outcome taken, the loop, the wait event', () => {
    expect(conditionsTo(review, 'Note_Reply')).toEqual([
      'Start → Entry conditions: All conditions are met (AND) — 1. StageName Equals "Negotiation"; 2. Amount Greater Than 0',
      'Get Contacts (Contact): AccountId Equals {!$Record.AccountId}',
      'Check Amount → Over 500K: $Record.Amount Greater Than 500,000',
      'inside the loop Each Contact: for each item in {!Get_Contacts}',
      'Wait Reply → Replied: $Record.Replied__c Equals True',
    ]);
  });

  it('two outcomes leading on are both listed; an element every outcome leads to needs none', () => {
    const done = conditionsTo(review, 'Done');
    expect(done).toContain('Check Amount → Over 500K: $Record.Amount Greater Than 500,000');
    expect(done).toContain(
      'Check Amount → Closed: Any condition is met (OR) — 1. $Record.IsClosed Equals True; 2. $Record.IsWon Equals True',
    );
    expect(done.some((t) => t.startsWith('inside the loop'))).toBe(false);
    // After the loop, every wait event is a way round: the Wait puts no condition on Done.
    expect(done.some((t) => t.startsWith('Wait Reply'))).toBe(false);
  });

  it('the default outcome and a fault path', () => {
    expect(conditionsTo(review, 'Note_Small').slice(1)).toEqual([
      'Get Contacts (Contact): AccountId Equals {!$Record.AccountId}',
      'Check Amount → Small Deal: none of the others',
    ]);
    expect(conditionsTo(review, 'Log_Error').slice(1)).toEqual([
      'Get Contacts (Contact): AccountId Equals {!$Record.AccountId}',
      'Get Contacts → Fault: when it fails',
    ]);
  });

  it('a flow without entry conditions or branches says nothing', () => {
    const plain = flow(`<start>${go('A')}</start>
      <assignments><name>A</name><label>A</label>${go('B')}</assignments>
      <assignments><name>B</name><label>B</label></assignments>`);
    expect(conditionsTo(plain, 'B')).toEqual([]);
  });

  it('flow text stays text, and an element named __proto__ is an element', () => {
    const odd = flow(`<start>${go('__proto__')}</start>
      <decisions><name>__proto__</name><label>&lt;b&gt;Odd&lt;/b&gt;</label>
        <defaultConnector><targetReference>B</targetReference></defaultConnector>
        <rules><name>constructor</name><label>&lt;img src=x&gt;</label>${cond('x', 'EqualTo', '<stringValue>&lt;i&gt;</stringValue>')}${go('C')}</rules>
      </decisions>
      <assignments><name>B</name><label>B</label></assignments>
      <assignments><name>C</name><label>C</label></assignments>`);
    expect(conditionsTo(odd, 'C')).toEqual(['<b>Odd</b> → <img src=x>: x Equals "<i>"']);
    expect(conditionsTo(odd, 'B')).toEqual(['<b>Odd</b> → Default Outcome: none of the others']);
  });
});
