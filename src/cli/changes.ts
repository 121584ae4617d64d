/**
 * `flowscope changes BASE HEAD [--json] [--all]` (issue 14): two sets of flows — folders or zips, read as `index`
 * reads them — or `--git BASE..HEAD [PATH…]`, a repository's flows at two commits, compared flow by flow
 * (model/changeSet.ts). `--json` prints the contract of docs/architecture.md ("changes --json"), each changed or
 * added flow with its review checks (diffChecks.ts); without it, a table. Exit 0 (changes or not), 1 when a set or a ref cannot be read, 2 on bad usage.
 */
import {
  type ChangeSet,
  type CheckComparison,
  type ChecksConfig,
  compareSets,
  type FlowChange,
  flowNameOfFile,
  type SetRead,
} from '../index';
import { loadChecksConfig } from './checkConfig';
import { addedChecks, checksJson, checksOf } from './diffChecks';
import { flowFiles, readFlows } from './files';
import { changedFiles, commitOf, mergeBase } from './git';
import { readGitSet } from './gitSet';
import { type CliIo, parseArgs } from './run';
import { terminalText } from './terminal';

export const CHANGES_USAGE = [
  '  changes BASE HEAD [--json] [--all] what changed between two sets of flows (folders or zips), per flow:',
  '  changes --git BASE..HEAD [PATH…]   added / removed / changed with its diff counts, interface changes and',
  '         [--cwd DIR]                 the callers they break (--git: a repository at two refs, PATHs from its',
  '                                     root; BASE...HEAD from the merge base); --all lists unchanged flows too',
].join('\n');

const KNOWN = ['json', 'all', 'git', 'cwd'];

interface Sides {
  before: SetRead;
  after: SetRead;
  /** How BASE and HEAD were read, for the table's first line. */
  from: string;
  to: string;
  /** Flow files git saw renamed, by API name. */
  renamed?: { from: string; to: string }[];
}

type Read = { ok: true; sides: Sides } | { ok: false; code: 1 | 2; message: string };

export async function changesCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['git', 'cwd']);
  const unknown = [...args.flags.keys()].find((k) => !KNOWN.includes(k));
  const read: Read = unknown
    ? { ok: false, code: 2, message: `unknown option --${unknown}` }
    : args.flags.has('git')
      ? await readRefs(args.flags.get('git'), args.positional, args.flags.get('cwd'))
      : await readPaths(args.positional);
  if (!read.ok) {
    io.err(`flowscope changes: ${read.message}\n${read.code === 2 ? `\nUsage:\n${CHANGES_USAGE}\n` : ''}`);
    return read.code;
  }
  const { before, after } = read.sides;
  const set = compareSets(before.entries, after.entries, { renamed: read.sides.renamed ?? [] });
  const all = set.flows();
  const counts = set.counts();
  const shown = args.flags.has('all') ? all : all.filter((f) => f.status !== 'unchanged');
  const skipped = [
    ...before.skipped.map((s) => ({ side: 'base', ...s })),
    ...after.skipped.map((s) => ({ side: 'head', ...s })),
    ...set.duplicates.map((d) => ({
      side: d.side === 'before' ? 'base' : 'head',
      file: d.file,
      reason: `another flow named ${d.name} was read first (that one is compared)`,
    })),
  ];
  if (args.flags.has('json')) {
    const cwd = args.flags.get('cwd');
    const config = await loadChecksConfig(typeof cwd === 'string' ? cwd : process.cwd());
    if (!config.ok) {
      io.err(`flowscope changes: ${config.error}\n`);
      return 2;
    }
    const withChecks = (f: FlowChange) => {
      const checks = flowChecks(set, f, config.config);
      return checks ? { ...contract(f), checks: checksJson(checks) } : contract(f);
    };
    const json = { summary: { flows: counts }, flows: shown.map(withChecks), skipped };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `${read.sides.from} -> ${read.sides.to}: ${counts.added} added, ${counts.removed} removed, ` +
      `${counts.changed} changed, ${counts.unchanged} unchanged`,
  ];
  if (shown.length === 0) lines.push('', 'No flow changed.');
  else lines.push('', ...table(shown));
  for (const f of shown) if (f.note) lines.push(`  note: ${f.name}: ${f.note}`);
  if (skipped.length > 0) lines.push('', `Skipped (${skipped.length}):`);
  for (const s of skipped) lines.push(`  ${s.side}: ${s.file}: ${s.reason}`);
  io.out(terminalText(lines));
  return 0;
}

/** One flow in the JSON contract: the issue's fields first, then where each side was read from. */
function contract(f: FlowChange) {
  return {
    name: f.name,
    status: f.status,
    ...(f.summary ? { summary: f.summary } : {}),
    ...(f.elements !== undefined ? { elements: f.elements } : {}),
    interface: { changes: f.interface },
    callers: f.callers,
    ...(f.before !== undefined ? { before: f.before } : {}),
    ...(f.after !== undefined ? { after: f.after } : {}),
    ...(f.note ? { note: f.note } : {}),
  };
}

/** The review checks across a changed flow (an added flow's findings are all new); none for the others. */
function flowChecks(set: ChangeSet, f: FlowChange, config: ChecksConfig | undefined): CheckComparison | undefined {
  const pair = set.pair(f.name);
  const diff = f.status === 'changed' ? set.diff(f.name) : undefined;
  if (diff && pair?.before && pair.after) return checksOf(pair.before.doc, pair.after.doc, diff, config);
  return f.status === 'added' && pair?.after ? addedChecks(pair.after.doc, config) : undefined;
}

function table(flows: FlowChange[]): string[] {
  const rows = flows.map((f) => {
    const s = f.summary;
    const elements = s
      ? `+${s.nodes.added} -${s.nodes.removed} ~${s.nodes.changed}${s.nodes.renamed ? ` >${s.nodes.renamed}` : ''}`
      : `${f.status === 'added' ? '+' : '-'}${f.elements ?? 0}`;
    const connectors = s ? `+${s.edges.added} -${s.edges.removed}` : '';
    const n = f.interface.length;
    const breaking = f.callers.length;
    const iface = [
      n > 0 ? `${n} interface change${n === 1 ? '' : 's'}` : '',
      breaking > 0 ? `breaking for ${breaking} caller${breaking === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return [f.status, f.name, elements, connectors, iface];
  });
  const head = ['status', 'flow', 'elements', 'connectors', 'interface'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]) =>
    `  ${r
      .map((c, i) => c.padEnd(width[i] as number))
      .join('  ')
      .trimEnd()}`;
  return [line(head), ...rows.map(line)];
}

async function readPaths(positional: string[]): Promise<Read> {
  if (positional.length !== 2)
    return { ok: false, code: 2, message: 'BASE and HEAD are required (two folders or zips), or --git BASE..HEAD' };
  const [from, to] = positional as [string, string];
  const one = async (path: string): Promise<SetRead | string> => {
    const found = await flowFiles([path]);
    if (!found.ok) return `cannot read ${found.path}: ${found.reason}`;
    return readFlows(found.files, found.links);
  };
  const before = await one(from);
  if (typeof before === 'string') return { ok: false, code: 1, message: before };
  const after = await one(to);
  if (typeof after === 'string') return { ok: false, code: 1, message: after };
  return { ok: true, sides: { before, after, from, to } };
}

async function readRefs(range: string | true | undefined, paths: string[], cwdFlag: string | true | undefined) {
  const m = typeof range === 'string' ? /^(.+?)(\.\.\.?)(.+)$/.exec(range) : null;
  if (!m) return { ok: false, code: 2, message: '--git takes BASE..HEAD (or BASE...HEAD)' } as const;
  if (cwdFlag === true) return { ok: false, code: 2, message: '--cwd takes a folder' } as const;
  const cwd = cwdFlag ?? process.cwd();
  const [, baseRef, dots, headRef] = m as unknown as [string, string, string, string];
  const base = await commitOf(cwd, baseRef);
  const head = await commitOf(cwd, headRef);
  if (!base || !head)
    return { ok: false, code: 1, message: `not a commit in ${cwd}: ${base ? headRef : baseRef}` } as const;
  const from = dots === '...' ? await mergeBase(cwd, base, head) : base;
  try {
    const before = await readGitSet(cwd, from, paths);
    const after = await readGitSet(cwd, head, paths);
    const moved = await changedFiles(cwd, from, head, paths.length > 0 ? paths : ['*.flow-meta.xml', '*.flow']);
    const renamed = moved
      .filter((f) => f.status === 'renamed' && f.before !== undefined && f.after !== undefined)
      .map((f) => ({ from: flowNameOfFile(f.before as string), to: flowNameOfFile(f.after as string) }));
    return { ok: true, sides: { before, after, from: baseRef, to: headRef, renamed } } as const;
  } catch (e) {
    return { ok: false, code: 1, message: `git failed: ${e instanceof Error ? e.message : String(e)}` } as const;
  }
}
