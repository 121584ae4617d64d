/**
 * Texts → a set's flows (issue 13): the one code path the CLI (`index`, `render --out`, `graph` of many files)
 * and the set worker read files with. Each text is parsed once; a file that is not a flow file is skipped as
 * "not a flow file", one that does not parse with the parser's message.
 */
import { parseFlow } from '../model/parse/index';
import { jsonShape, readJson } from '../model/parse/json';
import { formatOf } from '../model/parse/read';
import { flowNameOfFile, isFlowFileName, type SetSkip, withoutVersion } from '../model/set';
import type { FlowDoc } from '../model/types';

export interface SetEntry {
  /** Where it was read from, as shown (a path, or `archive.zip/path/inside`). */
  file: string;
  /** The API name: the file's name for Metadata XML (where Salesforce keeps it), the record's FullName else. */
  name: string;
  doc: FlowDoc;
  /** The file's text as read (the page opens it, a share link carries it). */
  text: string;
}

export interface SetRead {
  entries: SetEntry[];
  skipped: SetSkip[];
}

export const NOT_A_FLOW = 'not a flow file';

/** Whether a path names a zip (a retrieved `package.zip`, a repository download): its flow files are read. */
export const isZipName = (file: string): boolean => /\.zip$/i.test(file);

/** One file's text: its flow, or why it was skipped. The file's name says whether it is a flow file at all. */
export function readFlowText(file: string, text: string): { entry: SetEntry } | { skip: SetSkip } {
  if (!isFlowFileName(file)) return { skip: { file, reason: NOT_A_FLOW } };
  const parsed = parseFlow(text, { fileName: file });
  if (!parsed.ok) return { skip: { file, reason: parsed.error.message } };
  // Metadata XML keeps the API name in the file's name; a Tooling record says it (FullName).
  // A record the API returned (it has an Id or a version number) may name the version in its FullName; a payload
  // of our own (a share link's `{FullName, Metadata}`) keeps the name it was given.
  const o = parsed.origin;
  const fromApi = o.recordId !== undefined || o.versionNumber !== undefined;
  const name = o.format === 'xml' ? flowNameOfFile(file) : fromApi ? withoutVersion(parsed.doc.name) : parsed.doc.name;
  return { entry: { file, name, doc: parsed.doc, text } };
}

/** Adds one file's flow (or its skip) to `into`; every flow of a Tooling query result that holds several. */
export function addFlowText(into: SetRead, file: string, text: string): void {
  const r = readFlowText(file, text);
  if ('skip' in r) {
    into.skipped.push(r.skip);
    return;
  }
  into.entries.push(r.entry);
  if (formatOf(r.entry.text) === 'json') addOtherRecords(into, r.entry);
}

/**
 * The records after the first of a query result: each flow is listed (as its own record's text, so the page
 * opens it and not the file's first); another version of a flow already read from the file is skipped, said.
 */
function addOtherRecords(into: SetRead, first: SetEntry): void {
  const json = readJson(first.text);
  if (!json.ok) return;
  const all = jsonShape(json.value, 0);
  if (!all.ok || !all.records) return;
  const ownText = (shape: typeof all & { ok: true }) =>
    JSON.stringify({
      ...(shape.fullName ? { FullName: shape.fullName } : {}),
      ...(shape.recordId ? { Id: shape.recordId } : {}),
      ...(shape.versionNumber ? { VersionNumber: shape.versionNumber } : {}),
      Metadata: shape.metadata,
    });
  first.text = ownText(all);
  const seen = new Set([first.name]);
  for (const choice of all.records.slice(1)) {
    const shape = jsonShape(json.value, choice.index);
    if (!shape.ok) {
      into.skipped.push({ file: first.file, reason: `${choice.name}: ${shape.error.message}` });
      continue;
    }
    const r = readFlowText(first.file, ownText(shape));
    if ('skip' in r) into.skipped.push(r.skip);
    else if (seen.has(r.entry.name)) {
      const version = choice.versionNumber ? ` (version ${choice.versionNumber})` : '';
      into.skipped.push({ file: first.file, reason: `another version of ${r.entry.name}${version}: one is read` });
    } else {
      seen.add(r.entry.name);
      into.entries.push(r.entry);
    }
  }
}

/** Many texts read at once. */
export function readFlowTexts(files: readonly { file: string; text: string }[]): SetRead {
  const into: SetRead = { entries: [], skipped: [] };
  for (const f of files) addFlowText(into, f.file, f.text);
  return into;
}
