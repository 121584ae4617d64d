/**
 * `flowscope check --json` over the whole corpus in one process, against the review's own reading
 * (reading.ts): exactly the three acceptance rules' findings and each flow's interface, flow by flow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers';
import { CORPUS, corpusPairs } from '../helpers/corpus';
import { flowFromXml, flowsFromJson, read } from './reading';

const ACCEPTANCE = new Set(['dml-in-loop', 'soql-in-loop', 'missing-fault-path']);

interface FlowJson {
  name: string;
  file: string;
  interface: { inputs: unknown[]; outputs: unknown[] };
  findings: { rule: string; element: string; severity: string; message: string }[];
}

/** The CLI's findings as the reading words them: `rule element` plus the loops a loop finding's message names. */
function ours(flow: FlowJson, loops: Map<string, string>): string[] {
  return flow.findings
    .filter((f) => ACCEPTANCE.has(f.rule))
    .map((f) => {
      if (f.rule === 'missing-fault-path') return `${f.rule} ${f.element}`;
      // The reading's loops, each named in the message (up to five are named).
      const named = (loops.get(`${f.rule} ${f.element}`) ?? '').split(',');
      const all = named.length <= 5 && named.every((l) => f.message.includes(l));
      return `${f.rule} ${f.element} ${all ? named.join(',') : '?'}`;
    })
    .sort();
}

function compare(flows: FlowJson[], readingOf: (file: string) => ReturnType<typeof read>) {
  const counts: Record<string, number> = {};
  for (const flow of flows) {
    const theirs = readingOf(flow.file);
    const loops = new Map(
      theirs.findings
        .filter((f) => !f.startsWith('missing'))
        .map((f) => {
          const [rule, element, l] = f.split(' ');
          return [`${rule} ${element}`, l as string];
        }),
    );
    expect(ours(flow, loops), flow.file).toEqual(theirs.findings);
    expect(flow.interface, flow.file).toEqual({ inputs: theirs.inputs, outputs: theirs.outputs });
    for (const f of theirs.findings) {
      const rule = f.split(' ')[0] as string;
      counts[rule] = (counts[rule] ?? 0) + 1;
    }
  }
  return counts;
}

describe('check --json over the corpus', () => {
  it('every flow file: the acceptance findings and the interface, as the review reads them', async () => {
    const started = performance.now();
    const r = await run('check', join(CORPUS, 'flows'), join(CORPUS, 'tooling-json'), '--json', '--fail-on', 'never');
    const ms = performance.now() - started;
    expect(r.code).toBe(0);
    const flows = (JSON.parse(r.out) as { flows: FlowJson[] }).flows;
    expect(flows.length).toBeGreaterThan(320);
    const counts = compare(flows, (file) => {
      const text = readFileSync(file, 'utf8');
      return read(file.endsWith('.json') ? (flowsFromJson(text)[0] as never) : flowFromXml(text));
    });
    // The comparison is not empty: the corpus has hundreds of missing fault paths and some loops.
    expect(counts['missing-fault-path']).toBeGreaterThan(500);
    expect(counts['dml-in-loop']).toBeGreaterThan(0);
    expect(counts['soql-in-loop']).toBeGreaterThan(0);
    console.info(`check over the corpus: ${flows.length} flows in ${Math.round(ms)} ms`, counts);
  }, 120_000);

  it('every version of every pair', async () => {
    const files = corpusPairs().flatMap((p) => ['a', 'b'].map((s) => join(CORPUS, 'pairs', p, `${s}.flow-meta.xml`)));
    const r = await run('check', ...files, '--json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const flows = (JSON.parse(r.out) as { flows: FlowJson[] }).flows;
    expect(flows).toHaveLength(files.length);
    compare(flows, (file) => read(flowFromXml(readFileSync(file, 'utf8'))));
  }, 120_000);
});
