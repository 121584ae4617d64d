/**
 * `npx tsx bench/checks.ts`: the review checks over the whole corpus in one process (issue 15's closing
 * figures): findings per rule, and the time to check every flow (parse + graph + checks, and the checks
 * alone), the median of several runs after a warm-up. Generated flows of 3,000 and 20,000 elements show how
 * the checks scale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES, runChecks } from '../src/checks/index';
import { buildGraph, type FlowGraph } from '../src/model/graph';
import { parseFlow } from '../src/model/parse/index';
import type { FlowDoc } from '../src/model/types';
import { generateFlow } from '../test/support/generate';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
const RUNS = 7;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function corpusTexts(): { dir: string; file: string; text: string }[] {
  const out: { dir: string; file: string; text: string }[] = [];
  for (const dir of ['flows', 'tooling-json'])
    for (const f of readdirSync(join(CORPUS, dir)).sort())
      if (/\.(flow-meta\.xml|flow|json)$/.test(f))
        out.push({ dir, file: f, text: readFileSync(join(CORPUS, dir, f), 'utf8') });
  return out;
}

function timeIt(fn: () => void): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const texts = corpusTexts();
const parsed: { dir: string; doc: FlowDoc; graph: FlowGraph }[] = [];
for (const { dir, file, text } of texts) {
  const r = parseFlow(text, { fileName: file });
  if (r.ok) parsed.push({ dir, doc: r.doc, graph: buildGraph(r.doc) });
}

const counts = new Map<string, number>(RULES.map((r) => [r.id, 0]));
const inFlowsDir = new Map<string, number>(RULES.map((r) => [r.id, 0]));
const flowsWith = new Map<string, number>(RULES.map((r) => [r.id, 0]));
for (const { dir, doc, graph } of parsed) {
  const seen = new Set<string>();
  for (const f of runChecks(doc, graph)) {
    counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    if (dir === 'flows') inFlowsDir.set(f.rule, (inFlowsDir.get(f.rule) ?? 0) + 1);
    seen.add(f.rule);
  }
  for (const r of seen) flowsWith.set(r, (flowsWith.get(r) ?? 0) + 1);
}

const endToEnd = timeIt(() => {
  for (const { file, text } of texts) {
    const r = parseFlow(text, { fileName: file });
    if (r.ok) runChecks(r.doc, buildGraph(r.doc));
  }
});
const checksOnly = timeIt(() => {
  for (const { doc, graph } of parsed) runChecks(doc, graph);
});

console.log(`Corpus: ${parsed.length} flows (${texts.length} files: flows/ and tooling-json/)\n`);
console.log('rule                        severity  findings  flows  in flows/ only');
for (const r of RULES)
  console.log(
    `${r.id.padEnd(28)}${r.severity.padEnd(10)}${String(counts.get(r.id)).padStart(8)}` +
      `${String(flowsWith.get(r.id)).padStart(7)}${String(inFlowsDir.get(r.id)).padStart(16)}`,
  );
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
console.log(`${'total'.padEnd(38)}${String(sum(counts)).padStart(8)}${String(sum(inFlowsDir)).padStart(23)}\n`);
console.log(`parse + graph + checks, whole corpus: ${endToEnd.toFixed(0)} ms (median of ${RUNS})`);
console.log(`checks alone, whole corpus:           ${checksOnly.toFixed(1)} ms (median of ${RUNS})`);

for (const size of [3000, 20000]) {
  const gen = generateFlow(size, 7);
  const r = parseFlow(gen.xml, { fileName: `${gen.name}.flow-meta.xml` });
  if (!r.ok) continue;
  const graph = buildGraph(r.doc);
  let n = 0;
  const ms = timeIt(() => {
    n = runChecks(r.doc, graph).length;
  });
  console.log(`checks alone, generated ${size} elements:  ${ms.toFixed(1)} ms (${n} findings)`);
}
