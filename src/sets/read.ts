/**
 * Texts → a set's flows (issue 13): the one code path the CLI (`index`, `render --out`, `graph` of many files)
 * and the set worker read files with. Each text is parsed once; a file that is not a flow file is skipped as
 * "not a flow file", one that does not parse with the parser's message.
 */
import { parseFlow } from '../model/parse/index';
import { flowNameOfFile, isFlowFileName, type SetSkip } from '../model/set';
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
  const name = parsed.origin.format === 'xml' ? flowNameOfFile(file) : parsed.doc.name;
  return { entry: { file, name, doc: parsed.doc, text } };
}

/** Adds one file's flow (or its skip) to `into`. */
export function addFlowText(into: SetRead, file: string, text: string): void {
  const r = readFlowText(file, text);
  if ('entry' in r) into.entries.push(r.entry);
  else into.skipped.push(r.skip);
}

/** Many texts read at once. */
export function readFlowTexts(files: readonly { file: string; text: string }[]): SetRead {
  const into: SetRead = { entries: [], skipped: [] };
  for (const f of files) addFlowText(into, f.file, f.text);
  return into;
}
