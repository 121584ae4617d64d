import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as flowscope from '../src/index';

const fixture = (side: string) =>
  readFileSync(join(__dirname, 'fixtures/diff', `rewired-outcome--${side}.flow-meta.xml`), 'utf8');

describe('the library entry (src/index.ts, package.json "exports")', () => {
  it('does what its header says: parse, graph, diff, lay out, draw, link and read the link back', async () => {
    const before = flowscope.parseFlow(fixture('before'), { fileName: 'Opp.flow-meta.xml' });
    const after = flowscope.parseFlow(fixture('after'), { fileName: 'Opp.flow-meta.xml' });
    if (!before.ok || !after.ok) throw new Error('the fixtures parse');
    const graph = flowscope.buildGraph(after.doc);
    expect(graph.nodes[0]?.id).toBe(flowscope.START_ID);
    const diff = flowscope.diffFlows(before.doc, after.doc);
    expect(diff.summary.connectors.rewired).toBe(1);
    expect(flowscope.reverseDiff(diff).summary.connectors.rewired).toBe(1);
    const layout = await flowscope.layoutGraph(graph);
    const svg = flowscope.renderSvg(graph, layout, { title: after.doc.label });
    for (const n of graph.nodes) expect(svg).toContain(n.label);
    const link = await flowscope.buildLink(
      { v: 1, route: 'view', a: flowscope.inlineRef(after.doc) },
      'https://example.test/flowscope/',
    );
    if (!link.ok) throw new Error(link.message);
    const back = await flowscope.decodeLink(link.url);
    expect(back.ok && back.state.route).toBe('view');
  });

  it('exports the functions the issue names for an embedder or a script', () => {
    for (const name of ['parseFlow', 'buildGraph', 'diffFlows', 'layoutGraph', 'renderSvg', 'buildLink', 'decodeLink'])
      expect(typeof (flowscope as Record<string, unknown>)[name]).toBe('function');
  });
});
