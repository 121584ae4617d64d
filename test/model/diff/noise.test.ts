import { describe, expect, it } from 'vitest';
import { changeList } from '../../../src/model/diff/changes';
import { diffFlows } from '../../../src/model/diff/index';
import { filterNoise, type NoiseKind, readNoiseKinds, writeNoiseKinds } from '../../../src/model/diff/noise';
import type { FlowDiff } from '../../../src/model/diff/types';
import { expectConsistent } from './expect';
import { parseDoc } from './helpers';
import { type QuietFlow, quietFlowXml } from './quietFlow';

const doc = (o: QuietFlow = {}) => parseDoc(quietFlowXml(o), 'Quiet.flow-meta.xml');
const pair = (o: QuietFlow) => ({ before: doc(), after: doc(o) });
const marked = (d: FlowDiff) => d.nodes.filter((n) => n.status !== 'unchanged').map((n) => n.id);
const graphStatus = (d: FlowDiff, id: string) => d.graph.nodes.find((n) => n.id === id)?.status;
const only = (...kinds: NoiseKind[]) => new Set(kinds);

describe('filterNoise', () => {
  it('Descriptions only: an element changed only in its description is unchanged; a real change stays', () => {
    const { before, after } = pair({ decisionDescription: 'Reworded', step: '2.0' });
    const d = diffFlows(before, after);
    expect(marked(d).sort()).toEqual(['Add_One', 'Is_Big']);
    const f = filterNoise(d, only('description'));
    expect(f.hidden).toEqual({ description: 1, label: 0, 'api-version': 0, 'canvas-mode': 0, namespace: 0 });
    expect(marked(f.diff)).toEqual(['Add_One']);
    expect(graphStatus(f.diff, 'Is_Big')).toBe('unchanged');
    expect(graphStatus(f.diff, 'Add_One')).toBe('changed');
    expect(f.diff.summary.nodes.changed).toBe(1);
    expect(changeList(f.diff).map((c) => c.title)).toEqual(['Add One']);
    expectConsistent(f.diff, before, after);
  });

  it('Labels only: a relabelled element is unchanged and the picture keeps no label before', () => {
    const { before, after } = pair({ assignLabel: 'Add Another' });
    const f = filterNoise(diffFlows(before, after), only('label'));
    expect(f.hidden.label).toBe(1);
    expect(marked(f.diff)).toEqual([]);
    expect(f.diff.graph.nodes.find((n) => n.id === 'Add_One')?.labelBefore).toBeUndefined();
  });

  it('Labels only: a relabelled outcome is neither a decision change nor a relabelled connector', () => {
    const before = doc();
    const after = parseDoc(quietFlowXml().replace('<label>Big</label>', '<label>Large</label>'), 'Q.flow-meta.xml');
    const d = diffFlows(before, after);
    expect(d.connectors.map((c) => c.status)).toEqual(['relabelled']);
    const f = filterNoise(d, only('label'));
    expect(f.diff.connectors).toEqual([]);
    expect(f.diff.summary.connectors.relabelled).toBe(0);
    expect(marked(f.diff)).toEqual([]);
    expect(f.diff.graph.edges.every((e) => (e.before?.label ?? e.label) === e.label)).toBe(true);
  });

  it('API version and canvas mode: flow properties that hide', () => {
    const d = diffFlows(doc(), doc({ apiVersion: '62.0', canvasMode: 'FREE_FORM_CANVAS' }));
    expect(d.properties.map((p) => p.path)).toEqual(['apiVersion', 'processMetadataValues[CanvasMode].value']);
    const f = filterNoise(d, only('api-version'));
    expect(f.hidden).toMatchObject({ 'api-version': 1, 'canvas-mode': 1 });
    expect(f.diff.properties.map((p) => p.path)).toEqual(['processMetadataValues[CanvasMode].value']);
    expect(filterNoise(d, only('api-version', 'canvas-mode')).diff.summary.properties).toBe(0);
  });

  it('Namespace: a field that differs only by %%%NAMESPACED_ORG%%% is no change; another edit stays', () => {
    const { before, after } = pair({ fieldPrefix: '%%%NAMESPACED_ORG%%%' });
    const d = diffFlows(before, after);
    expect(marked(d)).toEqual(['Save_Total']);
    const f = filterNoise(d, only('namespace'));
    expect(f.hidden.namespace).toBe(2);
    expect(marked(f.diff)).toEqual([]);
    const real = diffFlows(before, doc({ fieldPrefix: '%%%NAMESPACED_ORG%%%Old_' }));
    expect(marked(filterNoise(real, only('namespace')).diff)).toEqual(['Save_Total']);
  });

  it('Namespace: a value whose text gains a token', () => {
    const after = parseDoc(
      quietFlowXml().replace(
        '<inputReference>$Record</inputReference>',
        '<inputReference>%%%NAMESPACE_DOT%%%$Record</inputReference>',
      ),
      'Q.flow-meta.xml',
    );
    const f = filterNoise(diffFlows(doc(), after), only('namespace'));
    expect(f.hidden.namespace).toBe(1);
    expect(f.diff.summary.nodes.changed).toBe(0);
  });

  it('with nothing to ignore, and with nothing to hide, it is the same diff', () => {
    const d = diffFlows(doc(), doc({ step: '3.0' }));
    expect(filterNoise(d, new Set()).diff).toBe(d);
    expect(filterNoise(d, new Set(['description', 'label', 'namespace'])).diff).toBe(d);
  });

  it('a renamed element whose only change was its label stays renamed', () => {
    const before = doc();
    const after = parseDoc(
      quietFlowXml({ assignLabel: 'Add Two' }).replaceAll('Add_One', 'Add_Two'),
      'Q.flow-meta.xml',
    );
    const d = diffFlows(before, after);
    const f = filterNoise(d, only('label'));
    expect(f.diff.nodes.find((n) => n.id === 'Add_Two')).toMatchObject({ status: 'renamed', changes: [] });
  });
});

describe('reading and writing the kinds', () => {
  it('reads known names in any order and says which are unknown', () => {
    const r = readNoiseKinds(' label,description,, bogus,namespace');
    expect(writeNoiseKinds(r.kinds)).toBe('description,label,namespace');
    expect(r.unknown).toEqual(['bogus']);
    expect(readNoiseKinds('__proto__').unknown).toEqual(['__proto__']);
  });
});
