import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../../src/layout/index';
import type { Point } from '../../../src/layout/types';
import { buildGraph, elementIndex } from '../../../src/model/graph';
import { parseFlow } from '../../../src/model/parse/index';
import { renderSvg } from '../../../src/render/svg';
import { readCorpus } from '../../helpers/corpus';
import { checkPicture } from '../../support/picture';
import { checkLayout } from '../invariants';
import { generatedGraph } from '../helpers';
import { orderFaults, withPositions } from './support';

describe('big free-form flows', () => {
  it('a generated 1,000-element free-form flow: saved order, invariants, a clean picture, in seconds', async () => {
    const flow = generatedGraph(1000, 3);
    const graph = withPositions(flow);
    const t0 = performance.now();
    const r = await layoutGraph(graph, { engine: 'saved', cache: false });
    const ms = performance.now() - t0;
    expect(r.engine).toBe('saved');
    expect(ms).toBeLessThan(8000);
    expect(checkLayout(graph, r)).toEqual([]);
    const ids = graph.nodes.map((n) => n.id);
    expect(orderFaults(graph.positions as Record<string, Point>, r, ids)).toEqual([]);
    const stubs = Object.values(r.edges).filter((e) => e.jump).length;
    // Go To connectors are stubs by design; a few others may be too, where no clean way round is found.
    const goTo = graph.edges.filter((e) => e.goTo).length;
    expect(stubs - goTo).toBeLessThanOrEqual(graph.edges.length * 0.02);
    const { crossings: _, ...faults } = checkPicture(renderSvg(flow, r));
    expect(faults.throughCard).toEqual([]);
    expect(faults.labelOnCard).toEqual([]);
    expect(faults.labelOnLabel).toEqual([]);
  }, 60_000);

  it("the corpus's 230-element flow, at the coordinates its file holds, well within a second of routing", async () => {
    const file = 'toddhalfpenny__salesforce-flow-visualiser__Merchant_Processing_Agreement_MAIN.flow-meta.xml';
    const parsed = parseFlow(readCorpus('flows', file), { fileName: file });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const positions: Record<string, Point> = Object.create(null);
    for (const [id, el] of elementIndex(parsed.doc).elements)
      positions[id] = { x: Number(el.data.locationX), y: Number(el.data.locationY) };
    const g = { ...buildGraph(parsed.doc), positions };
    const r = await layoutGraph(g, { engine: 'saved', cache: false });
    expect(r.engine).toBe('saved');
    expect(r.nodes.$start).toBeDefined();
    expect(checkLayout(g, r)).toEqual([]);
    expect(r.ms?.totalMs).toBeLessThan(3000);
  }, 30_000);
});
