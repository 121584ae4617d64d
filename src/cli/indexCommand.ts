/**
 * `flowscope index PATH… [--json]`: a flow set's index (issue 13) — every flow under the paths (files, or
 * folders at any depth: `*.flow-meta.xml`, `*.flow`, Tooling JSON), its type, trigger, size and interface,
 * every subflow call resolved against the set, and every other file skipped with the reason. One process
 * for any number of files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { flowNameOfFile, indexSet, isFlowFileName, parseFlow, type FlowDoc, type SetSkip } from '../index';
import { terminalText } from './terminal';
import { parseArgs, type CliIo } from './run';

export const INDEX_USAGE = [
  '  index PATH… [--json]               a flow set: every flow under the files and folders, its trigger,',
  '                                     size and interface, and every subflow call (others skipped, listed)',
].join('\n');

/** Folders never part of a project's flows (a repository's own database, installed packages). */
const IGNORED_DIRS = new Set(['.git', 'node_modules']);

async function walk(path: string, found: string[]): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(path, e.name);
    if (e.isDirectory()) {
      if (!IGNORED_DIRS.has(e.name)) await walk(full, found);
    } else if (e.isFile()) found.push(full);
  }
}

export async function indexCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, []);
  if (args.positional.length === 0) {
    io.err(`flowscope index: one or more files or folders\n\n${INDEX_USAGE}\n`);
    return 2;
  }
  const files: string[] = [];
  for (const path of args.positional) {
    try {
      if ((await stat(path)).isDirectory()) await walk(path, files);
      else files.push(path);
    } catch (e) {
      io.err(`flowscope index: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 1;
    }
  }
  const cwd = process.cwd();
  const shown = (f: string) => {
    const r = relative(cwd, f);
    return r && !r.startsWith('..') ? r : f;
  };
  const entries: { file: string; doc: FlowDoc; name: string }[] = [];
  const skipped: SetSkip[] = [];
  for (const f of files) {
    const file = shown(f);
    if (!isFlowFileName(f)) {
      skipped.push({ file, reason: 'not a flow file' });
      continue;
    }
    let text: string;
    try {
      text = await readFile(f, 'utf8');
    } catch (e) {
      skipped.push({ file, reason: `cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      continue;
    }
    const parsed = parseFlow(text, { fileName: f });
    if (!parsed.ok) {
      skipped.push({ file, reason: parsed.error.message });
      continue;
    }
    // Metadata XML keeps the API name in the file's name; a Tooling record says it (FullName).
    const name = parsed.origin.format === 'xml' ? flowNameOfFile(f) : parsed.doc.name;
    entries.push({ file, doc: parsed.doc, name });
  }
  const index = indexSet(entries, skipped);
  if (args.flags.has('json')) {
    io.out(`${JSON.stringify(index, null, 2)}\n`);
    return 0;
  }
  const lines = [`${index.flows.length} flows, ${index.calls.length} subflow calls, ${skipped.length} files skipped`];
  for (const f of index.flows) {
    const trigger = f.trigger ? ` · ${f.trigger.object} ${f.trigger.type ?? ''}`.trimEnd() : '';
    lines.push(`  ${f.name}  ${f.processType ?? ''} · ${f.elements} elements${trigger}`);
  }
  const unresolved = index.calls.filter((c) => !c.resolved);
  if (unresolved.length > 0) lines.push('', 'Calls to flows not in the set:');
  for (const c of unresolved) lines.push(`  ${c.caller}.${c.element} → ${c.callee}`);
  io.out(terminalText(lines));
  return 0;
}
