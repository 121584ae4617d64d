// all views: svg + canvas, flows + pairs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDocs } from '/work/wt-routes/src/cli/render';
import { parseFlow, buildGraph, diffFlows, layoutGraph, openPaths, unionOpenPaths } from '/work/wt-routes/src/index';
import { checkPicture, checkGeometry, faultCount } from '/work/wt-routes/test/support/picture';
import { canvasPicture } from '/work/wt-routes/test/support/canvasPicture';
const corpus = '/work/shared/corpus/flows';
const doc = (p: string) => { const r = parseFlow(readFileSync(p, 'utf8')); return r.ok ? r.doc : undefined; };
const items: [string, any, any][] = [];
for (const f of readdirSync(corpus).filter((f) => /\.(flow-meta\.xml|flow)$/.test(f)).sort()) items.push([f, doc(join(corpus, f)), undefined]);
for (const d of readdirSync(join(corpus, '../pairs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort())
  items.push(['pair:' + d, doc(join(corpus, '../pairs', d, 'a.flow-meta.xml')), doc(join(corpus, '../pairs', d, 'b.flow-meta.xml'))]);
const tot: Record<string, number> = {};
const badFlows = new Set<string>();
const verbose = process.argv.includes('--list');
for (const [name, a, b] of items) {
  if (!a || (name.startsWith('pair:') && !b)) continue;
  const svg = await renderDocs(a, b, {});
  const graph = b ? diffFlows(a, b).graph : buildGraph(a);
  const layout = await layoutGraph({ ...graph, openPaths: b ? unionOpenPaths(a, b, graph) : openPaths(a) });
  for (const [view, p] of [['svg', checkPicture(svg)], ['canvas', checkGeometry(canvasPicture(graph, layout))]] as const) {
    for (const k of ['throughCard', 'onConnector', 'labelOnCard', 'labelOnLabel'] as const) {
      const key = `${name.startsWith('pair:') ? 'pairs' : 'flows'}.${view}.${k}`;
      tot[key] = (tot[key] ?? 0) + p[k].length;
    }
    if (faultCount(p)) { badFlows.add(`${name.startsWith('pair:') ? 'pairs' : 'flows'}.${view}:${name}`);
      if (verbose) console.log(view, name, layout.engine, [...p.throughCard, ...p.onConnector, ...p.labelOnCard, ...p.labelOnLabel].slice(0, 4).join('; ')); }
  }
}
const counts: Record<string, number> = {};
for (const b of badFlows) { const k = b.split(':')[0] as string; counts[k] = (counts[k] ?? 0) + 1; }
console.log(JSON.stringify(tot)); console.log('bad', JSON.stringify(counts));
