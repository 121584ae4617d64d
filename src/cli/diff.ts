/**
 * `flowscope diff A B [--json|--md] [--record N] [--ignore KINDS]`: what changed between two versions of a
 * flow. `--json` prints the FlowDiff contract (DESIGN.md) without the union graph and with the review checks'
 * introduced, fixed and remaining findings (`checks`, diffChecks.ts), `--md` a PR-comment summary, and the
 * default a short summary for a terminal; `--ignore` hides noise (model/diff/noise.ts) and each output says what
 * it left out (`ignored` in --json, a line in --md and the summary).
 * Exit codes as `graph`: 0 ok (differences or not), 1 bad input, 2 bad usage.
 */
import {
  elementKind,
  diffFlows,
  flowPropertyName,
  type FlowDiff,
  NOISE_KINDS,
  resourceKindName,
  START_ID,
} from '../index';
import { terminalText } from './terminal';
import { loadChecksConfig } from './checkConfig';
import { checksJson, checksOf, checksText } from './diffChecks';
import { diffMarkdown, valueText } from './diffMarkdown';
import { IGNORE_USAGE, ignoredNote, quietDiff, readIgnore } from './ignore';
import { loadFlowFile, parseArgs, type CliIo } from './run';

export const DIFF_USAGE = [
  '  diff A B [--json|--md]             what changed from version A to version B: a summary, the JSON',
  '         [--record N]                contract with --json, a PR-comment summary with --md',
  '                                     (--record picks the version inside query results)',
  `         [${IGNORE_USAGE}]`,
  '                                     hides changes only in those (descriptions, labels…)',
].join('\n');

export async function diffCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['record', 'ignore']);
  const ignore = readIgnore(args.flags.get('ignore'));
  const [a, b, ...extra] = args.positional;
  const record = args.flags.get('record');
  const unknown = [...args.flags.keys()].filter((k) => !['json', 'md', 'record', 'ignore'].includes(k));
  const problem =
    !a || !b
      ? 'two flow files are required'
      : extra.length > 0
        ? `unexpected argument "${extra[0]}"`
        : unknown.length > 0
          ? `unknown option --${unknown[0]}`
          : args.flags.has('json') && args.flags.has('md')
            ? 'choose one of --json and --md'
            : record !== undefined && !/^\d+$/.test(String(record))
              ? '--record takes a number'
              : 'problem' in ignore
                ? ignore.problem
                : undefined;
  if (problem || !a || !b || 'problem' in ignore) {
    io.err(`flowscope diff: ${problem}\n\nUsage:\n${DIFF_USAGE}\n`);
    return 2;
  }
  const recordIndex = typeof record === 'string' ? Number(record) : undefined;
  const before = await loadFlowFile(a, io, recordIndex);
  if (!before) return 1;
  const after = await loadFlowFile(b, io, recordIndex);
  if (!after) return 1;
  const diff = quietDiff(diffFlows(before.doc, after.doc), ignore.kinds);
  const config = await loadChecksConfig(process.cwd());
  if (!config.ok) {
    io.err(`flowscope diff: ${config.error}\n`);
    return 2;
  }
  const checks = checksOf(before.doc, after.doc, diff, config.config);
  if (args.flags.has('json')) {
    const { graph: _graph, ...contract } = diff;
    const ignored = ignore.kinds.size > 0 ? { ignored: NOISE_KINDS.filter((k) => ignore.kinds.has(k)) } : {};
    io.out(`${JSON.stringify({ ...contract, ...ignored, checks: checksJson(checks) }, null, 2)}\n`);
  } else if (args.flags.has('md')) {
    const ignored = ignoredNote(ignore.kinds);
    const sides = { before: before.doc, after: after.doc };
    io.out(diffMarkdown(diff, { title: after.doc.label, ...sides, checks, ...(ignored ? { ignored } : {}) }));
  } else {
    io.out(textSummary(diff, a, b, after.doc.label, checksText(checks)));
    const ignored = ignoredNote(ignore.kinds);
    if (ignored) io.out(`${ignored}\n`);
  }
  return 0;
}

const MARK: Record<string, string> = { added: '+', removed: '-', changed: '~', renamed: '>' };
const named = (r: { id: string; renamedFrom?: string }) => (r.renamedFrom ? `${r.renamedFrom} -> ${r.id}` : r.id);
const one = (s: string) => s.replace(/\s+/g, ' ');
const cut = (s: string, n = 50) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A few lines for a terminal: counts, then one line per element, connector and property change. */
export function textSummary(d: FlowDiff, a: string, b: string, label: string, checks: string[] = []): string {
  const s = d.summary;
  const lines = [`${one(label)}: ${a} -> ${b}`, ...checks];
  lines.push(
    `Elements:   ${s.nodes.added} added, ${s.nodes.removed} removed, ${s.nodes.changed} changed, ` +
      `${s.nodes.renamed} renamed, ${s.nodes.unchanged} unchanged`,
  );
  const c = s.connectors;
  lines.push(`Connectors: ${c.added} added, ${c.removed} removed, ${c.rewired} rewired`);
  const r = s.resources;
  lines.push(`Resources:  ${r.added} added, ${r.removed} removed, ${r.changed} changed, ${r.renamed} renamed`);
  lines.push(`Flow properties: ${s.properties} changed`);
  const nodes = d.nodes.filter((n) => n.status !== 'unchanged');
  if (nodes.length > 0) lines.push('');
  for (const n of nodes) {
    const name = n.id === START_ID ? 'Start' : n.renamedFrom ? `${n.renamedFrom} -> ${n.id}` : n.id;
    const detail =
      n.changes.length > 0 ? ` (${n.changes.length === 1 ? '1 change' : `${n.changes.length} changes`})` : '';
    lines.push(`  ${MARK[n.status] ?? ' '} ${elementKind(n.type).builderName.padEnd(20)} ${name}${detail}`);
  }
  if (d.rewired.length > 0) lines.push('');
  for (const r of d.rewired)
    lines.push(`  rewired ${r.source} ${r.kind}${r.key ? ` ${r.key}` : ''}: ${r.before} -> ${r.after}`);
  const res = d.resources.filter((r) => r.status !== 'unchanged');
  if (res.length > 0) lines.push('');
  for (const r of res)
    lines.push(`  ${MARK[r.status] ?? ' '} ${(resourceKindName(r.type) ?? r.type).padEnd(20)} ${named(r)}`);
  if (d.properties.length > 0) lines.push('');
  for (const p of d.properties)
    lines.push(
      `  ${flowPropertyName(p.path) ?? p.path}: ${cut(one(valueText(p.before)))} -> ${cut(one(valueText(p.after)))}`,
    );
  return terminalText(lines);
}
