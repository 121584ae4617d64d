/**
 * `flowscope graph FLOW --interviews QUERY.json [--json]` (issue 16): FlowInterview records — a REST `/query`
 * result, what `sf data query --json` prints, or one record — placed on the flow's elements by
 * `CurrentElement` and counted by status. With `--json`, the graph with `"runtime": {elements, elsewhere,
 * total}`; without, the summary and a table of counts. A file that is not FlowInterview records is an
 * error that says what it is instead (exit 1).
 */
import { readFile } from 'node:fs/promises';
import {
  buildGraph,
  detectFlowRestPayload,
  placeInterviews,
  runtimeJson,
  statusCounts,
  type FlowDoc,
  type FlowRestPayload,
  type RuntimePlacement,
} from '../index';
import type { CliIo } from './run';
import { terminalText } from './terminal';

const HOW =
  'Query them with: sf data query --json -q "SELECT Id, Name, CurrentElement, InterviewLabel, InterviewStatus, ' +
  "PauseLabel, CreatedDate FROM FlowInterview WHERE FlowVersionViewId = '301…'\" > QUERY.json";

/** What a payload is, for the message when it is not interviews. */
function whatItIs(p: FlowRestPayload | undefined): string {
  if (p === undefined) return 'is not FlowInterview records';
  if (p.kind === 'other-query')
    return p.object ? `is a query of ${p.object}, not FlowInterview` : 'is a query result with no records to tell';
  if (p.kind === 'flow-list') return 'is a list of flows, not FlowInterview records';
  return 'is an invocable-flow description, not FlowInterview records';
}

export async function graphInterviewsCommand(
  doc: FlowDoc,
  path: string,
  json: boolean,
  io: CliIo,
  summary: (g: ReturnType<typeof buildGraph>) => string,
  /** The flow's interface, printed beside the graph as plain `graph --json` does. */
  flowInterface?: unknown,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    io.err(`flowscope graph: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    io.err(`flowscope graph: ${path} is not JSON: --interviews takes a FlowInterview query result.\n  ${HOW}\n`);
    return 1;
  }
  const detected = detectFlowRestPayload(value);
  // A query that matched nothing names no object: asked for interviews, it is none (no interview is stuck), not
  // a refusal. A query of another object says so, empty or not.
  const payload: FlowRestPayload | undefined =
    detected?.kind === 'other-query' && detected.object === undefined && detected.count === 0
      ? { kind: 'interviews', interviews: [], more: false }
      : detected;
  if (payload?.kind !== 'interviews') {
    io.err(`flowscope graph: ${path} ${whatItIs(payload)}.\n  ${HOW}\n`);
    return 1;
  }
  if (payload !== detected) io.err(`note: ${path} holds no records: no interviews to place.\n`);
  if (payload.more)
    io.err(
      `note: ${path} is one page of a longer query (${payload.totalSize ?? 'more'} interviews); ` +
        `the counts cover the ${payload.interviews.length} it holds.\n`,
    );
  const graph = buildGraph(doc);
  const placement = placeInterviews(doc, payload.interviews);
  if (json)
    io.out(`${JSON.stringify({ ...graph, interface: flowInterface, runtime: runtimeJson(placement) }, null, 2)}\n`);
  else io.out(`${summary(graph)}${table(placement)}`);
  return 0;
}

/** The counts as a few terminal lines: each element's statuses, then the interviews elsewhere. */
function table(p: RuntimePlacement): string {
  const lines = ['', `Interviews: ${p.total}`];
  const width = Math.min(48, Math.max(12, ...[...p.elements.keys(), ...p.elsewhere.keys()].map((k) => k.length)));
  const row = (name: string, n: number, what: string) => `  ${String(n).padStart(6)}  ${name.padEnd(width)}  ${what}`;
  for (const [name, list] of p.elements) {
    const words = [...statusCounts(list)].map(([s, n]) => `${n} ${s === '' ? 'no status' : s}`).join(' · ');
    lines.push(row(name, list.length, words));
  }
  if (p.elsewhere.size > 0) {
    lines.push('', 'Not at an element of this version:');
    for (const [name, list] of p.elsewhere) lines.push(row(name === '' ? '(no element)' : name, list.length, ''));
  }
  return terminalText(lines.map((l) => l.trimEnd()));
}
