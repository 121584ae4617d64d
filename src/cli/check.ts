/**
 * `flowscope check PATH… [--json|--sarif|--md] [--fail-on error|warning|never] [--config FILE]` (issue 15): the
 * review checks over files, folders (any depth) and zips, read as `index` reads them (files.ts), in one process.
 * Default output: a table per flow with findings; `--json` the contract of docs/architecture.md; `--sarif` SARIF
 * 2.1.0 for GitHub code scanning; `--md` a summary for a PR comment. Exit 1 when a finding at or above `--fail-on`
 * exists (default error) or a path cannot be read, 2 on bad usage or a bad `.flowscope.json`.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildGraph,
  type CheckContext,
  type ChecksConfig,
  type Finding,
  type FlowLines,
  flowLines,
  indexFlow,
  isZipName,
  newestApiVersionOf,
  NOT_A_FLOW,
  recordFlowLines,
  RULES,
  runChecks,
  type SetEntry,
  type SetSkip,
  type Severity,
  toSarif,
} from '../index';
import { loadChecksConfig, repositoryRoot } from './checkConfig';
import { checkMarkdown, SEVERITY_MARK } from './checkMarkdown';
import { FOLDER_LINK, flowFiles, readFlows } from './files';
import { type CliIo, parseArgs } from './run';
import { terminalText } from './terminal';

export const CHECK_USAGE = [
  '  check [PATH…] [--json|--sarif|--md] the review checks over flows (files, folders at any depth, zips; default',
  '         [--fail-on error|warning|never] the current folder): a table per flow, the JSON contract, SARIF 2.1.0',
  '         [--config FILE] [--site URL] for code scanning, or a PR-comment summary; exit 1 when a finding at or',
  '                                     above --fail-on (default error) exists; rules from --config FILE or the',
  '                                     nearest .flowscope.json',
].join('\n');

const KNOWN = ['json', 'sarif', 'md', 'fail-on', 'config', 'site'];
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];
const WEIGHT: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/** One flow checked: where it was read, its interface and findings. */
export interface CheckedFlow {
  entry: SetEntry;
  interface: ReturnType<typeof indexFlow>['interface'];
  findings: Finding[];
}

/** The newest `apiVersion` of the flows (the set's yardstick for `outdated-api-version`), read as the rule reads it. */
export const newestApiVersion = (docs: readonly SetEntry['doc'][]): number | undefined => newestApiVersionOf(docs);

export function checkFlows(entries: readonly SetEntry[], config?: ChecksConfig): CheckedFlow[] {
  const context: CheckContext = {};
  const newest = newestApiVersion(entries.map((e) => e.doc));
  if (newest !== undefined) context.newestApiVersion = newest;
  return entries.map((entry) => ({
    entry,
    interface: indexFlow(entry.doc, entry.file, entry.name).interface,
    findings: runChecks(entry.doc, buildGraph(entry.doc), config, context),
  }));
}

/** A finding in the JSON contracts (check, diff): the fields, and the graph node when there is one. */
export const findingJson = (f: Finding, withNode = false) => ({
  rule: f.rule,
  element: f.element,
  severity: f.severity,
  message: f.message,
  ...(withNode && f.node !== undefined ? { node: f.node } : {}),
});

function usageError(io: CliIo, message: string): number {
  io.err(`flowscope check: ${message}\n\nUsage:\n${CHECK_USAGE}\n`);
  return 2;
}

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['fail-on', 'config', 'site']);
  const unknown = [...args.flags.keys()].find((k) => !KNOWN.includes(k));
  if (unknown) return usageError(io, `unknown option --${unknown}`);
  const formats = ['json', 'sarif', 'md'].filter((f) => args.flags.has(f));
  if (formats.length > 1) return usageError(io, 'choose one of --json, --sarif and --md');
  const failOn = args.flags.get('fail-on') ?? 'error';
  if (!FAIL_ON.includes(failOn as FailOn)) return usageError(io, '--fail-on takes error, warning, note or never');
  const configFlag = args.flags.get('config');
  if (configFlag === true) return usageError(io, '--config takes a file');
  const cwd = process.cwd();
  const config = await loadChecksConfig(cwd, configFlag);
  if (!config.ok) {
    io.err(`flowscope check: ${config.error}\n`);
    return 2;
  }
  const paths = args.positional.length > 0 ? args.positional : ['.'];
  const found = await flowFiles(paths);
  if (!found.ok) {
    io.err(`flowscope check: cannot read ${found.path}: ${found.reason}\n`);
    return 1;
  }
  const { entries, skipped } = await readFlows(found.files, found.links);
  const named = new Set(paths);
  // As `graph` of many: in folders, other files and JSON that is no flow (sfdx-project.json) are passed over.
  const passedOver = (s: SetSkip) =>
    !named.has(s.file) && (s.reason === NOT_A_FLOW || s.reason === FOLDER_LINK || /\.json$/i.test(s.file));
  // Another version of a flow the same query result holds: the file was read, one version checked; said, not failed.
  const otherVersion = (s: SetSkip) => s.reason.startsWith('another version of ');
  const notes = skipped.filter(otherVersion);
  const problems = skipped.filter((s) => !passedOver(s) && !otherVersion(s));
  const checked = checkFlows(entries, config.config);
  if (args.flags.has('json'))
    io.out(
      `${JSON.stringify(
        {
          flows: checked.map((c) => ({
            name: c.entry.name,
            file: c.entry.file,
            interface: c.interface,
            findings: c.findings.map((f) => findingJson(f)),
          })),
        },
        null,
        2,
      )}\n`,
    );
  else if (args.flags.has('sarif')) {
    const zips = new Set(found.files.filter(isZipName).map((f) => resolve(cwd, f)));
    io.out(`${JSON.stringify(await sarifLog(checked, cwd, args, zips), null, 2)}\n`);
  } else if (args.flags.has('md')) io.out(checkMarkdown(checked));
  else io.out(table(checked, config.file));
  for (const n of notes) io.err(`note: ${n.file}: ${n.reason}\n`);
  for (const p of problems) io.err(`flowscope check: ${p.file}: ${p.reason}\n`);
  const worst = failOn === 'never' ? 0 : WEIGHT[failOn as Severity];
  const failing = worst > 0 && checked.some((c) => c.findings.some((f) => WEIGHT[f.severity] >= worst));
  return failing || problems.length > 0 ? 1 : 0;
}

/**
 * Where GitHub finds the file: its path from the repository's root (from the current folder outside one),
 * forward slashes; a file outside both as a `file:` URL.
 */
export function sarifPath(file: string, cwd: string, root: string | undefined): string {
  const full = resolve(cwd, file);
  const from = relative(root ?? cwd, full);
  return from.startsWith('..') || isAbsolute(from) ? pathToFileURL(full).href : from.replace(/\\/g, '/');
}

/**
 * A file read from inside a zip (`pkg.zip/flows/X.flow-meta.xml`, as readFlows names it): the zip's path and the
 * entry's, when `file` starts with one of the zips read.
 */
export function inZip(
  file: string,
  cwd: string,
  zips: ReadonlySet<string>,
): { zip: string; entry: string } | undefined {
  for (let at = file.indexOf('/'); at > 0; at = file.indexOf('/', at + 1)) {
    const zip = file.slice(0, at);
    if (isZipName(zip) && zips.has(resolve(cwd, zip))) return { zip, entry: file.slice(at + 1) };
  }
  return undefined;
}

async function sarifLog(
  checked: readonly CheckedFlow[],
  cwd: string,
  args: ReturnType<typeof parseArgs>,
  zips: ReadonlySet<string>,
) {
  const root = await repositoryRoot(cwd);
  const site = args.flags.get('site') ?? process.env.FLOWSCOPE_SITE;
  const texts = new Map<string, Promise<string | undefined>>();
  const flows = await Promise.all(
    checked.map(async (c) => {
      const zip = inZip(c.entry.file, cwd, zips);
      const path = sarifPath(zip?.zip ?? c.entry.file, cwd, root);
      const flow = { name: c.entry.name, file: path, lines: await linesOf(c.entry, zip, texts), findings: c.findings };
      return zip ? { ...flow, inside: zip.entry } : flow;
    }),
  );
  const log = toSarif(flows, {
    rules: RULES,
    version: await flowscopeVersion(),
    ...(typeof site === 'string' && /^https?:\/\//.test(site) ? { informationUri: site } : {}),
  });
  return log;
}

/**
 * The lines of a flow in its file. A record of a Tooling query result is read as a text of its own (sets/read.ts):
 * its lines are looked up in the file's own text, in that record (the file is read once more, once per file).
 */
async function linesOf(
  entry: SetEntry,
  zip: { zip: string } | undefined,
  texts: Map<string, Promise<string | undefined>>,
): Promise<FlowLines> {
  if (zip || !/^\s*[[{]/.test(entry.text)) return flowLines(entry.text);
  let raw = texts.get(entry.file);
  if (!raw) {
    raw = readFile(resolve(entry.file), 'utf8').catch(() => undefined);
    texts.set(entry.file, raw);
  }
  const text = await raw;
  return text === undefined || text === entry.text ? flowLines(entry.text) : recordFlowLines(text, entry.text);
}

/** The package's version: package.json two folders up, from the sources (src/cli) and the build (dist/cli). */
async function flowscopeVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A table per flow with findings, its columns lined up across flows, then the counts. */
function table(checked: readonly CheckedFlow[], configFile: string | undefined): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const row = (f: Finding) => [`${SEVERITY_MARK[f.severity]} ${f.severity}`, f.rule, f.element || '(flow)', f.message];
  const all = checked.flatMap((c) => c.findings.map(row));
  const width = [0, 1, 2].map((i) => Math.max(0, ...all.map((r) => (r[i] as string).length)));
  let flagged = 0;
  for (const c of checked) {
    if (c.findings.length === 0) continue;
    flagged++;
    lines.push(`== ${c.entry.file} (${c.entry.name})`);
    for (const f of c.findings) {
      counts[f.severity]++;
      lines.push(
        `  ${row(f)
          .map((cell, i) => (i < 3 ? cell.padEnd(width[i] as number) : cell))
          .join('  ')}`,
      );
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.note;
  const flows = count(checked.length, 'flow');
  lines.push(
    total === 0
      ? `No findings in ${flows}.`
      : `${count(total, 'finding')} in ${flagged} of ${flows}: ${count(counts.error, 'error')}, ` +
          `${count(counts.warning, 'warning')}, ${count(counts.note, 'note')}`,
  );
  if (configFile) lines.push(`Rules set by ${configFile}.`);
  return terminalText(lines);
}
