/**
 * `flowscope pr --base REF [--head REF] [--site URL] [--raw-base URL] [--limit N] [--cwd DIR] [--ignore K] [PATHS…]`:
 * Markdown for a pull-request comment about the flows that changed between two commits of the git
 * repository it runs in (default paths: every *.flow-meta.xml and *.flow). Compares the merge base of
 * base and head with head, as GitHub's PR diff does. Each flow gets a row (elements +/−/~, connectors
 * +/−, status change) and a link: inline (the flows inside the link), or by URL with
 * --raw-base (e.g. https://raw.githubusercontent.com/OWNER/REPO — short links; public repos only,
 * since the page fetches them without credentials). Never longer than --limit (default 65,536).
 * The comment's first line is the marker `<!-- flowscope:changes -->` (what `flowscope comment` finds it by), its
 * first link opens every changed flow at once (`#/changes?…`, see prLink.ts) or a note says why it cannot. The
 * review checks' new findings (diffChecks.ts, rules from the nearest `.flowscope.json`) come before the table.
 */
import {
  buildGraph,
  diffFlows,
  parseFlow,
  type FlowDoc,
  COMMENT_LIMIT,
  buildLink,
  inlineRef,
  type FlowRef,
  type LinkState,
  type ChecksConfig,
  type NoiseKind,
} from '../index';
import { loadChecksConfig } from './checkConfig';
import { addedChecks, checksOf } from './diffChecks';
import { changedFiles, commitOf, fileAt, mergeBase, type ChangedFile } from './git';
import { diffMarkdown } from './diffMarkdown';
import { changesLink } from './prLink';
import { composeComment, type PrRow } from './prMarkdown';
import { IGNORE_USAGE, ignoredNote, quietDiff, readIgnore } from './ignore';
import { flag } from './render';
import { parseArgs, type CliIo } from './run';

export const PR_USAGE = [
  '  pr --base REF [--head REF] [PATHS…] Markdown for a PR comment: the flows changed between two commits',
  '         [--site URL] [--raw-base URL]  (default PATHS: *.flow-meta.xml *.flow; head defaults to HEAD;',
  '         [--limit N] [--cwd DIR]        links need --site or $FLOWSCOPE_SITE; --limit defaults to 65,536;',
  '         [--pr-url URL] [--repo-url URL] the first link opens all changed flows: by the PR (--pr-url, else',
  '                                        the CI environment) or by the repository (--repo-url, else origin))',
  `         [${IGNORE_USAGE}]`,
  '                                        hides changes only in those (descriptions, labels…), links too',
].join('\n');

const DEFAULT_PATHS = ['*.flow-meta.xml', '*.flow'];

interface Side {
  path: string;
  doc: FlowDoc;
}

export async function prCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['base', 'head', 'site', 'raw-base', 'limit', 'cwd', 'pr-url', 'repo-url', 'ignore']);
  const ignore = readIgnore(args.flags.get('ignore'));
  if ('problem' in ignore) {
    io.err(`flowscope pr: ${ignore.problem}\n\n${PR_USAGE}\n`);
    return 2;
  }
  const cwd = flag(args.flags, 'cwd') ?? process.cwd();
  const baseRef = flag(args.flags, 'base');
  const headRef = flag(args.flags, 'head') ?? 'HEAD';
  const limit = Number(flag(args.flags, 'limit') ?? COMMENT_LIMIT);
  if (!baseRef || !Number.isInteger(limit) || limit < 1000) {
    io.err(
      `flowscope pr: ${baseRef ? '--limit must be a whole number of at least 1000' : '--base REF is required'}` +
        `\n\n${PR_USAGE}\n`,
    );
    return 2;
  }
  const [base, head] = await Promise.all([commitOf(cwd, baseRef), commitOf(cwd, headRef)]);
  if (!base || !head) {
    io.err(
      `flowscope pr: "${!base ? baseRef : headRef}" is not a commit of the git repository in ${cwd}\n` +
        '  Fetch it first (in CI: actions/checkout with fetch-depth: 0).\n',
    );
    return 1;
  }
  const from = await mergeBase(cwd, base, head);
  let files: ChangedFile[];
  try {
    files = await changedFiles(cwd, from, head, args.positional.length > 0 ? args.positional : DEFAULT_PATHS);
  } catch (e) {
    io.err(`flowscope pr: git diff failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const config = await loadChecksConfig(cwd);
  if (!config.ok) {
    io.err(`flowscope pr: ${config.error}\n`);
    return 2;
  }
  const site = flag(args.flags, 'site') ?? process.env.FLOWSCOPE_SITE;
  const rawBase = flag(args.flags, 'raw-base')?.replace(/\/+$/, '');
  const notes: string[] = site
    ? []
    : ['Pass --site URL (or set FLOWSCOPE_SITE) to get a link that opens every changed flow, and one per flow.'];
  const ignored = ignoredNote(ignore.kinds);
  if (ignored) notes.push(ignored);
  const rows: PrRow[] = [];
  for (const file of files) {
    const read = async (commit: string, path: string | undefined): Promise<Side | string | undefined> => {
      if (path === undefined) return undefined;
      const parsed = parseFlow(await fileAt(cwd, commit, path), { fileName: path });
      return parsed.ok ? { path, doc: parsed.doc } : `${path} at ${commit.slice(0, 7)}: ${parsed.error.message}`;
    };
    const before = await read(from, file.before);
    const after = await read(head, file.after);
    if (typeof before === 'string' || typeof after === 'string') {
      notes.push(`Could not read ${typeof before === 'string' ? before : after}`);
      rows.push({
        label: file.after ?? file.before ?? '',
        path: file.after ?? file.before ?? '',
        change: file.status,
        elements: '?',
        connectors: '?',
        status: '',
        linkNote: 'unreadable',
      });
      continue;
    }
    const row = describe(file, before, after, ignore.kinds, config.config);
    if (site) {
      const ref = (commit: string, side: Side): FlowRef =>
        rawBase
          ? { kind: 'url', url: `${rawBase}/${commit}/${side.path.split('/').map(encodeURIComponent).join('/')}` }
          : inlineRef(side.doc);
      const state: LinkState =
        before && after
          ? { v: 1, route: 'diff', a: ref(from, before), b: ref(head, after), ignore: [...ignore.kinds] }
          : { v: 1, route: 'view', a: after ? ref(head, after) : ref(from, before as Side) };
      const built = await buildLink(state, site);
      if (built.ok) row.link = { url: built.url, text: state.route === 'diff' ? 'diff' : 'view' };
      else row.linkNote = built.message;
    }
    rows.push(row);
  }
  const all = await changesLink({
    site,
    prUrl: flag(args.flags, 'pr-url'),
    repoUrl: flag(args.flags, 'repo-url'),
    cwd,
    env: process.env,
    base: from,
    head,
    ignore: [...ignore.kinds],
  });
  // Without --site the note above already says what to pass.
  if (!all.ok && site) notes.unshift(all.reason);
  io.out(composeComment({ base: from, head, notes, changesUrl: all.ok ? all.url : undefined }, rows, limit));
  return 0;
}

function describe(
  file: ChangedFile,
  before: Side | undefined,
  after: Side | undefined,
  ignore: ReadonlySet<NoiseKind>,
  config?: ChecksConfig,
): PrRow {
  const shown = (after ?? before) as Side;
  const row: PrRow = {
    label: shown.doc.label,
    path: shown.path,
    change: file.status,
    elements: '',
    connectors: '',
    status: '',
  };
  const statusOf = (doc: FlowDoc) => (typeof doc.properties.status === 'string' ? doc.properties.status : '');
  if (!before || !after) {
    const sign = after ? '+' : '−';
    row.elements = `${sign}${shown.doc.elements.length}`;
    row.connectors = `${sign}${buildGraph(shown.doc).edges.length}`;
    row.status = statusOf(shown.doc);
    // An added flow's findings are all new; a deleted flow's are gone with it (not "fixed").
    if (after) row.checks = addedChecks(after.doc, config);
    return row;
  }
  const diff = quietDiff(diffFlows(before.doc, after.doc), ignore);
  row.checks = checksOf(before.doc, after.doc, diff, config);
  const n = diff.summary.nodes;
  row.elements = [`+${n.added}`, `−${n.removed}`, `~${n.changed}`, n.renamed > 0 ? `↻${n.renamed}` : '']
    .filter(Boolean)
    .join(' ');
  const c = diff.summary.connectors;
  row.connectors = [`+${c.added}`, `−${c.removed}`, c.rewired > 0 ? `⇄${c.rewired}` : ''].filter(Boolean).join(' ');
  const was = statusOf(before.doc);
  const now = statusOf(after.doc);
  row.status = was === now ? now : `${was || '—'} → ${now || '—'}`;
  if (file.status === 'renamed') row.path = `${before.path} → ${after.path}`;
  row.details = diffMarkdown(diff, { maxRows: 30, before: before.doc, after: after.doc });
  return row;
}
