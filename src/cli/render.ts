/**
 * `flowscope render A [B] [-o out.svg] [--title T] [--select ID] [--goto line] [--layout L]`: the picture of
 * a flow, or of the diff of two versions (one union layout, statuses marked), as a standalone SVG — the same
 * renderer as the browser's "Export SVG". Without -o the SVG goes to stdout. `--layout` is the app's Layout
 * choice: `saved` (a free-form flow at its saved positions; the default when it has them), `auto`
 * (Auto-Layout, the default otherwise) or `elk` (ELK layered).
 */
import { stat, writeFile } from 'node:fs/promises';
import {
  buildGraph,
  diffFlows,
  type FlowDoc,
  LAYOUT_CHOICES,
  type LayoutChoice,
  layoutGraph,
  openPaths,
  renderSvg,
  savedPositions,
  startLine,
  unionOpenPaths,
  unionPositions,
} from '../index';
import { loadFlowFile, parseArgs, type CliIo } from './run';

export const RENDER_USAGE = [
  '  render A [B] [-o FILE.svg]         the flow (or the diff of two versions) as an SVG picture',
  '         [--title T] [--select ID]   (stdout without -o; --goto line draws Go To connectors whole;',
  `         [--goto line] [--layout L]  L: ${LAYOUT_CHOICES.join('|')}, default saved for free-form flows)`,
  '  render PATH… --out DIR             a gallery: DIR/<ApiName>.svg per flow under the files and folders,',
  '         [--site URL] [--gallery]    and DIR/index.md (links with --site or $FLOWSCOPE_SITE; folders or',
  '                                     more than two files mean a gallery, --gallery for one or two)',
].join('\n');

/** Whether any path is a folder (an unreadable one is reported by the command that reads it). */
async function anyFolder(paths: readonly string[]): Promise<boolean> {
  for (const p of paths)
    if (
      await stat(p).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      return true;
  return false;
}

export async function renderCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(
    argv.map((a) => (a === '-o' ? '--out' : a)),
    ['out', 'title', 'select', 'goto', 'layout', 'site'],
  );
  const files = args.positional;
  const layout = args.flags.get('layout');
  const badLayout = layout !== undefined && !(LAYOUT_CHOICES as readonly unknown[]).includes(layout);
  const gallery = args.flags.has('gallery') || files.length > 2 || (await anyFolder(files));
  if (gallery && !badLayout && files.length > 0 && flag(args.flags, 'out'))
    return (await import('./gallery')).galleryCommand(files, args.flags, io);
  if (gallery && !badLayout) {
    const why = files.length === 0 ? 'one or more files or folders' : 'a gallery needs --out DIR';
    io.err(`flowscope render: ${why}\n\n${RENDER_USAGE}\n`);
    return 2;
  }
  if (files.length < 1 || files.length > 2 || badLayout) {
    const why = badLayout
      ? `unknown layout "${layout === true ? '' : layout}" (saved, auto or elk)`
      : 'one flow file, or two versions to compare';
    io.err(`flowscope render: ${why}\n\n${RENDER_USAGE}\n`);
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
    ...(layout !== undefined ? { layout: layout as LayoutChoice } : {}),
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

interface RenderOptions {
  title?: string;
  selected?: string;
  goTo?: 'stub' | 'line';
  /** The Layout choice; by default saved positions when the flow (a diff's after version) has them, else auto. */
  layout?: LayoutChoice;
  onNotice?: (notice: string) => void;
}

/** One flow, or the diff of two, laid out and drawn. */
export async function renderDocs(a: FlowDoc, b: FlowDoc | undefined, options: RenderOptions = {}): Promise<string> {
  const diff = b ? diffFlows(a, b) : undefined;
  const graph = diff ? diff.graph : buildGraph(a);
  const positions = b && diff ? unionPositions(diff.graph, a, b) : savedPositions(a);
  const choice = options.layout ?? (positions ? 'saved' : 'auto');
  if (choice === 'saved' && !positions)
    options.onNotice?.(
      `${(b ?? a).name} uses Auto-Layout (Builder does not keep its positions): drawn with Auto-Layout instead`,
    );
  const saved = choice === 'saved' && positions !== undefined;
  // Auto-Layout ends every path with an End (the picture only: not the graph, not the diff).
  const ends = b ? unionOpenPaths(a, b, graph) : openPaths(a);
  const layout = await layoutGraph(saved ? { ...graph, positions } : { ...graph, openPaths: ends }, {
    engine: saved ? 'saved' : choice === 'elk' ? 'elk' : 'auto',
  });
  if (layout.notice) options.onNotice?.(layout.notice);
  const shown = b ?? a;
  const title =
    options.title ??
    (b ? `${shown.label}: ${a.name === b.name ? 'before → after' : `${a.name} → ${b.name}`}` : shown.label);
  const { onNotice: _, layout: _l, ...look } = options;
  return renderSvg(graph, layout, { ...look, title, startDetail: startLine(shown) });
}

export function flag(flags: Map<string, string | true>, name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
