/**
 * `flowscope index PATH… [--json]`: a flow set's index (issue 13) — every flow under the paths (files, or
 * folders at any depth: `*.flow-meta.xml`, `*.flow`, Tooling JSON), its type, trigger, size and interface,
 * every subflow call resolved against the set, and every other file skipped with the reason. One process
 * for any number of files.
 */
import { indexSet } from '../index';
import { flowFiles, readFlows } from './files';
import { terminalText } from './terminal';
import { parseArgs, type CliIo } from './run';

export const INDEX_USAGE = [
  '  index PATH… [--json]               a flow set: every flow under the files and folders, its trigger,',
  '                                     size and interface, and every subflow call (others skipped, listed)',
].join('\n');

export async function indexCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, []);
  if (args.positional.length === 0) {
    io.err(`flowscope index: one or more files or folders\n\n${INDEX_USAGE}\n`);
    return 2;
  }
  const found = await flowFiles(args.positional);
  if (!found.ok) {
    io.err(`flowscope index: cannot read ${found.path}: ${found.reason}\n`);
    return 1;
  }
  const { entries, skipped } = await readFlows(found.files, found.links);
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
