/**
 * `npm run bench`: parse → graph → layout timings for the largest corpus flows, the whole corpus and
 * generated flows of 200–3,000 elements. Each figure is the median of several runs in this process
 * after a warm-up, with the layout cache off. Prints a table and writes bench/results.json in the
 * contract of DESIGN.md (extra fields: engine, layout phases, and ELK-forced comparison rows). Hostile rows
 * (thousands of parallel connectors, Decisions nested thousands deep, 20,000 and 100,000 elements) carry
 * the degradation the layout chose in `notice`; each must stay under 5 s. Flow-set rows (bench/set.ts) close it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { diffRows } from './diff';
import { printSetRows, setRows } from './set';
import { layoutGraph, type LayoutOptions, type LayoutResult } from '../src/layout/index';
import {
  type GeneratedFlow,
  generateDecisionChain,
  generateFanOut,
  freeFormXml,
  generateFlow,
  generateStepChain,
} from '../test/support/generate';
import { openPaths } from '../src/model/ends';
import { buildGraph, type FlowGraph } from '../src/model/graph';
import { savedPositions } from '../src/model/positions';
import { parseFlow } from '../src/model/parse/index';
import type { FlowDoc } from '../src/model/types';

const HERE = import.meta.dirname;
const CORPUS = resolve(HERE, '../../shared/corpus/flows');

interface Row {
  case: string;
  elements: number;
  parseMs: number;
  graphMs: number;
  layoutMs: number;
  totalMs: number;
  engine: string;
  runs: number;
  analyseMs?: number;
  placeMs?: number;
  routeMs?: number;
  /** The degradation chosen (the layout's notice), if any. */
  notice?: string;
}

interface Sample {
  parse: number;
  graph: number;
  layout: number;
  total: number;
  result: LayoutResult;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round = (v: number) => Math.round(v * 100) / 100;

function parse(text: string, fileName?: string): FlowDoc {
  const r = parseFlow(text, fileName ? { fileName } : {});
  if (!r.ok) throw new Error(`${fileName ?? 'generated'}: ${r.error.message}`);
  return r.doc;
}

/**
 * One end-to-end run: parse, build the graph, lay it out (cache off) as the app draws it by default — a
 * free-form flow at its saved positions, any other with Auto-Layout's Ends — unless an engine is forced.
 */
async function once(text: string, fileName: string | undefined, options: LayoutOptions): Promise<Sample> {
  const t0 = performance.now();
  const doc = parse(text, fileName);
  const t1 = performance.now();
  const graph: FlowGraph = buildGraph(doc);
  const positions = options.engine === undefined || options.engine === 'saved' ? savedPositions(doc) : undefined;
  const input = positions ? { ...graph, positions } : { ...graph, openPaths: openPaths(doc) };
  const t2 = performance.now();
  const engine = options.engine ?? (positions ? 'saved' : 'auto');
  const result = await layoutGraph(input, { ...options, engine, cache: false });
  const t3 = performance.now();
  return { parse: t1 - t0, graph: t2 - t1, layout: t3 - t2, total: t3 - t0, result };
}

async function measure(
  name: string,
  inputs: { text: string; fileName?: string }[],
  elements: number,
  runs: number,
  options: LayoutOptions = {},
): Promise<Row> {
  const all = async () => {
    const sum = { parse: 0, graph: 0, layout: 0, total: 0, analyse: 0, place: 0, route: 0 };
    const engines = new Set<string>();
    const notices = new Set<string>();
    for (const input of inputs) {
      const s = await once(input.text, input.fileName, options);
      sum.parse += s.parse;
      sum.graph += s.graph;
      sum.layout += s.layout;
      sum.total += s.total;
      sum.analyse += s.result.ms?.analyseMs ?? 0;
      sum.place += s.result.ms?.placeMs ?? 0;
      sum.route += s.result.ms?.routeMs ?? 0;
      engines.add(s.result.engine);
      if (s.result.notice) notices.add(s.result.notice);
    }
    return { ...sum, engine: [...engines].sort().join('+'), notice: [...notices].join('; ') };
  };
  await all(); // warm-up
  const samples = [];
  for (let k = 0; k < runs; k++) samples.push(await all());
  const first = samples[0] as Awaited<ReturnType<typeof all>>;
  const row: Row = {
    case: name,
    elements,
    parseMs: round(median(samples.map((s) => s.parse))),
    graphMs: round(median(samples.map((s) => s.graph))),
    layoutMs: round(median(samples.map((s) => s.layout))),
    totalMs: round(median(samples.map((s) => s.total))),
    engine: first.engine,
    runs,
  };
  if (first.notice) row.notice = first.notice;
  if (first.engine === 'structured') {
    row.analyseMs = round(median(samples.map((s) => s.analyse)));
    row.placeMs = round(median(samples.map((s) => s.place)));
    row.routeMs = round(median(samples.map((s) => s.route)));
  }
  return row;
}

async function main(): Promise<void> {
  let files: string[];
  try {
    files = readdirSync(CORPUS)
      .filter((f) => /\.(flow-meta\.xml|flow)$/.test(f))
      .sort();
  } catch {
    throw new Error(`The flow corpus is missing at ${CORPUS}: the bench needs ../shared/corpus beside the repo.`);
  }
  const corpus = files.map((file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    return { file, text, elements: parse(text, file).elements.length };
  });
  const largest = [...corpus].sort((a, b) => b.elements - a.elements || (a.file < b.file ? -1 : 1)).slice(0, 5);
  const skipElk = process.env.BENCH_ELK === '0';

  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    const cells = [
      row.case.slice(0, 78).padEnd(78),
      String(row.elements).padStart(6),
      row.parseMs.toFixed(1).padStart(8),
      row.graphMs.toFixed(1).padStart(7),
      row.layoutMs.toFixed(1).padStart(8),
      row.totalMs.toFixed(1).padStart(8),
    ];
    console.log(`${cells.join(' ')}  ${row.engine}${row.notice ? ` (${row.notice})` : ''}`);
  };
  const heads = [
    'case'.padEnd(78),
    'elems'.padStart(6),
    'parse'.padStart(8),
    'graph'.padStart(7),
    'layout'.padStart(8),
    'total'.padStart(8),
  ];
  console.log(`${heads.join(' ')}  engine   (ms, medians)`);
  for (const c of largest) add(await measure(`corpus:${c.file}`, [{ text: c.text, fileName: c.file }], c.elements, 15));
  add(
    await measure(
      `corpus:* (all ${corpus.length} flows, sum per run)`,
      corpus.map((c) => ({ text: c.text, fileName: c.file })),
      corpus.reduce((s, c) => s + c.elements, 0),
      5,
    ),
  );
  for (const size of [200, 500, 1000, 2000, 3000]) {
    const gen = generateFlow(size, 1);
    add(await measure(`generated:${size}`, [{ text: gen.xml }], size, size >= 2000 ? 7 : 11));
  }
  // Free-form flows drawn where their authors put them (the saved engine): the corpus's, and generated ones.
  const freeForm = corpus.filter((c) => savedPositions(parse(c.text, c.file)) !== undefined);
  add(
    await measure(
      `saved:corpus:* (all ${freeForm.length} free-form flows, sum per run)`,
      freeForm.map((c) => ({ text: c.text, fileName: c.file })),
      freeForm.reduce((n, c) => n + c.elements, 0),
      5,
    ),
  );
  for (const size of [200, 1000])
    add(
      await measure(`saved:generated:${size} free-form`, [{ text: freeFormXml(generateFlow(size, 1).xml) }], size, 5),
    );

  // Hostile inputs: each must lay out under 5 s, degraded on purpose where needed (the notice says how).
  const hostile: [string, GeneratedFlow, number][] = [
    ['hostile:fan-out 1,000 parallel connectors (20 elements)', generateFanOut(1000), 3],
    ['hostile:fan-out 1,000 parallel connectors back (cycles)', generateFanOut(1000, 20, true), 3],
    ['hostile:decision chain 2,000 nested', generateDecisionChain(2000), 3],
    ['hostile:decision chain 5,000 nested', generateDecisionChain(5000), 3],
    ['hostile:step chain 5,000', generateStepChain(5000), 3],
    ['hostile:generated:20000', generateFlow(20_000, 1), 3],
    ['hostile:generated:100000', generateFlow(100_000, 1), 1],
  ];
  for (const [name, gen, runs] of hostile) {
    add(await measure(name, [{ text: gen.xml }], gen.elements.length, runs));
  }
  // Diffs (bench/diff.ts): parse both versions → diff → lay out the union graph; diffMs is the differ alone.
  for (const row of await diffRows()) {
    add(row);
    console.log(`  diff ${row.diffMs.toFixed(1)} ms; ${row.changes}`);
  }
  // Flow sets (bench/set.ts): a 2,000-flow set read and searched per keystroke, the CLI over a folder.
  const sets = await setRows();
  rows.push(...sets);
  printSetRows(sets);
  if (!skipElk) {
    // For comparison only: the same inputs forced through ELK (what the structured engine replaced).
    const top = largest[0];
    if (top)
      add(
        await measure(`elk:corpus:${top.file}`, [{ text: top.text, fileName: top.file }], top.elements, 3, {
          engine: 'elk',
        }),
      );
    add(await measure('elk:generated:200', [{ text: generateFlow(200, 1).xml }], 200, 3, { engine: 'elk' }));
  }

  const cpu = cpus();
  const machine =
    `${cpu.length} cores ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ` +
    `Node ${process.version}, ${process.platform}`;
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify({ machine, rows }, null, 2)}\n`);
  console.log(`\n${machine}\nwrote bench/results.json`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
