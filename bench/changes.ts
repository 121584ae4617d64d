/**
 * The change-set row of `npm run bench` (issue 14): `flowscope changes BASE HEAD --json` over two 500-flow folders
 * (test/support/generateSet.ts), the head with about 10% of its flows edited by test/support/mutate.ts (three
 * edits each), spawned once: wall time in one process, start-up included. Goal: under 10 s. The row also checks
 * that the command found exactly the flows edited. Run alone with `npx tsx bench/changes.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseFlow } from '../src/model/parse/index';
import type { Obj, Value } from '../src/model/types';
import { docToMetadata } from '../src/share/metadata';
import { generatedSet } from '../test/support/generateSet';
import { mutateFlow } from '../test/support/mutate';
import type { SetRow } from './set';

const ROOT = resolve(import.meta.dirname, '..');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Metadata (docToMetadata) → Metadata XML, the way a retrieve writes it. */
function toXml(md: Obj): string {
  const field = (key: string, v: Value, pad: string): string => {
    if (Array.isArray(v)) return v.map((x) => field(key, x, pad)).join('');
    if (typeof v === 'string') return `${pad}<${key}>${esc(v)}</${key}>\n`;
    const inner = Object.entries(v)
      .map(([k, x]) => field(k, x, `${pad}    `))
      .join('');
    return `${pad}<${key}>\n${inner}${pad}</${key}>\n`;
  };
  const body = Object.entries(md)
    .map(([k, v]) => field(k, v, '    '))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</Flow>\n`;
}

export function changesRow(n = 500, every = 10): SetRow {
  const dir = mkdtempSync(join(tmpdir(), 'flowscope-bench-changes-'));
  try {
    let edited = 0;
    for (const [i, f] of generatedSet(n, 3).entries()) {
      const write = (side: string, text: string) => {
        mkdirSync(dirname(join(dir, side, f.path)), { recursive: true });
        writeFileSync(join(dir, side, f.path), text);
      };
      write('base', f.text);
      let head = f.text;
      if (i % every === 0) {
        const parsed = parseFlow(f.text, { fileName: f.path });
        if (!parsed.ok) throw new Error(`${f.path}: ${parsed.error.message}`);
        const m = mutateFlow(parsed.doc, 3, i + 1);
        if (m.applied.length > 0) {
          head = toXml(docToMetadata(m.doc));
          edited++;
        }
      }
      write('head', head);
    }
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [resolve(ROOT, 'bin/flowscope.mjs'), 'changes', join(dir, 'base'), join(dir, 'head'), '--json'],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`flowscope changes exited ${r.status}: ${r.stderr.slice(0, 400)}`);
    const flows = (
      JSON.parse(r.stdout) as { summary: { flows: Record<'added' | 'removed' | 'changed' | 'unchanged', number> } }
    ).summary.flows;
    if (flows.changed !== edited || flows.unchanged !== n - edited || flows.added + flows.removed !== 0)
      throw new Error(`changes found ${JSON.stringify(flows)}, ${edited} flows were edited`);
    return {
      case: `set:flowscope changes, two ${n}-flow folders, ${edited} edited (one process, wall)`,
      elements: n,
      parseMs: 0,
      graphMs: 0,
      layoutMs: 0,
      totalMs: Math.round(wall * 100) / 100,
      engine: 'set',
      runs: 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'changes.ts')) {
  const row = changesRow();
  console.log(`${row.case}: ${row.totalMs.toFixed(0)} ms (goal < 10,000 ms)`);
}
