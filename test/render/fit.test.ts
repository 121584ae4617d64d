import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLine } from '../../src/describe/startLine';
import { layoutGraph } from '../../src/layout/index';
import { diffFlows } from '../../src/model/diff/index';
import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { renderSvg } from '../../src/render/svg';
import { textWidth } from '../../src/render/text';

const doc = (f: string) => {
  const parsed = parseFlow(readFileSync(join(__dirname, '../../src/samples', f), 'utf8'), { fileName: f });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.doc;
};
const fromXml = (t: string) =>
  t
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&#39;/g, "'");

describe('text in the exported picture fits where it is drawn', () => {
  it("Start's trigger is not cut ('… — after save', not 'after sa…')", async () => {
    const flow = doc('Opportunity_Review.flow-meta.xml');
    const graph = buildGraph(flow);
    const svg = renderSvg(graph, await layoutGraph(graph, { cache: false }), { startDetail: startLine(flow) });
    expect(startLine(flow)).toMatch(/after save$/);
    expect(svg).toMatch(/>[^<]*save<\/text>/);
    expect(svg).not.toMatch(/after sa…/);
  });

  it("every pill's border is as wide as its text measured in the pill's own weight", async () => {
    const diff = diffFlows(doc('Opportunity_Review.flow-meta.xml'), doc('Opportunity_Review.v2.flow-meta.xml'));
    const svg = renderSvg(diff.graph, await layoutGraph(diff.graph, { cache: false }));
    const pills = [
      ...svg.matchAll(
        /<rect [^>]*width="([\d.]+)" height="18"[^>]*\/><text [^>]*font-size="(\d+)"([^>]*)>([^<]*)<\/text>/g,
      ),
    ];
    expect(pills.length).toBeGreaterThan(5);
    const bold = pills.filter((p) => /font-weight/.test(p[3] as string));
    expect(bold.length).toBeGreaterThan(1);
    for (const [, w, size, attrs, text] of pills) {
      const need = textWidth(fromXml(text as string), Number(size), /font-weight/.test(attrs as string));
      expect(Number(w), text).toBeGreaterThanOrEqual(need + 10);
    }
  });
});
