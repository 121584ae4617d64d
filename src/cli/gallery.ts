/**
 * `flowscope render PATH… --out DIR` (issue 13): a gallery for a project's documentation — one SVG per flow
 * under the paths (`DIR/<ApiName>.svg`, each drawn with the app's default layout unless `--layout` says
 * otherwise) and `DIR/index.md`: per flow its label, type, trigger, size, picture and (with `--site` or
 * $FLOWSCOPE_SITE) its share link; the files that are not flows, or do not parse, listed with the reason.
 * One process for any number of files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildLink, indexFlow, type LayoutChoice, processTypeName, type SetSkip, type SetTrigger } from '../index';
import { mdText as mdEscaped } from './diffMarkdown';
import { flowFiles, readFlows, type FlowEntry } from './files';
import { flag, renderDocs } from './render';
import type { CliIo } from './run';

export interface GalleryItem {
  /** The SVG's file name inside the gallery folder. */
  svg: string;
  label: string;
  name: string;
  type?: string;
  trigger: SetTrigger | null;
  elements: number;
  link?: string;
  /** Why there is no link (too long to build, say). */
  noLink?: string;
}

const TIMING: Record<string, string> = {
  RecordBeforeSave: 'before save',
  RecordAfterSave: 'after save',
  RecordBeforeDelete: 'before delete',
  Scheduled: 'scheduled',
  PlatformEvent: 'when the event is published',
};
const EVENTS: Record<string, string> = {
  Create: 'a record is created',
  Update: 'a record is updated',
  CreateAndUpdate: 'a record is created or updated',
  Delete: 'a record is deleted',
};
const own = (m: Record<string, string>, k: string | undefined) => (k && Object.hasOwn(m, k) ? m[k] : undefined);

/** "Account, after save, when a record is created or updated". */
export function triggerWords(t: SetTrigger): string {
  const timing = own(TIMING, t.type) ?? t.type;
  const when = own(EVENTS, t.when) ?? t.when;
  const order = t.order !== undefined ? `trigger order ${t.order}` : undefined;
  return [t.object, timing, when && `when ${when}`, order].filter(Boolean).join(', ');
}

/** Untrusted text as inert Markdown; `<` and `>` as entities, so no tag (escaped or not) is in the file at all. */
export const mdText = (s: string): string => mdEscaped(s).replace(/\\</g, '&lt;').replace(/\\>/g, '&gt;');

/** A file name that is safe in any folder and in a Markdown link: the API name's own characters. */
function svgName(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120) || 'flow';
  let file = `${base}.svg`;
  for (let i = 2; taken.has(file.toLowerCase()); i++) file = `${base}-${i}.svg`;
  taken.add(file.toLowerCase());
  return file;
}

/** The gallery's Markdown: every text from a flow escaped (labels and file names are untrusted). */
export function galleryMarkdown(title: string, items: readonly GalleryItem[], skipped: readonly SetSkip[]): string {
  const lines = [`# ${mdText(title)}`, ''];
  lines.push(
    `${items.length} flow${items.length === 1 ? '' : 's'}${skipped.length ? `, ${skipped.length} skipped` : ''}.`,
  );
  for (const f of items) {
    const label = mdText(f.label || f.name);
    lines.push('', `### ${label}`, '');
    const facts = [`\`${f.name.replace(/`/g, "'")}\``, f.type ? mdText(f.type) : undefined];
    if (f.trigger) facts.push(`triggered on ${mdText(triggerWords(f.trigger))}`);
    facts.push(`${f.elements} element${f.elements === 1 ? '' : 's'}`);
    lines.push(facts.filter(Boolean).join(' · '), '');
    lines.push(`![${label}](${f.svg})`);
    if (f.link) lines.push('', `[Open in Flowscope](${f.link})`);
    else if (f.noLink) lines.push('', `No Flowscope link: ${mdText(f.noLink)}`);
  }
  if (skipped.length > 0) {
    lines.push('', '## Skipped', '');
    for (const s of skipped) lines.push(`- ${mdText(s.file)}: ${mdText(s.reason)}`);
  }
  return `${lines.join('\n')}\n`;
}

interface GalleryOptions {
  out: string;
  layout?: LayoutChoice;
  site?: string;
  title?: string;
}

async function item(e: FlowEntry, svg: string, site: string | undefined): Promise<GalleryItem> {
  const facts = indexFlow(e.doc, e.file, e.name);
  const it: GalleryItem = { svg, label: facts.label, name: e.name, trigger: facts.trigger, elements: facts.elements };
  const type = processTypeName(e.doc) ?? facts.processType;
  if (type) it.type = type;
  if (site) {
    // The file's own text inside the link: never a token, never an org's address.
    const built = await buildLink(
      { v: 1, route: 'view', a: { kind: 'inline', text: e.text, name: basename(e.file) } },
      site,
    );
    if (built.ok) it.link = built.url;
    else it.noLink = built.message;
  }
  return it;
}

export async function galleryCommand(paths: string[], flags: Map<string, string | true>, io: CliIo): Promise<number> {
  const options: GalleryOptions = {
    out: flag(flags, 'out') ?? '',
    site: flag(flags, 'site') ?? process.env.FLOWSCOPE_SITE,
    title: flag(flags, 'title'),
  };
  const layout = flag(flags, 'layout');
  if (layout) options.layout = layout as LayoutChoice;
  const found = await flowFiles(paths);
  if (!found.ok) {
    io.err(`flowscope render: cannot read ${found.path}: ${found.reason}\n`);
    return 1;
  }
  const { entries, skipped } = await readFlows(found.files, found.links);
  entries.sort((a, b) => a.doc.label.localeCompare(b.doc.label) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  try {
    await mkdir(options.out, { recursive: true });
  } catch (e) {
    io.err(`flowscope render: cannot make ${options.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  const taken = new Set(['index.md']);
  const items: GalleryItem[] = [];
  for (const e of entries) {
    let svg: string;
    try {
      svg = await renderDocs(e.doc, undefined, {
        ...(options.layout ? { layout: options.layout } : {}),
        onNotice: (notice) => io.err(`flowscope render: ${e.file}: ${notice}\n`),
      });
    } catch (err) {
      skipped.push({ file: e.file, reason: `cannot draw it (${err instanceof Error ? err.message : String(err)})` });
      continue;
    }
    const file = svgName(e.name, taken);
    try {
      await writeFile(join(options.out, file), svg, 'utf8');
    } catch (err) {
      io.err(`flowscope render: cannot write ${join(options.out, file)}: ${(err as NodeJS.ErrnoException).code}\n`);
      return 1;
    }
    items.push(await item(e, file, options.site));
  }
  const md = galleryMarkdown(options.title ?? 'Flows', items, skipped);
  try {
    await writeFile(join(options.out, 'index.md'), md, 'utf8');
  } catch (err) {
    io.err(`flowscope render: cannot write index.md: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return 1;
  }
  io.err(`wrote ${options.out}: ${items.length} SVGs and index.md (${skipped.length} files skipped)\n`);
  return 0;
}
