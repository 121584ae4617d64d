/**
 * The repository's check settings for `check`, `diff` and `pr`: `--config FILE`, else the nearest
 * `.flowscope.json` from the folder the command runs in up to the repository's root (the folder holding `.git`),
 * read with `readChecksConfig`. No file means the rules' defaults; a bad one is an error naming the file and
 * what is wrong in it.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { type ChecksConfig, readChecksConfig } from '../index';

export const CONFIG_FILE = '.flowscope.json';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The repository's root above `from` (the nearest folder holding `.git`), if any. */
export async function repositoryRoot(from: string): Promise<string | undefined> {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (await exists(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The nearest `.flowscope.json` from `from` up to the repository root (or the file system's root). */
async function nearestConfig(from: string): Promise<string | undefined> {
  const root = await repositoryRoot(from);
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (await exists(file)) return file;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

export type ConfigRead = { ok: true; config?: ChecksConfig; file?: string } | { ok: false; error: string };

/** Reads `--config FILE` (which must exist) or the nearest `.flowscope.json` from `cwd`. */
export async function loadChecksConfig(cwd: string, explicit?: string): Promise<ConfigRead> {
  const file = explicit !== undefined ? resolve(cwd, explicit) : await nearestConfig(cwd);
  if (file === undefined) return { ok: true };
  const shown = relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, error: `cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  const read = readChecksConfig(text);
  return read.ok ? { ok: true, config: read.config, file: shown } : { ok: false, error: `${shown}: ${read.error}` };
}
