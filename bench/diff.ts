/**
 * Diff rows for `npm run bench`: the largest corpus version pair (by element count) and a generated
 * 1,000-element flow with 40 edits (changes, rewires, renames, insertions, removals), each timed as
 * parse both → diff → lay out the union graph. Medians after a warm-up, layout cache off. `diffMs`
 * includes building both graphs (the differ does it); `graphMs` is that part alone, for reference.
 * Run alone with `npx tsx bench/diff.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { layoutGraph } from '../src/layout/index';
import { diffFlows } from '../src/model/diff/index';
import { mutateFlow } from '../test/support/mutate';
import { generateFlow } from '../test/support/generate';
import { buildGraph } from '../src/model/graph';
import { parseFlow } from '../src/model/parse/index';
import type { FlowDoc } from '../src/model/types';

const PAIRS = resolve(import.meta.dirname, '../../shared/corpus/pairs');

export interface DiffRow {
  case: string;
  elements: number;
  parseMs: number;
  graphMs: number;
  diffMs: number;
  layoutMs: number;
  totalMs: number;
  engine: string;
  runs: number;
  changes: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round = (v: number) => Math.round(v * 100) / 100;

function parse(text: string): FlowDoc {
  const r = parseFlow(text, { fileName: 'bench.flow-meta.xml' });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

/** Times parse (when texts are given) → diff → union layout, `runs` times after one warm-up. */
async function measure(
  name: string,
  input: { texts: [string, string] } | { docs: [FlowDoc, FlowDoc] },
  runs: number,
): Promise<DiffRow> {
  const samples: { parse: number; graph: number; diff: number; layout: number; engine: string; changes: string }[] = [];
  for (let k = 0; k <= runs; k++) {
    const t0 = performance.now();
    const [a, b] = 'texts' in input ? [parse(input.texts[0]), parse(input.texts[1])] : input.docs;
    const t1 = performance.now();
    buildGraph(a);
    buildGraph(b);
    const t2 = performance.now();
    const d = diffFlows(a, b);
    const t3 = performance.now();
    const r = await layoutGraph(d.graph, { cache: false });
    const t4 = performance.now();
    const n = d.summary.nodes;
    const e = d.summary.edges;
    const changes =
      `+${n.added} -${n.removed} ~${n.changed} >${n.renamed} nodes, ` +
      `+${e.added} -${e.removed} edges, ${d.rewired.length} rewired`;
    if (k > 0)
      samples.push({ parse: t1 - t0, graph: t2 - t1, diff: t3 - t2, layout: t4 - t3, engine: r.engine, changes });
  }
  const first = samples[0] as (typeof samples)[number];
  const m = (f: (s: (typeof samples)[number]) => number) => round(median(samples.map(f)));
  const elements = 'texts' in input ? parse(input.texts[1]).elements.length : input.docs[1].elements.length;
  return {
    case: name,
    elements,
    parseMs: m((s) => s.parse),
    graphMs: m((s) => s.graph),
    diffMs: m((s) => s.diff),
    layoutMs: m((s) => s.layout),
    totalMs: m((s) => s.parse + s.diff + s.layout),
    engine: first.engine,
    runs,
    changes: first.changes,
  };
}

export async function diffRows(): Promise<DiffRow[]> {
  let dirs: string[];
  try {
    dirs = readdirSync(PAIRS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    throw new Error(`The corpus pairs are missing at ${PAIRS}: the bench needs ../shared/corpus beside the repo.`);
  }
  const pairs = dirs.map((dir) => {
    const texts: [string, string] = [
      readFileSync(join(PAIRS, dir, 'a.flow-meta.xml'), 'utf8'),
      readFileSync(join(PAIRS, dir, 'b.flow-meta.xml'), 'utf8'),
    ];
    return { dir, texts, size: Math.max(parse(texts[0]).elements.length, parse(texts[1]).elements.length) };
  });
  const largest = [...pairs].sort((x, y) => y.size - x.size || (x.dir < y.dir ? -1 : 1))[0];
  const rows: DiffRow[] = [];
  if (largest) rows.push(await measure(`diff:corpus-pair:${largest.dir}`, { texts: largest.texts }, 15));
  const gen = parse(generateFlow(1000, 1).xml);
  const edited = mutateFlow(gen, 40, 7);
  rows.push(await measure(`diff:generated:1000 (${edited.applied.length} edits)`, { docs: [gen, edited.doc] }, 11));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  diffRows().then(
    (rows) => console.log(JSON.stringify(rows, null, 2)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
