/**
 * A repository's flows at one commit, for `flowscope changes --git`: `git ls-tree -r -z` lists the tree, one
 * `git cat-file --batch` reads every flow blob (no checkout, no shell; arguments are never interpreted). Files
 * are named by their path in the repository, so the set reads as a folder would.
 */
import { execFile, spawn } from 'node:child_process';
import { addFlowText, type SetRead } from '../index';

/** Blobs larger than this are skipped with a reason (a flow file is kilobytes, rarely a few megabytes). */
export const GIT_BLOB_LIMIT = 32 * 1024 * 1024;

const FLOW_METADATA = /\.(flow-meta\.xml|flow)$/i;
const TOOLING_JSON = /\.json$/i;

function lsTree(cwd: string, commit: string): Promise<{ path: string; sha: string; size: number }[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['ls-tree', '-r', '-z', '--long', '--full-tree', commit],
      { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(stderr.trim() || error.message));
        const out: { path: string; sha: string; size: number }[] = [];
        for (const line of stdout.split('\0')) {
          // "<mode> blob <sha> <size>\t<path>"
          const tab = line.indexOf('\t');
          if (tab < 0) continue;
          const [, type, sha, size] = line.slice(0, tab).trim().split(/\s+/);
          if (type === 'blob' && sha) out.push({ path: line.slice(tab + 1), sha, size: Number(size) });
        }
        resolve(out);
      },
    );
  });
}

/** The blobs' contents by sha, read through one `git cat-file --batch`. */
function catFiles(cwd: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(stderr.trim() || `git cat-file exited ${code}`));
      const all = Buffer.concat(chunks);
      const blobs = new Map<string, Buffer>();
      let at = 0;
      while (at < all.length) {
        const eol = all.indexOf(10, at);
        if (eol < 0) break;
        const [sha, type, size] = all.subarray(at, eol).toString('utf8').split(' ');
        at = eol + 1;
        if (type === 'missing' || !sha) continue;
        const n = Number(size);
        blobs.set(sha, all.subarray(at, at + n));
        at += n + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(shas.map((s) => `${s}\n`).join(''));
  });
}

/** Whether `path` is under one of `prefixes` (folders or files in the repository; none: everywhere). */
const under = (path: string, prefixes: readonly string[]) =>
  prefixes.length === 0 || prefixes.some((p) => path === p || path.startsWith(`${p.replace(/\/+$/, '')}/`));

/**
 * The flows of the tree at `commit` under `prefixes`: Metadata XML (`*.flow-meta.xml`, `*.flow`) anywhere, and
 * Tooling JSON only under prefixes given (a repository's other JSON files are not flows).
 */
export async function readGitSet(cwd: string, commit: string, prefixes: readonly string[]): Promise<SetRead> {
  const tree = (await lsTree(cwd, commit)).filter(
    (f) =>
      under(f.path, prefixes) && (FLOW_METADATA.test(f.path) || (prefixes.length > 0 && TOOLING_JSON.test(f.path))),
  );
  const read: SetRead = { entries: [], skipped: [] };
  const wanted = tree.filter((f) => {
    if (f.size <= GIT_BLOB_LIMIT) return true;
    read.skipped.push({ file: f.path, reason: `too large (${f.size} bytes, over ${GIT_BLOB_LIMIT})` });
    return false;
  });
  const blobs = await catFiles(cwd, [...new Set(wanted.map((f) => f.sha))]);
  for (const f of wanted) {
    const blob = blobs.get(f.sha);
    if (!blob) read.skipped.push({ file: f.path, reason: 'cannot read it (git cat-file)' });
    else if (blob.includes(0)) read.skipped.push({ file: f.path, reason: 'a binary file' });
    else addFlowText(read, f.path, blob.toString('utf8'));
  }
  return read;
}
