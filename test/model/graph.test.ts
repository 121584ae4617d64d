import { describe, expect, it } from 'vitest';
import { buildGraph, findConnectors } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc } from '../../src/model/types';
import { fixture } from '../helpers/fixtures';

function doc(text: string, fileName?: string): FlowDoc {
  const r = parseFlow(text, { fileName });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}
const flow = (body: string) =>
  doc(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>T</label>${body}</Flow>`,
  );
const triples = (g: ReturnType<typeof buildGraph>) =>
  g.edges.map((e) => `${e.source} -${e.kind}${e.goTo ? '(goto)' : ''}-> ${e.target}${e.label ? ` [${e.label}]` : ''}`);

describe('buildGraph', () => {
  const g = buildGraph(doc(fixture('Opportunity_Review.flow-meta.xml'), 'Opportunity_Review.flow-meta.xml'));

  it('makes every element a node and start $start', () => {
    expect(g.nodes.map((n) => `${n.id}:${n.type}`)).toEqual([
      '$start:start',
      'Log_Error:actionCalls',
      'Mark_Big_Deal:assignments',
      'Flag_Line:assignments',
      'Check_Amount:decisions',
      'Each_Line_Item:loops',
      'Get_Line_Items:recordLookups',
      'Update_Opportunity:recordUpdates',
    ]);
    expect(g.flow).toEqual({
      name: 'Opportunity_Review',
      label: 'Opportunity <Review>\nsecond line',
      processType: 'AutoLaunchedFlow',
      status: 'Active',
      apiVersion: '62.0',
    });
  });

  it('turns every connector into an edge with its kind, label and Go To flag', () => {
    expect(triples(g)).toEqual([
      '$start -next-> Check_Amount [Run Immediately]',
      '$start -scheduledPath-> Log_Error [1 Day After Close]',
      'Mark_Big_Deal -next-> Update_Opportunity',
      'Flag_Line -next-> Each_Line_Item',
      'Check_Amount -outcome-> Mark_Big_Deal [Over 1M]',
      'Check_Amount -default-> Update_Opportunity [Small Deal]',
      'Each_Line_Item -loopNext-> Flag_Line [For Each]',
      'Get_Line_Items -next-> Each_Line_Item',
      'Get_Line_Items -fault(goto)-> Log_Error [Fault]',
      'Update_Opportunity -next-> Get_Line_Items',
      'Update_Opportunity -fault-> Log_Error [Fault]',
    ]);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    expect(g.warnings).toEqual([]);
  });

  it('a decision rule without a connector and a loop without After Last are fine', () => {
    const d = buildGraph(
      flow(`<decisions><name>D</name><label>D</label><locationX>0</locationX><locationY>0</locationY><rules><name>R</name><label>R</label></rules></decisions>
      <loops><name>L</name><label>L</label><locationX>0</locationX><locationY>0</locationY></loops><startElementReference>D</startElementReference>`),
    );
    expect(d.edges.map((e) => e.target)).toEqual(['D']);
    expect(d.warnings).toEqual(['1 element is not reachable from Start: L.']);
    expect(d.nodes.find((n) => n.id === 'L')?.unreachable).toBe(true);
  });

  it('a connector to a missing element points at a placeholder that keeps the name', () => {
    const d = buildGraph(
      flow(
        `<startElementReference>A</startElementReference><assignments><name>A</name><label>A</label><locationX>0</locationX><locationY>0</locationY><connector><targetReference>END</targetReference></connector></assignments>`,
      ),
    );
    expect(d.nodes.at(-1)).toEqual({ id: 'END', type: 'missing', label: 'END' });
    expect(d.edges.at(-1)).toMatchObject({ source: 'A', target: 'END', kind: 'next' });
    expect(d.warnings).toContain('Connectors point to elements that do not exist: END.');
  });

  it('warns about duplicate names and keeps both elements', () => {
    const d = buildGraph(
      flow(
        `<startElementReference>A</startElementReference><assignments><name>A</name><label>First</label><locationX>0</locationX><locationY>0</locationY></assignments><screens><name>A</name><label>Second</label><locationX>0</locationX><locationY>0</locationY></screens>`,
      ),
    );
    expect(d.nodes.map((n) => n.id)).toEqual(['$start', 'A', 'A~2']);
    expect(d.warnings[0]).toMatch(/2 elements are named "A"/);
  });

  it('a flow with no start says so instead of calling everything unreachable', () => {
    const d = buildGraph(
      flow(`<assignments><name>A</name><label>A</label><locationX>0</locationX><locationY>0</locationY></assignments>`),
    );
    expect(d.nodes.map((n) => n.id)).toEqual(['A']);
    expect(d.warnings).toEqual(['The flow has no start (no start element and no startElementReference).']);
  });

  it('an empty draft is an empty graph', () => {
    expect(buildGraph(flow('<status>Draft</status>'))).toMatchObject({ nodes: [], edges: [], warnings: [] });
  });

  it('a step`s connectors[] and a wait`s events, default and fault are all edges', () => {
    const d = buildGraph(
      flow(`<startElementReference>S</startElementReference>
      <steps><name>S</name><label>S</label><locationX>0</locationX><locationY>0</locationY><connectors><targetReference>W</targetReference></connectors><connectors><targetReference>X</targetReference></connectors></steps>
      <waits><name>W</name><label>W</label><locationX>0</locationX><locationY>0</locationY><defaultConnector><targetReference>X</targetReference></defaultConnector><defaultConnectorLabel>Default Path</defaultConnectorLabel>
        <faultConnector><targetReference>X</targetReference></faultConnector>
        <waitEvents><name>E1</name><label>After 1 day</label><connector><targetReference>X</targetReference></connector></waitEvents></waits>
      <screens><name>X</name><label>X</label><locationX>0</locationX><locationY>0</locationY></screens>`),
    );
    expect(triples(d)).toEqual([
      '$start -next-> S',
      'S -next-> W',
      'S -next-> X',
      'W -waitEvent-> X [After 1 day]',
      'W -default-> X [Default Path]',
      'W -fault-> X [Fault]',
    ]);
  });

  it('compares whole field names: defaultConnector is not a faultConnector', () => {
    const found = findConnectors(
      {
        defaultConnector: { targetReference: 'A' },
        faultConnector: { targetReference: 'B' },
        timeoutConnector: { targetReference: 'C' },
      },
      { type: 'actionCalls' },
    );
    expect(found.map((c) => `${c.kind}:${c.target}`)).toEqual(['default:A', 'timeout:C', 'fault:B']);
  });

  it('experiment paths and action call paths are their own kinds', () => {
    const found = findConnectors(
      {
        paths: [{ name: 'A', label: 'Variant A', connector: { targetReference: 'X' } }],
        actionCallPaths: [{ pathName: 'Yes', connector: { targetReference: 'Y' } }],
      },
      { type: 'experiments' },
    );
    expect(found).toEqual([
      { kind: 'experimentPath', target: 'X', goTo: false, label: 'Variant A', key: 'A' },
      { kind: 'actionPath', target: 'Y', goTo: false, label: 'Yes', key: 'Yes' },
    ]);
  });
});
