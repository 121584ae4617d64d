/**
 * `flowscope render A [B] [-o out.svg] [--title T] [--select ID] [--goto line]`: the picture of a flow,
 * or of the diff of two versions (one union layout, statuses marked), as a standalone SVG — the same
 * renderer as the browser's "Export SVG". Without -o the SVG goes to stdout.
 */
import { writeFile } from 'node:fs/promises';
import {
  layoutGraph,
  buildGraph,
  diffFlows,
  type FlowDoc,
  openPaths,
  renderSvg,
  startLine,
  unionOpenPaths,
} from '../index';
import { loadFlowFile, parseArgs, type CliIo } from './run';

export const RENDER_USAGE = [
  '  render A [B] [-o FILE.svg]         the flow (or the diff of two versions) as an SVG picture',
  '         [--title T] [--select ID]   (stdout without -o; --goto line draws Go To connectors whole)',
  '         [--goto line]',
].join('\n');

export async function renderCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(
    argv.map((a) => (a === '-o' ? '--out' : a)),
    ['out', 'title', 'select', 'goto'],
  );
  const files = args.positional;
  if (files.length < 1 || files.length > 2) {
    io.err(`flowscope render: one flow file, or two versions to compare\n\n${RENDER_USAGE}\n`);
    return 2;
  }
  const docs: FlowDoc[] = [];
  for (const file of files) {
    const parsed = await loadFlowFile(file, io);
    if (!parsed) return 1;
    docs.push(parsed.doc);
  }
  const svg = await renderDocs(docs[0] as FlowDoc, docs[1], {
    title: flag(args.flags, 'title'),
    selected: flag(args.flags, 'select'),
    goTo: flag(args.flags, 'goto') === 'line' ? 'line' : 'stub',
    // A picture degraded to stay fast (bundled connectors, the fast layout) says so, off the SVG's stream.
    onNotice: (notice) => io.err(`flowscope render: ${notice}\n`),
  });
  const out = flag(args.flags, 'out');
  if (!out) {
    io.out(svg);
    return 0;
  }
  try {
    await writeFile(out, svg, 'utf8');
  } catch (e) {
    io.err(`flowscope render: cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  io.err(`wrote ${out} (${Math.ceil(svg.length / 1024)} KB)\n`);
  return 0;
}

/** One flow, or the diff of two, laid out and drawn. */
export async function renderDocs(
  a: FlowDoc,
  b: FlowDoc | undefined,
  options: { title?: string; selected?: string; goTo?: 'stub' | 'line'; onNotice?: (notice: string) => void } = {},
): Promise<string> {
  const graph = b ? diffFlows(a, b).graph : buildGraph(a);
  // Auto-Layout ends every path with an End (the picture only: not the graph, not the diff).
  const ends = b ? unionOpenPaths(a, b, graph) : openPaths(a);
  const layout = await layoutGraph({ ...graph, openPaths: ends });
  if (layout.notice) options.onNotice?.(layout.notice);
  const shown = b ?? a;
  const title =
    options.title ??
    (b ? `${shown.label}: ${a.name === b.name ? 'before → after' : `${a.name} → ${b.name}`}` : shown.label);
  const { onNotice: _, ...look } = options;
  return renderSvg(graph, layout, { ...look, title, startDetail: startLine(shown) });
}

export function flag(flags: Map<string, string | true>, name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
