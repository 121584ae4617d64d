/**
 * `npx tsx scripts/picture-report.ts [--pairs] [--list]`: renders every corpus flow (or pair's diff) as
 * `flowscope render` does and counts what a reader sees wrong (test/support/picture.ts): connectors
 * through cards or on unrelated connectors, labels on cards or labels, and crossings — in the SVG and in
 * the canvas's own geometry (test/support/canvasPicture.ts). A tuning aid; test/layout/picture.test.ts
 * asserts the same over the corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderDocs } from '../src/cli/render';
import { buildGraph, diffFlows, layoutGraph, openPaths, parseFlow, unionOpenPaths } from '../src/index';
import { canvasPicture } from '../test/support/canvasPicture';
import { checkGeometry, checkPicture, faultCount } from '../test/support/picture';

const corpus = resolve(import.meta.dirname, '../../shared/corpus/flows');
const list = process.argv.includes('--list');
const pairs = process.argv.includes('--pairs');
const files = pairs
  ? readdirSync(join(corpus, '../pairs'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : readdirSync(corpus)
      .filter((f) => /\.(flow-meta\.xml|flow)$/.test(f))
      .sort();
const doc = (path: string) => {
  const parsed = parseFlow(readFileSync(path, 'utf8'));
  return parsed.ok ? parsed.doc : undefined;
};
const zero = () => ({ throughCard: 0, onConnector: 0, labelOnCard: 0, labelOnLabel: 0, crossings: 0, bad: 0 });
const totals = { flows: 0, svg: zero(), canvas: zero() };
for (const f of files) {
  const a = doc(pairs ? join(corpus, '../pairs', f, 'a.flow-meta.xml') : join(corpus, f));
  const b = pairs ? doc(join(corpus, '../pairs', f, 'b.flow-meta.xml')) : undefined;
  if (!a || (pairs && !b)) continue;
  const svg = await renderDocs(a, b, {});
  const graph = b ? diffFlows(a, b).graph : buildGraph(a);
  const layout = await layoutGraph({ ...graph, openPaths: b ? unionOpenPaths(a, b, graph) : openPaths(a) });
  totals.flows++;
  for (const [view, p] of [
    ['svg', checkPicture(svg)],
    ['canvas', checkGeometry(canvasPicture(graph, layout))],
  ] as const) {
    const t = totals[view];
    t.throughCard += p.throughCard.length;
    t.onConnector += p.onConnector.length;
    t.labelOnCard += p.labelOnCard.length;
    t.labelOnLabel += p.labelOnLabel.length;
    t.crossings += p.crossings;
    if (faultCount(p)) t.bad++;
    if (list && faultCount(p))
      console.log(
        `${view} ${f}: ${[...p.throughCard, ...p.onConnector, ...p.labelOnCard, ...p.labelOnLabel].slice(0, 3).join('; ')}`,
      );
  }
}
console.log(JSON.stringify(totals));
