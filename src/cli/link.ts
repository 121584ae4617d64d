/**
 * `flowscope link A [B] --site URL [--mode M] [--layout L] [--select ID]`: the share link that opens the flow (or the
 * diff of two versions) with the flows inside the link. The link goes to stdout, its length (and a
 * warning above 65,536 characters, a GitHub comment's limit) to stderr. --site defaults to $FLOWSCOPE_SITE.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  buildLink,
  DIFF_MODES,
  type DiffMode,
  type FlowRef,
  LINK_LAYOUTS,
  type LinkLayout,
  type LinkState,
} from '../index';
import { flag } from './render';
import { parseArgs, type CliIo } from './run';

export const LINK_USAGE = `  link A [B] --site URL              a share link with the flow (or both versions) inside it
         [--mode M] [--select ID]    (M: ${DIFF_MODES.join('|')}; --site defaults to $FLOWSCOPE_SITE;
         [--layout L]                L: ${LINK_LAYOUTS.join('|')}, opens with the flow's default without it)`;

export async function linkCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['site', 'mode', 'select', 'layout']);
  const files = args.positional;
  const site = flag(args.flags, 'site') ?? process.env.FLOWSCOPE_SITE;
  const mode = flag(args.flags, 'mode');
  const layout = args.flags.get('layout');
  const badMode = mode !== undefined && !(DIFF_MODES as readonly string[]).includes(mode);
  const badLayout = layout !== undefined && !(LINK_LAYOUTS as readonly unknown[]).includes(layout);
  if (files.length < 1 || files.length > 2 || !site || badMode || badLayout) {
    const why = !site
      ? 'the site URL is required (--site or $FLOWSCOPE_SITE)'
      : badMode
        ? `unknown mode "${mode}"`
        : badLayout
          ? `unknown layout "${layout === true ? '' : layout}" (saved, auto or elk)`
          : 'one flow file, or two versions to compare';
    io.err(`flowscope link: ${why}\n\n${LINK_USAGE}\n`);
    return 2;
  }
  const refs: FlowRef[] = [];
  for (const file of files) {
    try {
      refs.push({ kind: 'inline', text: await readFile(file, 'utf8'), name: basename(file) });
    } catch (e) {
      io.err(`flowscope: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 1;
    }
  }
  const sel = flag(args.flags, 'select');
  const state: LinkState =
    refs.length === 2
      ? { v: 1, route: 'diff', a: refs[0] as FlowRef, b: refs[1], ...(mode ? { mode: mode as DiffMode } : {}) }
      : { v: 1, route: 'view', a: refs[0] as FlowRef };
  if (sel) state.sel = sel;
  if (layout !== undefined) state.layout = layout as LinkLayout;
  const built = await buildLink(state, site);
  if (!built.ok) {
    io.err(`flowscope link: ${built.message}\n  ${built.hint}\n`);
    return 1;
  }
  io.out(`${built.url}\n`);
  io.err(`${built.length.toLocaleString('en-US')} characters\n`);
  if (built.warning) io.err(`warning: ${built.warning}\n`);
  return 0;
}
