import { readFile, stat } from 'node:fs/promises';
import { buildGraph, elementKind, parseFlow, processTypeName, type FlowGraph } from '../index';
import { terminalText } from './terminal';

const USAGE = `Usage: flowscope <command> [options]

Commands:
  graph FILE [--json] [--record N]   the flow's graph: a summary, or the JSON contract with --json
                                     (--record picks a version from a multi-record query result)
  graph FILE --interviews QUERY.json FlowInterview records (a /query result, sf data query --json) on the
                                     flow's elements, counted by status; --json adds "runtime"
  graph PATH… [--json]               many flows (files, folders at any depth, zips) in one process: each
                                     flow's summary under its file, or with --json one JSON array of
                                     {file, name, ...graph}; unreadable files are reported (exit 1)
  diff A B [--json|--md]             what changed from version A to version B: a summary, the JSON
         [--record N]                contract with --json, a PR-comment summary with --md
  render A [B] [-o FILE.svg]         the flow (or the diff of two versions) as an SVG picture
         [--title T] [--select ID]   (stdout without -o; --goto line draws Go To connectors whole)
         [--goto line] [--layout L]  (L: saved|auto|elk; default saved for free-form flows, else auto)
  render PATH… --out DIR             a gallery: DIR/<ApiName>.svg per flow under the files and folders and
         [--site URL] [--gallery]    DIR/index.md (links with --site or $FLOWSCOPE_SITE; folders or more
                                     than two files mean a gallery, --gallery for one or two)
  link A [B] --site URL              a share link with the flow (or both versions) inside it
         [--mode M] [--select ID]    (M: overlay|before|after|side|changes; --site defaults to $FLOWSCOPE_SITE)
         [--layout L]
  index PATH… [--json]               a flow set: every flow under the files and folders (any depth), its
                                     trigger, size and interface, every subflow call; other files skipped
  changes BASE HEAD [--json] [--all] what changed between two sets of flows (folders or zips), per flow:
  changes --git BASE..HEAD [PATH…]   added / removed / changed with its diff counts, interface changes and
         [--cwd DIR]                 the callers they break (--git: a repository at two refs, PATHs from its
                                     root; BASE...HEAD from the merge base); --all lists unchanged flows too
  pr --base REF [--head REF] [PATHS…] Markdown for a PR comment: the flows changed between two commits
         [--site URL] [--raw-base URL]  (default PATHS: *.flow-meta.xml *.flow; head defaults to HEAD;
         [--limit N] [--cwd DIR]        links need --site or $FLOWSCOPE_SITE; --limit defaults to 65,536;
         [--pr-url U] [--repo-url U]    its first line is <!-- flowscope:changes -->, its first link opens
                                        every changed flow: by the PR URL, else trees of the repository)
  comment --provider github|gitlab   create or update ONE comment on the pull/merge request: the one whose
         --body-file FILE [--marker M]  body holds the marker (default <!-- flowscope:changes -->); token from
         [--repo O/R --pr N]            $GITHUB_TOKEN, or $GITLAB_TOKEN / $CI_JOB_TOKEN (a header, never printed);
         [--project ID --mr IID]        the repository and request from the CI environment or these flags
  help                               this text
`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Runs one CLI command; returns the exit code (0 ok, 1 bad input, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo = stdio): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'graph':
      return graphCommand(rest, io);
    case 'diff':
      return (await import('./diff')).diffCommand(rest, io);
    // Loaded on demand: they bring layout, render and share, which `graph` does not need.
    case 'render':
      return (await import('./render')).renderCommand(rest, io);
    case 'link':
      return (await import('./link')).linkCommand(rest, io);
    case 'pr':
      return (await import('./pr')).prCommand(rest, io);
    case 'changes':
      return (await import('./changes')).changesCommand(rest, io);
    case 'comment':
      return (await import('./comment')).commentCommand(rest, io);
    case 'index':
      return (await import('./indexCommand')).indexCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`flowscope: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags.set(k, v);
      else if (valued.includes(k) && i + 1 < argv.length) flags.set(k, argv[++i] as string);
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

/** Reads and parses a flow file; prints the parser's message and hint on failure. */
export async function loadFlowFile(path: string, io: CliIo, recordIndex?: number) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    io.err(`flowscope: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return undefined;
  }
  const result = parseFlow(text, { fileName: path, recordIndex });
  if (!result.ok) {
    io.err(`flowscope: ${path}: ${result.error.message}\n  ${result.error.hint}\n`);
    return undefined;
  }
  for (const n of result.notices) io.err(`note: ${n}\n`);
  return result;
}

async function graphCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['record', 'interviews']);
  const file = args.positional[0];
  const interviews = args.flags.get('interviews');
  if (!file) {
    io.err(`flowscope graph: a FILE is required\n\n${USAGE}`);
    return 2;
  }
  if (args.positional.length > 1 || /\.zip$/i.test(file) || (await isFolder(file))) {
    if (interviews !== undefined) return usage(io, '--interviews places interviews on one flow: give one FILE');
    return (await import('./graphMany')).graphManyCommand(args.positional, args.flags.has('json'), io, summary);
  }
  if (interviews === true) return usage(io, '--interviews needs a QUERY.json');
  const record = args.flags.get('record');
  const parsed = await loadFlowFile(file, io, typeof record === 'string' ? Number(record) : undefined);
  if (!parsed) return 1;
  if (typeof interviews === 'string')
    return (await import('./graphInterviews')).graphInterviewsCommand(
      parsed.doc,
      interviews,
      args.flags.has('json'),
      io,
      (g) => summary(g, processTypeName(parsed.doc)),
    );
  const graph = buildGraph(parsed.doc);
  io.out(args.flags.has('json') ? `${JSON.stringify(graph, null, 2)}\n` : summary(graph, processTypeName(parsed.doc)));
  return 0;
}

function usage(io: CliIo, what: string): number {
  io.err(`flowscope graph: ${what}\n\n${USAGE}`);
  return 2;
}

const isFolder = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** A few lines for a terminal; the flow's type in Builder's words, as the app says it ("Screen Flow"). */
function summary(g: FlowGraph, typeName: string | undefined): string {
  const lines = [
    `${g.flow.label} (${g.flow.name})`,
    [typeName ?? g.flow.processType, g.flow.status, g.flow.apiVersion && `API ${g.flow.apiVersion}`]
      .filter(Boolean)
      .join(' · '),
  ];
  lines.push('', `${g.nodes.length} nodes, ${g.edges.length} connectors`);
  const byType = countBy(g.nodes.map((n) => `${elementKind(n.type).builderName} (${n.type})`));
  for (const [k, n] of byType) lines.push(`  ${String(n).padStart(4)}  ${k}`);
  lines.push('', 'Connectors by kind:');
  for (const [k, n] of countBy(g.edges.map((e) => (e.goTo ? `${e.kind} (Go To)` : e.kind))))
    lines.push(`  ${String(n).padStart(4)}  ${k}`);
  if (g.warnings.length > 0) lines.push('', 'Warnings:', ...g.warnings.map((w) => `  - ${w}`));
  return terminalText(lines);
}

function countBy(items: string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
