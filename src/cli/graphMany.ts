/**
 * `flowscope graph PATH… [--json]` for many flows in one process (issue 13): files, folders (any depth) and
 * zips, read as `index` reads them (files.ts). With `--json`, one JSON array of `{file, name, ...graph, interface}`;
 * without, each flow's summary under its file name. Files in folders or zips that are not flow files are
 * passed over (a JSON file there that is no flow, like sfdx-project.json, with a note); a named file that is not one, a flow file that does not parse, or a path that cannot be read
 * is reported on stderr and the command exits 1 (after printing the flows it could read).
 */
import { buildGraph, indexFlow, NOT_A_FLOW, processTypeName, type SetSkip } from '../index';
import { FOLDER_LINK, flowFiles, readFlows } from './files';
import type { CliIo } from './run';

export async function graphManyCommand(
  paths: readonly string[],
  json: boolean,
  io: CliIo,
  summary: (g: ReturnType<typeof buildGraph>, typeName: string | undefined) => string,
): Promise<number> {
  const found = await flowFiles(paths);
  if (!found.ok) {
    io.err(`flowscope graph: cannot read ${found.path}: ${found.reason}\n`);
    return 1;
  }
  const { entries, skipped } = await readFlows(found.files, found.links);
  const named = new Set(paths);
  // A JSON file found in a folder is often no flow at all (sfdx-project.json): noted, not an error.
  // So is a link to a folder (files.ts does not follow those).
  const passedOver = (s: SetSkip) =>
    !named.has(s.file) && (s.reason === NOT_A_FLOW || s.reason === FOLDER_LINK || /\.json$/i.test(s.file));
  const problems = skipped.filter((s) => !passedOver(s));
  const notes = skipped.filter((s) => passedOver(s) && s.reason !== NOT_A_FLOW);
  const graphs = entries.map((e) => ({ entry: e, graph: buildGraph(e.doc) }));
  if (json)
    io.out(
      `${JSON.stringify(
        graphs.map(({ entry, graph }) => ({
          file: entry.file,
          name: entry.name,
          ...graph,
          interface: indexFlow(entry.doc, entry.file, entry.name).interface,
        })),
        null,
        2,
      )}\n`,
    );
  else
    io.out(
      graphs.map(({ entry, graph }) => `== ${entry.file}\n${summary(graph, processTypeName(entry.doc))}`).join('\n'),
    );
  for (const n of notes) io.err(`note: ${n.file} passed over: ${n.reason}\n`);
  for (const p of problems) io.err(`flowscope graph: ${p.file}: ${p.reason}\n`);
  return problems.length > 0 ? 1 : 0;
}
