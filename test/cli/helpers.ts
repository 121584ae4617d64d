import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { quietFlowXml } from '../model/diff/quietFlow';

export async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

export const fx = (name: string) => join(__dirname, '../fixtures', name);

/** A throwaway git repository for `pr` and `changes --git`: `git(...)` runs in it, `put` writes a file there. */
export function scratchRepo(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8' },
    ).trim();
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  return { dir, git, put, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A repository whose `feature` branch only rewords a decision's description (noise) against `main`. */
export function rewordedRepo(prefix: string) {
  const repo = scratchRepo(prefix);
  repo.git('init', '-q', '-b', 'main');
  repo.put('Quiet.flow-meta.xml', quietFlowXml());
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'base');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.put('Quiet.flow-meta.xml', quietFlowXml({ decisionDescription: 'Reworded' }));
  repo.git('commit', '-q', '-am', 'reword');
  return repo;
}
