import {
  connectorWords,
  describeChanges,
  elementKind,
  flowChangeContext,
  lineWords,
  nodeChangeContext,
  resourceChangeContext,
  resourceKindName,
  START_ID,
  STATUS_LOOK,
  isValueSlot,
  type ChangeContext,
  type ChangeStatus,
  type EdgeKind,
  cutWords,
  type FlowDiff,
  type FlowDoc,
  type LinePiece,
  type NodeDiff,
  type PropertyChange,
  type Value,
  type Words,
  type CheckComparison,
} from '../index';
import { comparisonMarkdown } from './checkMarkdown';
/**
 * A flow diff as Markdown for a PR comment (`flowscope diff --md`, reused by `flowscope pr`): a counts
 * line, then tables of elements, connectors, resources and flow properties that changed, each change in
 * Builder's words (src/describe/change.ts). Labels, values and names come from the flow files, so every
 * piece of text is escaped: no HTML, links, images, table breaks or @mentions get through. Escapes are
 * backslashes, which GitHub shows as the character itself: a reader sees "&", never "&amp;".
 */

export interface DiffMarkdownOptions {
  /** Heading text (escaped here); none when absent. */
  title?: string;
  /** Rows per table before "… and N more" (default 50). */
  maxRows?: number;
  /** Property changes shown per element or resource (default 6). */
  maxChanges?: number;
  /** Characters per value before it is cut with "…" (default 60). */
  maxValue?: number;
  /** The two versions: the changes are said against their data (without them, from the changes alone). */
  before?: FlowDoc;
  after?: FlowDoc;
  /** A line under the heading saying what was left out (`--ignore`'s note, ignore.ts); none when absent. */
  ignored?: string;
  /** The review checks across the change: a "Checks" section (new findings first) before the changes. */
  checks?: CheckComparison;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML entities in flow text (rich text, a label pasted from a page) as the characters they stand for. */
function decodeEntities(s: string): string {
  let out = s;
  for (let i = 0; i < 3 && /&(#\d+|#x[\da-f]+|[a-z]+);/i.test(out); i++)
    out = out.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return Object.hasOwn(ENTITIES, e.toLowerCase()) ? (ENTITIES[e.toLowerCase()] as string) : m;
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    });
  return out;
}

/** Untrusted text as inert Markdown on one line (for table cells and list items). */
export function mdText(s: string): string {
  return (
    decodeEntities(s)
      .replace(/\r\n?|\n/g, ' ')
      // `!` needs no escape: with `[` escaped it cannot start an image. `&`, `<` and `>` escaped with a
      // backslash show as themselves and start no entity or tag.
      .replace(/([\\`*_[\]|~#&<>])/g, '\\$1')
      // A word joiner keeps "@team" from pinging anyone and "https://…" / "www." from becoming links.
      .replace(/@/g, '@\u2060')
      .replace(/:\/\//g, ':\u2060//')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u2060.`)
  );
}

/**
 * An API name or property path in a code span (inert: no HTML, links or mentions); escaped text when it could break
 * out of one.
 */
function mdName(s: string): string {
  return /^[^`|\r\n[\]]{1,200}$/.test(s) && !/&(#|[a-z]+;)|\w\[[^\]]*\]\.|\[\d+\]/.test(s) ? `\`${s}\`` : mdText(s);
}

/**
 * Code in a table cell: a code span (a `|` escaped, as GitHub tables need); escaped text when it could break out,
 * or hold a bracket (inside a span it cannot be escaped, and with the text after it could read as a path).
 */
function mdCode(s: string): string {
  const one = s.replace(/\s*[\r\n]+\s*/g, ' ');
  return /^[^`[\]]{1,300}$/.test(one) && !/&(#|[a-z]+;)|\w\[[^\]]*\]\.|\[\d+\]|^\s|\s$/.test(one)
    ? `\`${one.replace(/\|/g, '\\|')}\``
    : mdText(one);
}

/** Builder's words as Markdown: names in italics, references and formulas as code. */
export function mdWords(words: readonly LinePiece[]): string {
  return words
    .map((p) =>
      typeof p === 'string' ? mdText(p) : 'em' in p ? (p.em.trim() ? `*${mdText(p.em)}*` : '') : mdCode(p.code),
    )
    .join('');
}

/** A value as short plain text: a one-slot value object as its value (`{!Ref}` for references), lists joined. */
export function valueText(v: Value | undefined): string {
  if (v === undefined) return '(not set)';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  const keys = Object.keys(v);
  if (keys.length === 1 && isValueSlot(keys[0] as string)) {
    const x = v[keys[0] as string] as Value;
    return keys[0] === 'elementReference' && typeof x === 'string' ? `{!${x}}` : valueText(x);
  }
  return keys.map((k) => `${k}: ${valueText(v[k])}`).join('; ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const mark = (s: ChangeStatus) => `${STATUS_LOOK[s].emoji} ${STATUS_LOOK[s].word.toLowerCase()}`;

type Limits = { maxRows: number; maxChanges: number; maxValue: number };

function changesCell(changes: PropertyChange[], ctx: ChangeContext, o: Limits): string {
  const lines = describeChanges(changes, ctx);
  const shown = lines.slice(0, o.maxChanges).map((l) => mdWords(lineWords(l, { maxValue: o.maxValue })));
  if (lines.length > o.maxChanges) shown.push(`… and ${plural(lines.length - o.maxChanges, 'more change')}`);
  return shown.join('<br>');
}

function table(head: string[], rows: string[][], max: number): string[] {
  if (rows.length === 0) return [];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.slice(0, max).map((r) => `| ${r.join(' | ')} |`),
  ];
  if (rows.length > max) lines.push('', `_… and ${rows.length - max} more._`);
  return [...lines, ''];
}

export function diffMarkdown(diff: FlowDiff, options: DiffMarkdownOptions = {}): string {
  const o = { maxRows: options.maxRows ?? 50, maxChanges: options.maxChanges ?? 6, maxValue: options.maxValue ?? 60 };
  const { before, after } = options;
  const s = diff.summary;
  const out: string[] = [];
  if (options.title !== undefined) out.push(`#### ${mdText(options.title)}`, '');
  if (options.ignored) out.push(`_${mdText(options.ignored)}_`, '');
  if (options.checks) out.push(...comparisonMarkdown([{ checks: options.checks }]));
  const part = (title: string, counts: [number, string][]) => {
    const nonzero = counts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`);
    return nonzero.length > 0 ? `**${title}:** ${nonzero.join(', ')}` : undefined;
  };
  const counts = [
    part('Elements', [
      [s.nodes.added, 'added'],
      [s.nodes.removed, 'removed'],
      [s.nodes.changed, 'changed'],
      [s.nodes.renamed, 'renamed'],
    ]),
    part('Connectors', [
      [s.connectors.added, 'added'],
      [s.connectors.removed, 'removed'],
      [s.connectors.rewired, 'rewired'],
    ]),
    part('Resources', [
      [s.resources.added, 'added'],
      [s.resources.removed, 'removed'],
      [s.resources.changed, 'changed'],
      [s.resources.renamed, 'renamed'],
    ]),
    part('Flow properties', [[s.properties, 'changed']]),
  ].filter((x): x is string => x !== undefined);
  if (counts.length === 0) return [...out, 'No differences (coordinates are not compared).', ''].join('\n');
  out.push(`${counts.join(' · ')} · ${s.nodes.unchanged} elements unchanged`, '');

  const elementRow = (n: NodeDiff) => {
    const name = n.id === START_ID ? 'Start' : mdText(n.label);
    // biome-ignore format: on one line it is 120 characters but 122 bytes (→ is 3), and awk's length counts bytes
    const api =
      n.id === START_ID
        ? ''
        : n.renamedFrom
          ? `<br>${mdName(n.renamedFrom)} → ${mdName(n.id)}`
          : `<br>${mdName(n.id)}`;
    const ctx = before && after ? nodeChangeContext(diff, before, after, n) : { kind: n.type };
    return [mark(n.status), `${name}${api}`, mdText(elementKind(n.type).builderName), changesCell(n.changes, ctx, o)];
  };
  const order: Record<string, number> = { removed: 0, added: 1, renamed: 2, changed: 3 };
  const elements = diff.nodes
    .filter((n) => n.status !== 'unchanged')
    .sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9));
  out.push(...heading('Elements', table(['', 'Element', 'Type', 'Changes'], elements.map(elementRow), o.maxRows)));

  out.push(...heading('Connectors', table(['', 'From', 'Connector', 'To'], connectorRows(diff), o.maxRows)));
  const follow = s.connectors.followRename;
  if (follow > 0)
    out.push(
      `_${plural(follow, 'connector')} only follow${follow === 1 ? 's' : ''} a renamed element (not a change)._`,
      '',
    );

  const resources = diff.resources
    .filter((r) => r.status !== 'unchanged')
    .map((r) => [
      mark(r.status),
      r.renamedFrom ? `${mdName(r.renamedFrom)} → ${mdName(r.id)}` : mdName(r.id),
      mdText(resourceKindName(r.type) ?? r.type),
      changesCell(r.changes, before && after ? resourceChangeContext(r, before, after) : { kind: r.type }, o),
    ]);
  out.push(...heading('Resources', table(['', 'Resource', 'Type', 'Changes'], resources, o.maxRows)));
  const flowCtx = before && after ? flowChangeContext(before, after) : { kind: 'flow' };
  const props = describeChanges(diff.properties, flowCtx).flatMap((line) =>
    line.parts.map((part) => {
      const side = (w: Words | undefined) => (w === undefined ? '(not set)' : mdWords(cutWords(w, o.maxValue)));
      const what = line.subject
        ? [...lineWords({ ...line, parts: [] }), ...(part.what ? [` · ${part.what}`] : [])]
        : [part.what];
      return [mdWords(what), side(part.before), side(part.after)];
    }),
  );
  out.push(...heading('Flow properties', table(['Property', 'Before', 'After'], props, o.maxRows)));
  return out.join('\n');
}

function heading(title: string, body: string[]): string[] {
  return body.length > 0 ? [`**${title}**`, '', ...body] : [];
}

/**
 * Connector rows from the diff's one connector list (union graph ids), where a connector that only follows a
 * renamed element is not a change: each rewire once, then the other added and removed ones.
 */
function connectorRows(diff: FlowDiff): string[][] {
  const label = new Map(diff.graph.nodes.map((n) => [n.id, n.label]));
  const end = (id: string) =>
    id === START_ID ? 'Start' : label.get(id) === id ? mdName(id) : `${mdText(label.get(id) ?? id)} (${mdName(id)})`;
  const what = (kind: EdgeKind, lbl: string | undefined, key: string | undefined, goTo: boolean) =>
    `${mdWords(connectorWords(kind, lbl, key))}${goTo ? ' (Go To)' : ''}`;
  const rows: string[][] = [];
  for (const c of diff.connectors) {
    if (c.status === 'rewired')
      rows.push([
        mark('rewired'),
        end(c.source),
        what(c.kind, c.label, c.key, false),
        `${end(c.targetBefore ?? '')} → ${end(c.target)}`,
      ]);
    else if (c.status !== 'relabelled')
      rows.push([mark(c.status), end(c.source), what(c.kind, c.label, c.key, c.goTo), end(c.target)]);
  }
  return rows;
}
