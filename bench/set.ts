/**
 * Flow-set rows for `npm run bench` (issue 13): a 2,000-flow generated set read in Node as the set worker
 * reads it (parse → index → search build, and all of it through the worker's engine), search per keystroke
 * (typing "Opportunity.StageName" and "Send_Email" one character at a time: median and max), and
 * `flowscope index` / `flowscope graph` over a 2,000-file mixed folder in one process (spawned once, wall time),
 * and `flowscope changes` over two 500-flow folders (bench/changes.ts).
 * Run alone with `npx tsx bench/set.ts`.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createSetSearch } from '../src/model/setSearch';
import { createSetEngine } from '../src/sets/engine';
import { readFlowTexts } from '../src/sets/read';
import { summarizeSet } from '../src/sets/summary';
import { corpusSet, generatedSet, mixedFolder } from '../test/support/generateSet';
import { changesRow } from './changes';

export interface SetRow {
  case: string;
  /** Flows in the set (files for the CLI rows). */
  elements: number;
  parseMs: number;
  /** Index (facts, calls, triggers) for the read rows; 0 else. */
  graphMs: number;
  layoutMs: number;
  totalMs: number;
  engine: string;
  runs: number;
  searchBuildMs?: number;
  /** Search rows: the median and the slowest keystroke. */
  medianMs?: number;
  maxMs?: number;
}

const ROOT = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round = (v: number) => Math.round(v * 100) / 100;
const row = (r: Omit<SetRow, 'layoutMs' | 'engine'> & Partial<SetRow>): SetRow => ({
  layoutMs: 0,
  engine: 'set',
  ...r,
});

async function readRows(name: string, files: { path: string; text: string }[], runs: number): Promise<SetRow[]> {
  const texts = files.map((f) => ({ file: f.path, text: f.text }));
  const parts: { parse: number; index: number; build: number }[] = [];
  const engine: { listed: number; searchable: number }[] = [];
  for (let k = 0; k <= runs; k++) {
    const t0 = performance.now();
    const read = readFlowTexts(texts);
    const t1 = performance.now();
    summarizeSet(read.entries, read.skipped);
    const t2 = performance.now();
    createSetSearch(read.entries.map((e) => ({ name: e.name, label: e.doc.label, doc: e.doc })));
    const t3 = performance.now();
    const e = createSetEngine();
    await e.open(files);
    const t4 = performance.now();
    e.warm();
    const t5 = performance.now();
    if (k === 0) continue; // warm-up
    parts.push({ parse: t1 - t0, index: t2 - t1, build: t3 - t2 });
    engine.push({ listed: t4 - t3, searchable: t5 - t3 });
  }
  const parse = median(parts.map((p) => p.parse));
  const index = median(parts.map((p) => p.index));
  const build = median(parts.map((p) => p.build));
  return [
    row({
      case: `set:read ${name} (parse + index + search build)`,
      elements: files.length,
      parseMs: round(parse),
      graphMs: round(index),
      searchBuildMs: round(build),
      totalMs: round(parse + index + build),
      runs,
    }),
    row({
      case: `set:open ${name} through the worker's engine: listed (slices, progress)`,
      elements: files.length,
      parseMs: 0,
      graphMs: 0,
      totalMs: round(median(engine.map((x) => x.listed))),
      runs,
    }),
    row({
      case: `set:open ${name} through the worker's engine: searchable`,
      elements: files.length,
      parseMs: 0,
      graphMs: 0,
      totalMs: round(median(engine.map((x) => x.searchable))),
      runs,
    }),
  ];
}

function keystrokeRows(files: { path: string; text: string }[], words: string[], runs: number): SetRow[] {
  const read = readFlowTexts(files.map((f) => ({ file: f.path, text: f.text })));
  const search = createSetSearch(read.entries.map((e) => ({ name: e.name, label: e.doc.label, doc: e.doc })));
  return words.map((word) => {
    const perKey: number[] = [];
    for (let i = 1; i <= word.length; i++) {
      const q = word.slice(0, i);
      search.search(q); // warm-up
      const times: number[] = [];
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        search.search(q);
        times.push(performance.now() - t0);
      }
      perKey.push(median(times));
    }
    return row({
      case: `set:search per keystroke "${word}" (${files.length} flows, ${search.size} entries)`,
      elements: files.length,
      parseMs: 0,
      graphMs: 0,
      totalMs: round(perKey.reduce((a, b) => a + b, 0)),
      medianMs: round(median(perKey)),
      maxMs: round(Math.max(...perKey)),
      runs,
    });
  });
}

function cliRow(command: string, n: number): SetRow {
  const folder = mixedFolder(n, 11);
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/flowscope.mjs'), command, folder.dir, '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`flowscope ${command} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
    return row({
      case: `set:flowscope ${command} ${n}-flow mixed folder (+${folder.others} other files, one process, wall)`,
      elements: n,
      parseMs: 0,
      graphMs: 0,
      totalMs: round(wall),
      runs: 1,
    });
  } finally {
    folder.cleanup();
  }
}

export async function setRows(): Promise<SetRow[]> {
  const generated = generatedSet(2000, 1);
  return [
    ...(await readRows('2,000 generated flows', generated, 3)),
    ...(await readRows(`the corpus (${corpusSet().files.length} flows)`, corpusSet().files, 3)),
    ...keystrokeRows(generated, ['Opportunity.StageName', 'Send_Email'], 5),
    cliRow('index', 2000),
    cliRow('graph', 2000),
    // `flowscope changes` over two 500-flow folders, ~10% edited (bench/changes.ts).
    changesRow(),
  ];
}

/** The small table `npm run bench` (and this file alone) prints. */
export function printSetRows(rows: readonly SetRow[]): void {
  console.log(
    `\n${'flow sets'.padEnd(96)} ${'parse'.padStart(8)} ${'index'.padStart(7)} ${'build'.padStart(7)} ${'total'.padStart(8)} ${'median'.padStart(7)} ${'max'.padStart(7)}  (ms)`,
  );
  const cell = (v: number | undefined, w: number) => (v === undefined ? '' : v.toFixed(1)).padStart(w);
  for (const r of rows)
    console.log(
      `${r.case.slice(0, 96).padEnd(96)} ${cell(r.parseMs || undefined, 8)} ${cell(r.graphMs || undefined, 7)} ${cell(r.searchBuildMs, 7)} ${cell(r.totalMs, 8)} ${cell(r.medianMs, 7)} ${cell(r.maxMs, 7)}`,
    );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'set.ts'))
  setRows().then(printSetRows, (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
