/**
 * `npx tsx bench/links.ts`: share-link lengths over the corpus — every pair's inline diff link and every
 * flow's inline view link (median, 95th percentile, max, how many fit a GitHub comment), and, for the
 * pairs, what the shipped payload (one deflate, second version as a delta on the first) saves over the
 * alternatives. Writes bench/links-results.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFlow } from '../src/model/parse/index';
import type { FlowDoc } from '../src/model/types';
import { compress } from '../src/share/codec';
import { buildLink, COMMENT_LIMIT, inlineRef } from '../src/share/link';
import { docToMetadata, shareableDoc } from '../src/share/metadata';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
const SITE = 'https://example.github.io/flowscope/';

function parse(text: string, fileName: string): FlowDoc {
  const r = parseFlow(text, { fileName });
  if (!r.ok) throw new Error(`${fileName}: ${r.error.message}`);
  return r.doc;
}

async function link(a: FlowDoc, b?: FlowDoc): Promise<number> {
  const built = await buildLink(
    b ? { v: 1, route: 'diff', a: inlineRef(a), b: inlineRef(b) } : { v: 1, route: 'view', a: inlineRef(a) },
    SITE,
  );
  if (!built.ok) throw new Error(built.message);
  return built.length;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const stats = (xs: number[]) => ({
  count: xs.length,
  median: quantile(xs, 0.5),
  p95: quantile(xs, 0.95),
  max: Math.max(...xs),
  overCommentLimit: xs.filter((x) => x > COMMENT_LIMIT).length,
});

const pairs: number[] = [];
const separate: number[] = [];
const noDelta: number[] = [];
const pairRows: { pair: string; chars: number }[] = [];
for (const dir of readdirSync(join(CORPUS, 'pairs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()) {
  const name = `${dir.split('__')[2]}.flow-meta.xml`;
  const a = parse(readFileSync(join(CORPUS, 'pairs', dir, 'a.flow-meta.xml'), 'utf8'), name);
  const b = parse(readFileSync(join(CORPUS, 'pairs', dir, 'b.flow-meta.xml'), 'utf8'), name);
  const chars = await link(a, b);
  pairs.push(chars);
  pairRows.push({ pair: dir, chars });
  // Alternatives, payload characters only: two payloads, or one payload holding both versions whole.
  const md = (d: FlowDoc) => ({ n: d.name, m: docToMetadata(shareableDoc(d)) });
  separate.push(
    (await compress(JSON.stringify({ a: md(a) }))).length + (await compress(JSON.stringify({ a: md(b) }))).length,
  );
  noDelta.push((await compress(JSON.stringify({ a: md(a), b: md(b) }))).length);
}

const flows: number[] = [];
for (const file of readdirSync(join(CORPUS, 'flows'))
  .filter((f) => /\.(flow-meta\.xml|flow)$/.test(f))
  .sort()) {
  flows.push(
    await link(parse(readFileSync(join(CORPUS, 'flows', file), 'utf8'), file.split('__').slice(2).join('__'))),
  );
}

const result = {
  machine: `${cpus().length} cores, node ${process.version}`,
  site: SITE,
  diffLinks: stats(pairs),
  viewLinks: stats(flows),
  pairPayloadAlternatives: { separatePayloads: stats(separate), onePayloadNoDelta: stats(noDelta) },
  longestPairs: pairRows.sort((x, y) => y.chars - x.chars).slice(0, 5),
};
const row = (name: string, s: ReturnType<typeof stats>) =>
  `${name.padEnd(34)} ${String(s.count).padStart(5)} ${String(s.median).padStart(8)} ${String(s.p95).padStart(8)} ${String(s.max).padStart(8)} ${String(s.overCommentLimit).padStart(6)}`;
console.log(
  `${'characters'.padEnd(34)} ${'n'.padStart(5)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'>64K'.padStart(6)}`,
);
console.log(row('diff links (72 corpus pairs)', result.diffLinks));
console.log(row('view links (corpus flows)', result.viewLinks));
console.log(row('  pair payload: two payloads', result.pairPayloadAlternatives.separatePayloads));
console.log(row('  pair payload: one, no delta', result.pairPayloadAlternatives.onePayloadNoDelta));
writeFileSync(join(import.meta.dirname, 'links-results.json'), `${JSON.stringify(result, null, 2)}\n`);
