/** The few git plumbing calls `flowscope pr` needs, run without a shell (arguments are never interpreted). */
import { execFile } from 'node:child_process';

export interface ChangedFile {
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  /** Path in the base version (absent when added). */
  before?: string;
  /** Path in the head version (absent when deleted). */
  after?: string;
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout);
    });
  });
}

/**
 * A ref → its commit id; undefined when it names no commit. `--end-of-options`: a ref like "--output=x" stays a
 * ref.
 */
export async function commitOf(cwd: string, ref: string): Promise<string | undefined> {
  try {
    return (
      (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** Where a PR's changes start: the merge base of base and head (what GitHub's PR diff compares), else base. */
export async function mergeBase(cwd: string, base: string, head: string): Promise<string> {
  try {
    return (await git(cwd, ['merge-base', base, head])).trim() || base;
  } catch {
    return base;
  }
}

/** `git diff --name-status` between two commits over the pathspecs, renames detected. */
export async function changedFiles(cwd: string, from: string, to: string, pathspecs: string[]): Promise<ChangedFile[]> {
  const out = await git(cwd, [
    'diff',
    '--name-status',
    '-z',
    '--find-renames',
    '--no-ext-diff',
    from,
    to,
    '--',
    ...pathspecs,
  ]);
  const parts = out.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < parts.length; ) {
    const code = (parts[i++] as string).charAt(0);
    if (code === 'R' || code === 'C') {
      const before = parts[i++] as string;
      const after = parts[i++] as string;
      files.push(code === 'R' ? { status: 'renamed', before, after } : { status: 'added', after });
    } else {
      const path = parts[i++] as string;
      if (code === 'A') files.push({ status: 'added', after: path });
      else if (code === 'D') files.push({ status: 'deleted', before: path });
      else if (code === 'M' || code === 'T') files.push({ status: 'modified', before: path, after: path });
    }
  }
  return files;
}

/** A file's text at a commit. */
export function fileAt(cwd: string, commit: string, path: string): Promise<string> {
  return git(cwd, ['cat-file', 'blob', `${commit}:${path}`]);
}
