import type { CheckComparison } from '../index';
import { comparisonMarkdown } from './checkMarkdown';

/**
 * The PR comment of `flowscope pr`, composed to fit a size limit (GitHub: 65,536 characters). What goes
 * in, in order, while it fits: the review checks' new findings (at most 30, and no more than a quarter of the
 * limit holds; the rest counted), the table of changed flows (rows past the limit are counted, not shown), then each flow's link (shortest first), then each flow's details in a collapsible block. Whatever is
 * left out is named in a last line, so a reader knows the comment is partial.
 */
export interface PrRow {
  /** Flow label (untrusted text: escaped here). */
  label: string;
  path: string;
  change: 'added' | 'deleted' | 'modified' | 'renamed';
  /** "+2 −1 ~3", already formatted. */
  elements: string;
  connectors: string;
  /** "Draft → Active", or the status when unchanged. */
  status: string;
  /** The link, when one could be made; `linkNote` says why not otherwise. */
  link?: { url: string; text: string };
  linkNote?: string;
  /** Markdown of the details block's body (already escaped by its maker). */
  details?: string;
  /** The review checks across the change (its new findings are listed before the table). */
  checks?: CheckComparison;
}

export interface PrHeader {
  base: string;
  head: string;
  /** Notes under the heading (unreadable files, missing --site, why there is no link to every flow). */
  notes: string[];
  /** `#/changes?…`: the link that opens every changed flow. */
  changesUrl?: string;
}

/** The comment's first line: `flowscope comment` finds the comment to update by it. */
export const PR_MARKER = '<!-- flowscope:changes -->';

const TOO_LONG = 'link too long for a comment';

export function composeComment(header: PrHeader, rows: PrRow[], limit: number): string {
  const ending = (left: string[]) =>
    left.length > 0
      ? `\n_Left out to keep this comment under ${limit.toLocaleString('en-US')} characters: ${left.join('; ')}._\n`
      : '';
  // Room for the "left out" line, however long its counts get.
  const reserve = 400;
  const flows = `${rows.length} flow${rows.length === 1 ? '' : 's'}`;
  const heading = [
    PR_MARKER,
    `### Flowscope: ${flows} changed`,
    '',
    ...(header.changesUrl && rows.length > 0
      ? [
          `**[Open all ${rows.length} changed ${rows.length === 1 ? 'flow' : 'flows'} in Flowscope](${header.changesUrl})**`,
          '',
        ]
      : []),
    `\`${header.base.slice(0, 12)}\` → \`${header.head.slice(0, 12)}\``,
    ...header.notes.flatMap((n) => ['', `> ${md(n)}`]),
    '',
    ...checksSection(rows, limit / 4),
  ].join('\n');
  const tableHead =
    '| Flow | Change | Elements +/−/~ | Connectors +/− | Status | Open |\n' + '|---|---|---|---|---|---|\n';
  if (rows.length === 0) return `${heading}\nNo flow files changed.\n`;
  const links = new Map<number, string>();
  const cell = (row: PrRow, i: number) => links.get(i) ?? (row.link ? TOO_LONG : md(row.linkNote ?? '—'));
  const line = (row: PrRow, i: number) =>
    `| **${md(row.label)}**<br>${md(row.path)} | ${row.change} | ${row.elements} | ${row.connectors} | ` +
    `${md(row.status)} | ${cell(row, i)} |\n`;
  let shown = rows.length;
  const size = () =>
    heading.length + tableHead.length + rows.slice(0, shown).reduce((s, r, i) => s + line(r, i).length, 0);
  while (shown > 0 && size() + reserve > limit) shown--;
  const left: string[] = [];
  if (shown < rows.length)
    left.push(
      `${rows.length - shown} more flow${rows.length - shown === 1 ? '' : 's'} (${rows
        .slice(shown)
        .map((r) => md(r.path))
        .slice(0, 5)
        .join(', ')}${rows.length - shown > 5 ? ', …' : ''})`,
    );
  let total = size();
  const byLength = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i < shown && r.link)
    .sort((x, y) => (x.r.link?.url.length ?? 0) - (y.r.link?.url.length ?? 0));
  let missingLinks = 0;
  for (const { r, i } of byLength) {
    const text = `[${r.link?.text}](${r.link?.url})`;
    const grow = text.length - TOO_LONG.length;
    if (total + grow + reserve <= limit) {
      links.set(i, text);
      total += grow;
    } else missingLinks++;
  }
  if (missingLinks > 0)
    left.push(
      `${missingLinks} link${missingLinks === 1 ? '' : 's'} ` +
        '(run `flowscope link` on the files, or pass --raw-base for short links by URL)',
    );
  const blocks: string[] = [];
  let missingDetails = 0;
  rows.slice(0, shown).forEach((r) => {
    if (!r.details) return;
    const block =
      `\n<details><summary>${html(r.label)} — details</summary>\n\n` + `${r.details.trimEnd()}\n\n</details>\n`;
    if (total + block.length + reserve <= limit) {
      blocks.push(block);
      total += block.length;
    } else missingDetails++;
  });
  if (missingDetails > 0) left.push(`details of ${missingDetails} flow${missingDetails === 1 ? '' : 's'}`);
  const table = rows.slice(0, shown).map(line).join('');
  const out = `${heading}\n${tableHead}${table}${blocks.join('')}${ending(left)}`;
  // The reserve makes this unreachable; the limit is a promise, so keep it even if the estimate is wrong.
  return out.length <= limit
    ? out
    : `${out.slice(0, limit - 80)}\n\n_…cut at ${limit.toLocaleString('en-US')} characters._\n`;
}

/**
 * Untrusted text as inert Markdown: no links, images, HTML, table breaks or @mentions (a word joiner
 * after "@" keeps a flow label from pinging anyone).
 */
function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '@\u2060');
}

/** The "Checks" section: each flow's new findings named with the flow, then the fixed and remaining counts. */
function checksSection(rows: readonly PrRow[], room: number): string[] {
  const flows = rows.flatMap((r) => (r.checks ? [{ flow: r.label, checks: r.checks }] : []));
  // As many findings as fit in a quarter of the comment (at most 30); the rest are counted.
  let lines = comparisonMarkdown(flows, 30);
  for (let max = 29; max >= 0 && lines.join('\n').length > room; max--) lines = comparisonMarkdown(flows, max);
  return lines;
}

/** Text for an HTML context (a <summary>). */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u2060')
    .replace(/[\r\n]+/g, ' ');
}
