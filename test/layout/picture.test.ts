/**
 * What a reader sees in the default picture (issue 12 §2–3): no connector through a card or on top of an
 * unrelated connector, no label or Go To marker on a card or on another label — over every corpus flow
 * and every corpus pair's comparison, in the SVG `flowscope render` writes and in the canvas's own
 * geometry; over generated flows too. And Auto-Layout's Ends: one after every path that ends.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocs } from '../../src/cli/render';
import {
  buildGraph,
  diffFlows,
  type FlowDoc,
  layoutGraph,
  openPaths,
  parseFlow,
  unionOpenPaths,
} from '../../src/index';
import { canvasPicture } from '../support/canvasPicture';
import { generateFlow } from '../support/generate';
import { checkGeometry, checkPicture, type PictureFaults } from '../support/picture';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const doc = (text: string): FlowDoc => {
  const r = parseFlow(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};
const faults = (p: PictureFaults) => [...p.throughCard, ...p.onConnector, ...p.labelOnCard, ...p.labelOnLabel];

/** Both pictures of a flow (or a comparison): the SVG and the canvas's geometry. */
async function pictureFaults(a: FlowDoc, b?: FlowDoc): Promise<string[]> {
  const svg = await renderDocs(a, b, {});
  const graph = b ? diffFlows(a, b).graph : buildGraph(a);
  const layout = await layoutGraph({ ...graph, openPaths: b ? unionOpenPaths(a, b, graph) : openPaths(a) });
  return [
    ...faults(checkPicture(svg)).map((f) => `svg: ${f}`),
    ...faults(checkGeometry(canvasPicture(graph, layout))).map((f) => `canvas: ${f}`),
  ];
}

describe.runIf(existsSync(corpus))('the corpus pictures', () => {
  it('draw no connector through a card or on another, no label on a card or a label', { timeout: 60_000 }, async () => {
    const bad: string[] = [];
    for (const f of readdirSync(join(corpus, 'flows')).filter((x) => /\.(flow-meta\.xml|flow)$/.test(x))) {
      const r = parseFlow(readFileSync(join(corpus, 'flows', f), 'utf8'));
      if (!r.ok) continue;
      for (const fault of await pictureFaults(r.doc)) bad.push(`${f}: ${fault}`);
    }
    expect(bad).toEqual([]);
  });

  it('and neither do the comparisons of every corpus pair', { timeout: 60_000 }, async () => {
    const bad: string[] = [];
    for (const d of readdirSync(join(corpus, 'pairs'), { withFileTypes: true }).filter((x) => x.isDirectory())) {
      const a = parseFlow(readFileSync(join(corpus, 'pairs', d.name, 'a.flow-meta.xml'), 'utf8'));
      const b = parseFlow(readFileSync(join(corpus, 'pairs', d.name, 'b.flow-meta.xml'), 'utf8'));
      if (!a.ok || !b.ok) continue;
      for (const fault of await pictureFaults(a.doc, b.doc)) bad.push(`${d.name}: ${fault}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('generated flows', () => {
  it('draw no connector through a card or on another, no label on a card or a label', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 8, max: 90 }), fc.integer({ min: 1, max: 1_000_000 }), async (size, seed) => {
        expect(await pictureFaults(doc(generateFlow(size, seed).xml))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

const samples = resolve(import.meta.dirname, '../../src/samples');

describe('the bundled sample pair', () => {
  it('draws Notify Owner → Update Opportunity as a plain merge, cleanly', async () => {
    const a = doc(readFileSync(join(samples, 'Opportunity_Review.flow-meta.xml'), 'utf8'));
    const b = doc(readFileSync(join(samples, 'Opportunity_Review.v2.flow-meta.xml'), 'utf8'));
    const graph = diffFlows(a, b).graph;
    const layout = await layoutGraph({ ...graph, openPaths: unionOpenPaths(a, b, graph) });
    const merge = graph.edges.find((e) => e.source === 'Notify_Owner' && e.target === 'Update_Opportunity');
    const route = layout.edges[merge?.id ?? ''];
    expect(route?.jump).toBeUndefined();
    // Into the merge element's top, from above.
    const last = route?.points.at(-1);
    expect(last?.y).toBe(layout.nodes.Update_Opportunity?.y);
    expect(await pictureFaults(a, b)).toEqual([]);
    // Selected, its whole connector shows: it still lands on no label.
    const svg = await renderDocs(a, b, { selected: 'Notify_Owner', goTo: 'line' });
    expect(checkPicture(svg).labelOnCard).toEqual([]);
  });
});
