/**
 * The review's own awkward flows through `flowscope check --json`: nested loops, a For Each path that leaves
 * through a Go To into another loop, DML reached only by a fault connector, screens / subflows / waits in a
 * loop, a loop whose For Each is itself, `__proto__` names, repeated names, several Tooling records, every
 * trigger type and action type, fault connectors with no target. Each is checked against the review's reading
 * (reading.ts) and against what the words say in plain terms.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fx, run } from '../cli/helpers';
import { flowFromXml, flowsFromJson, read } from './reading';

const ACCEPTANCE = new Set(['dml-in-loop', 'soql-in-loop', 'missing-fault-path']);

interface FlowJson {
  name: string;
  file: string;
  interface: { inputs: Record<string, unknown>[]; outputs: Record<string, unknown>[] };
  findings: { rule: string; element: string; severity: string; message: string }[];
}

async function check(...files: string[]): Promise<FlowJson[]> {
  const r = await run('check', ...files, '--json', '--fail-on', 'never');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { flows: FlowJson[] }).flows;
}

const acceptance = (f: FlowJson) =>
  f.findings
    .filter((x) => ACCEPTANCE.has(x.rule))
    .map((x) => `${x.rule} ${x.element}`)
    .sort();
const withoutLoops = (findings: string[]) => findings.map((f) => f.split(' ').slice(0, 2).join(' '));
const message = (f: FlowJson, rule: string, element: string) =>
  f.findings.find((x) => x.rule === rule && x.element === element)?.message ?? '';

describe('check --json on the review fixtures', () => {
  it('nested loops, DML reached through a fault connector, empty and self fault connectors, __proto__', async () => {
    const [flow] = await check(fx('review/Nested_Faults.flow-meta.xml'));
    if (!flow) throw new Error('no flow');
    const reading = read(flowFromXml(readFileSync(fx('review/Nested_Faults.flow-meta.xml'), 'utf8')));
    expect(acceptance(flow)).toEqual(withoutLoops(reading.findings));
    expect(reading.findings).toEqual([
      // The record create on Get_In's fault path runs once per inner item too.
      'dml-in-loop Fault_Create Inner,Outer',
      'missing-fault-path Empty_Fault',
      'missing-fault-path Fault_Create',
      // A fault connector with an empty target leads nowhere: no fault path.
      'missing-fault-path __proto__',
      'soql-in-loop Get_In Inner,Outer',
    ]);
    expect(message(flow, 'dml-in-loop', 'Fault_Create')).toMatch(/Inner.*and.*Outer/);
    // After_Update's fault connector to itself is a fault connector: no finding.
    expect(acceptance(flow)).not.toContain('missing-fault-path After_Update');
    // The interface: a variable both input and output is in both lists; Apex types say `Apex`, no class.
    expect(flow.interface).toEqual({ inputs: reading.inputs, outputs: reading.outputs });
    expect(flow.interface.inputs.map((p) => p.name)).toEqual(['coll', '__proto__']);
    expect(flow.interface.outputs).toEqual([
      { name: 'coll', dataType: 'SObject', isCollection: true, objectType: 'Account' },
      { name: 'ap', dataType: 'Apex', isCollection: false },
    ]);
  });

  it('a For Each path through a screen, a subflow, a wait and a Go To into another loop; a loop on itself', async () => {
    const [flow] = await check(fx('review/Loops_Goto.flow-meta.xml'));
    if (!flow) throw new Error('no flow');
    const reading = read(flowFromXml(readFileSync(fx('review/Loops_Goto.flow-meta.xml'), 'utf8')));
    expect(reading.findings).toEqual(['dml-in-loop Body_Two First,Second', 'soql-in-loop Query_After First,Second']);
    expect(acceptance(flow)).toEqual(withoutLoops(reading.findings));
    // Self_Loop's For Each leads to itself: it puts nothing in a loop (Query_After is First's and Second's).
    expect(message(flow, 'soql-in-loop', 'Query_After')).not.toContain('Self');
  });

  it('repeated element names: each element is judged on its own metadata, a target names the first', async () => {
    const [flow] = await check(fx('review/Repeated_Names.flow-meta.xml'));
    if (!flow) throw new Error('no flow');
    const reading = read(flowFromXml(readFileSync(fx('review/Repeated_Names.flow-meta.xml'), 'utf8')));
    expect(acceptance(flow)).toEqual(withoutLoops(reading.findings));
    expect(acceptance(flow)).toEqual(['dml-in-loop Dup', 'missing-fault-path Done', 'missing-fault-path Dup']);
    expect(message(flow, 'missing-fault-path', 'Dup')).toContain('Dup one');
    expect(flow.interface.inputs).toHaveLength(2);
  });

  it('every record of an sf-wrapped query result is a flow; a before-save record is exempt from fault paths', async () => {
    const flows = await check(fx('review/Several_Records.json'));
    const readings = flowsFromJson(readFileSync(fx('review/Several_Records.json'), 'utf8')).map(read);
    expect(flows.map((f) => f.name)).toEqual(['Query_One', 'Query_Two']);
    flows.forEach((flow, i) => {
      const reading = readings[i] as ReturnType<typeof read>;
      expect(acceptance(flow)).toEqual(withoutLoops(reading.findings));
      expect(flow.interface).toEqual({ inputs: reading.inputs, outputs: reading.outputs });
    });
    expect(acceptance(flows[1] as FlowJson)).toEqual(['dml-in-loop U']);
    // JSON booleans and a null isCollection read as Metadata XML's words: `__proto__` is a plain parameter.
    expect(flows[0]?.interface.inputs[1]).toEqual({ name: '__proto__', dataType: 'Boolean', isCollection: false });
  });
});

describe('check on a query result holding several versions of one flow', () => {
  it('checks one version, says so as a note, and does not fail with --fail-on never', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowscope-review-versions-'));
    const json = JSON.parse(readFileSync(fx('review/Several_Records.json'), 'utf8'));
    for (const r of json.result.records) r.FullName = 'Same_Flow';
    json.result.records[1].VersionNumber = 4;
    const file = join(dir, 'Versions.json');
    writeFileSync(file, JSON.stringify(json, null, 1));
    const r = await run('check', file, '--json', '--fail-on', 'never');
    // Before the fix: exit 1, as if the file could not be read.
    expect(r.code).toBe(0);
    expect(r.err).toBe(`note: ${file}: another version of Same_Flow (version 4): one is read\n`);
    expect((JSON.parse(r.out) as { flows: FlowJson[] }).flows.map((f) => f.name)).toEqual(['Same_Flow']);
    // An error finding still fails by default.
    expect((await run('check', file, '--json')).code).toBe(1);
  });
});

const ACTION_TYPES = [
  'apex',
  'chatterPost',
  'component',
  'customNotificationAction',
  'emailAlert',
  'emailSimple',
  'externalService',
  'flow',
  'quickAction',
  'submit',
  'createServiceReport',
  'generateWorkOrders',
];

function triggered(triggerType: string | undefined, processType: string): string {
  const start = triggerType
    ? `<object>Case</object><recordTriggerType>Create</recordTriggerType><triggerType>${triggerType}</triggerType>`
    : '';
  const actions = ACTION_TYPES.map(
    (t, i) =>
      `<actionCalls><name>A_${t}</name><label>${t}</label><locationX>0</locationX><locationY>0</locationY>` +
      `<actionName>${t}</actionName><actionType>${t}</actionType>` +
      (i < ACTION_TYPES.length - 1 ? `<connector><targetReference>A_${ACTION_TYPES[i + 1]}</targetReference>` : '') +
      (i < ACTION_TYPES.length - 1 ? '</connector>' : '') +
      (i % 3 === 0 ? '<faultConnector><targetReference>Log</targetReference></faultConnector>' : '') +
      '</actionCalls>',
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
<apiVersion>62.0</apiVersion><label>T</label><processType>${processType}</processType>
<start><locationX>0</locationX><locationY>0</locationY>${start}
<connector><targetReference>A_apex</targetReference></connector></start>
${actions}
<recordCreates><name>Log</name><label>Log</label><locationX>0</locationX><locationY>0</locationY>
<object>Log__c</object></recordCreates>
</Flow>`;
}

describe('missing-fault-path by trigger type and action type', () => {
  it('only a before-save flow is exempt; every action type counts, in Workflow (Process Builder) flows too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowscope-review-'));
    const cases: [string | undefined, string][] = [
      ['RecordBeforeSave', 'AutoLaunchedFlow'],
      ['RecordAfterSave', 'AutoLaunchedFlow'],
      ['RecordBeforeDelete', 'AutoLaunchedFlow'],
      ['Scheduled', 'AutoLaunchedFlow'],
      ['PlatformEvent', 'AutoLaunchedFlow'],
      [undefined, 'Workflow'],
      [undefined, 'Flow'],
    ];
    const files = cases.map(([t, p], i) => {
      const file = join(dir, `Case_${i}.flow-meta.xml`);
      writeFileSync(file, triggered(t, p));
      return file;
    });
    const flows = await check(...files);
    const withoutFault = ACTION_TYPES.filter((_, i) => i % 3 !== 0).map((t) => `missing-fault-path A_${t}`);
    flows.forEach((flow, i) => {
      const reading = read(flowFromXml(readFileSync(files[i] as string, 'utf8')));
      expect(acceptance(flow), String(cases[i])).toEqual(reading.findings);
      const expected = cases[i]?.[0] === 'RecordBeforeSave' ? [] : [...withoutFault, 'missing-fault-path Log'].sort();
      expect(acceptance(flow), String(cases[i])).toEqual(expected);
    });
  });
});
