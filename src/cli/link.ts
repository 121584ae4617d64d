/**
 * `flowscope link A [B] --site URL [--mode M] [--select ID]`: the share link that opens the flow (or the
 * diff of two versions) with the flows inside the link. The link goes to stdout, its length (and a
 * warning above 65,536 characters, a GitHub comment's limit) to stderr. --site defaults to $FLOWSCOPE_SITE.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { buildLink, DIFF_MODES, type DiffMode, type FlowRef, type LinkState } from '../index';
import { flag } from './render';
import { parseArgs, type CliIo } from './run';

export const LINK_USAGE = `  link A [B] --site URL              a share link with the flow (or both versions) inside it
         [--mode M] [--select ID]    (M: ${DIFF_MODES.join('|')}; --site defaults to $FLOWSCOPE_SITE)`;

export async function linkCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['site', 'mode', 'select']);
  const files = args.positional;
  const site = flag(args.flags, 'site') ?? process.env.FLOWSCOPE_SITE;
  const mode = flag(args.flags, 'mode');
  if (
    files.length < 1 ||
    files.length > 2 ||
    !site ||
    (mode !== undefined && !(DIFF_MODES as readonly string[]).includes(mode))
  ) {
    const why = !site
      ? 'the site URL is required (--site or $FLOWSCOPE_SITE)'
      : mode !== undefined && !(DIFF_MODES as readonly string[]).includes(mode)
        ? `unknown mode "${mode}"`
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
