/**
 * The flows under a command's paths (issue 13), shared by `index` and `render --out DIR`: files as given,
 * folders walked at any depth (sorted; `.git` and `node_modules` ignored), zips opened (zip.ts), each file
 * read and parsed once, every other file skipped with the reason.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  addFlowText,
  isFlowFileName,
  isZipName,
  NOT_A_FLOW,
  readZip,
  type SetEntry,
  type SetRead,
  type SetSkip,
  ZipRefused,
} from '../index';

/** Folders never part of a project's flows (a repository's own database, installed packages). */
const IGNORED_DIRS = new Set(['.git', 'node_modules']);

/** Why a link to a folder inside a walked folder is not read (`graph` passes over it, with a note). */
export const FOLDER_LINK = 'a link to a folder (not followed)';

/** What a walk finds: the files to read, and links it does not follow (listed as skipped, never dropped). */
interface Found {
  files: string[];
  links: SetSkip[];
}

async function walk(path: string, found: Found): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(path, e.name);
    if (e.isDirectory()) {
      if (!IGNORED_DIRS.has(e.name)) await walk(full, found);
    } else if (e.isFile()) found.files.push(full);
    else if (e.isSymbolicLink()) await followLink(full, found);
  }
}

/**
 * A link to a file is read as that file (under the link's path); a link to a folder is not followed (it may
 * lead back up the tree, or into a folder read already) and a broken link cannot be read: both are listed.
 */
async function followLink(full: string, found: Found): Promise<void> {
  const target = await stat(full).catch(() => undefined);
  if (target?.isFile()) found.files.push(full);
  else if (target?.isDirectory()) found.links.push({ file: full, reason: FOLDER_LINK });
  else found.links.push({ file: full, reason: 'a broken link (its target does not exist)' });
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/** Every file under the paths; a path that cannot be read is an error (the command exits 1). */
export async function flowFiles(
  paths: readonly string[],
): Promise<{ ok: true; files: string[]; links: SetSkip[] } | { ok: false; path: string; reason: string }> {
  const found: Found = { files: [], links: [] };
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) await walk(path, found);
      else found.files.push(path);
    } catch (e) {
      return { ok: false, path, reason: code(e) };
    }
  }
  return { ok: true, ...found };
}

/** A flow read from the paths (sets/read.ts): where from, its API name, the parsed flow and its text. */
export type FlowEntry = SetEntry;

/**
 * Reads and parses each file (sets/read.ts): the flows, and every other file skipped with the reason (after
 * the links the walk did not follow, `flowFiles`' `links`).
 */
export async function readFlows(files: readonly string[], links: readonly SetSkip[] = []): Promise<SetRead> {
  const cwd = process.cwd();
  const shown = (f: string) => {
    const r = relative(cwd, f);
    return r && !r.startsWith('..') ? r : f;
  };
  const read: SetRead = { entries: [], skipped: links.map((l) => ({ file: shown(l.file), reason: l.reason })) };
  for (const f of files) {
    const file = shown(f);
    if (isZipName(f)) {
      // A retrieved package.zip or a repository download: its flow files, under the zip's name.
      try {
        const zip = readZip(new Uint8Array(await readFile(f)), file);
        read.skipped.push(...zip.skipped);
        for (const z of zip.files) addFlowText(read, z.name, z.text);
      } catch (e) {
        read.skipped.push({ file, reason: e instanceof ZipRefused ? e.message : `cannot read it (${code(e)})` });
      }
      continue;
    }
    if (!isFlowFileName(f)) {
      read.skipped.push({ file, reason: NOT_A_FLOW });
      continue;
    }
    let text: string;
    try {
      text = await readFile(f, 'utf8');
    } catch (e) {
      read.skipped.push({ file, reason: `cannot read it (${code(e)})` });
      continue;
    }
    addFlowText(read, file, text);
  }
  return read;
}
