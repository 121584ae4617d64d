import { describe, expect, it } from 'vitest';
import { buildGraph, type EdgeKind, type GraphEdge } from '../../src/model/graph';
import { connectionsOf, edgeKindLabel, nodeIdOf } from '../../src/describe/connections';
import { flow } from './helpers';

describe('connections', () => {
  it('labels every edge kind the way Builder does', () => {
    const e = (kind: EdgeKind, label?: string): GraphEdge => ({
      id: 'x',
      source: 'a',
      target: 'b',
      kind,
      goTo: false,
      ...(label ? { label } : {}),
    });
    expect(edgeKindLabel(e('next'))).toBe('Next');
    expect(edgeKindLabel(e('next', 'Run Immediately'))).toBe('Run Immediately');
    expect(edgeKindLabel(e('fault', 'Fault'))).toBe('Fault');
    expect(edgeKindLabel(e('timeout'))).toBe('Timeout');
    expect(edgeKindLabel(e('default', 'Small Deal'))).toBe('Small Deal');
    expect(edgeKindLabel(e('outcome', 'Over 1M'))).toBe('Outcome: Over 1M');
    expect(edgeKindLabel(e('waitEvent', 'Three days'))).toBe('Wait path: Three days');
    expect(edgeKindLabel(e('scheduledPath', 'Later'))).toBe('Scheduled path: Later');
    expect(edgeKindLabel(e('experimentPath', 'B'))).toBe('Path: B');
    expect(edgeKindLabel(e('actionPath', 'P'))).toBe('Path: P');
    expect(edgeKindLabel(e('loopNext'))).toBe('For Each');
    expect(edgeKindLabel(e('loopEnd'))).toBe('After Last');
  });

  it('finds the graph node of a duplicate-named element by position', () => {
    const doc = flow(`
    <start>
        <locationX>0</locationX><locationY>0</locationY><connector><targetReference>A</targetReference></connector>
    </start>
    <assignments>
        <name>A</name><label>First</label><locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>Nowhere</targetReference></connector>
    </assignments>
    <assignments><name>A</name><label>Second</label><locationX>0</locationX><locationY>0</locationY></assignments>`);
    const graph = buildGraph(doc);
    const [first, second] = doc.elements;
    if (!first || !second) throw new Error('fixture');
    expect(nodeIdOf(first, doc)).toBe('A');
    expect(nodeIdOf(second, doc)).toBe('A~2');
    expect(nodeIdOf('start', doc)).toBe('$start');
    const c = connectionsOf('A', graph);
    expect(c.badges).toEqual(['missingTarget']);
    expect(c.outgoing.map((o) => o.otherId)).toEqual(['Nowhere']);
    expect(connectionsOf('A~2', graph).badges).toEqual(['unreachable']);
  });
});
