/**
 * A dropped folder's files (issue 13): the drop's entries walked to the bottom, each file with its path
 * inside what was dropped. Loaded only when a folder is dropped.
 */
import type { AppState, SetOpenInput } from '../../state/types';

/** The parts of the File and Directory Entries API a drop gives (FileSystemEntry and its kinds). */
export interface DropEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}
interface FileEntry extends DropEntry {
  file(ok: (f: File) => void, fail?: (e: unknown) => void): void;
}
interface DirectoryEntry extends DropEntry {
  createReader(): { readEntries(ok: (entries: DropEntry[]) => void, fail?: (e: unknown) => void): void };
}

/** A folder holding more files than this is refused rather than read for minutes (the set's own cap is lower). */
const MAX_FILES = 50_000;

const fileOf = (entry: FileEntry) => new Promise<File>((ok, fail) => entry.file(ok, fail));

/** Every entry of a directory: readEntries answers in batches (100 in Chromium) until one comes back empty. */
async function entriesOf(dir: DirectoryEntry): Promise<DropEntry[]> {
  const reader = dir.createReader();
  const all: DropEntry[] = [];
  for (;;) {
    const batch = await new Promise<DropEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** The files under the dropped entries, each with its path from the dropped item down ("flows/A.flow-meta.xml"). */
export async function droppedFiles(entries: readonly DropEntry[]): Promise<{ path: string; file: File }[]> {
  const out: { path: string; file: File }[] = [];
  const walk = async (entry: DropEntry, path: string): Promise<void> => {
    if (out.length >= MAX_FILES)
      throw new Error(`The folder holds more than ${MAX_FILES.toLocaleString('en-US')} files.`);
    if (entry.isFile) out.push({ path, file: await fileOf(entry as FileEntry) });
    else if (entry.isDirectory)
      for (const child of await entriesOf(entry as DirectoryEntry)) await walk(child, `${path}/${child.name}`);
  };
  for (const entry of entries) await walk(entry, entry.name);
  return out;
}

/**
 * What a drop of folders (and files) opens: one folder by its name, several items as "N dropped items". A
 * browser without entries (no webkitGetAsEntry) gives the dropped files alone.
 */
export async function dropInput(entries: readonly DropEntry[], files: readonly File[] = []): Promise<SetOpenInput> {
  if (entries.length === 0)
    return {
      kind: 'folder',
      name: `${files.length} dropped files`,
      files: files.map((file) => ({ path: file.name, file })),
    };
  const only = entries.length === 1 ? entries[0] : undefined;
  const name = only?.isDirectory ? only.name : `${entries.length} dropped items`;
  return { kind: 'folder', name, files: await droppedFiles(entries) };
}

/** Opens a drop as a set; a folder that cannot be read becomes the page's error. */
export async function openDropped(
  app: Pick<AppState, 'openSet' | 'reportError'>,
  entries: readonly DropEntry[],
  files: readonly File[],
): Promise<boolean> {
  let input: SetOpenInput;
  try {
    input = await dropInput(entries, files);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    app.reportError({ message, hint: 'Drop a smaller folder, or open its flows folder.', source: dropped(entries) });
    return false;
  }
  return app.openSet(input);
}

const dropped = (entries: readonly DropEntry[]) => ({
  kind: 'file' as const,
  name: entries.length === 1 ? (entries[0] as DropEntry).name : 'the dropped folder',
});
