/**
 * `diff --json`'s `checks` on every corpus pair against `check --json` of each version: introduced and
 * remaining are exactly the after version's findings; fixed and remaining are the before version's, one for
 * one, except where a rename pairs a before finding with an after one of another name.
 * `pr` lists the introduced findings (its `--ignore` is not on this branch: the noise filters landed on main
 * after it was cut).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fx, run } from '../cli/helpers';
import { CORPUS, corpusPairs } from '../helpers/corpus';

interface F {
  rule: string;
  element: string;
  severity: string;
  message: string;
}
const key = (f: F) => `${f.rule}\u0000${f.element}\u0000${f.message}`;
const sorted = (fs: F[]) => fs.map(key).sort();

async function checkOf(file: string): Promise<F[]> {
  const r = await run('check', file, '--json', '--fail-on', 'never');
  return (JSON.parse(r.out) as { flows: { findings: F[] }[] }).flows[0]?.findings ?? [];
}

describe('diff --json checks over the corpus pairs', () => {
  it('introduced + remaining = the after version; fixed + remaining = the before version, modulo renames', async () => {
    let renamedPairs = 0;
    let introduced = 0;
    let fixed = 0;
    for (const pair of corpusPairs()) {
      const a = join(CORPUS, 'pairs', pair, 'a.flow-meta.xml');
      const b = join(CORPUS, 'pairs', pair, 'b.flow-meta.xml');
      const r = await run('diff', a, b, '--json');
      const diff = JSON.parse(r.out) as {
        checks: { introduced: F[]; fixed: F[]; remaining: F[] };
        nodes: { status: string }[];
        resources: { status: string }[];
      };
      const { checks } = diff;
      const before = await checkOf(a);
      const after = await checkOf(b);
      expect(sorted([...checks.introduced, ...checks.remaining]), pair).toEqual(sorted(after));
      introduced += checks.introduced.length;
      fixed += checks.fixed.length;
      const renames = [...diff.nodes, ...diff.resources].filter((x) => x.status === 'renamed').length;
      if (renames > 0) {
        renamedPairs++;
        // A remaining finding may be named as after names it: count them, not their words.
        expect(checks.fixed.length + checks.remaining.length, pair).toBeLessThanOrEqual(before.length);
        const fixedKeys = new Set(sorted(checks.fixed));
        for (const f of checks.fixed) expect(sorted(before), pair).toContain(key(f));
        expect(fixedKeys.size).toBeLessThanOrEqual(before.length);
      } else {
        // No rename: the same findings by rule and element (a remaining one's message may name a new label).
        const where = (fs: F[]) => fs.map((f) => `${f.rule} ${f.element}`).sort();
        expect(where([...checks.fixed, ...checks.remaining]), pair).toEqual(where(before));
      }
    }
    expect(introduced + fixed).toBeGreaterThan(0);
    console.info(
      `diff checks over ${corpusPairs().length} pairs: ${introduced} introduced, ${fixed} fixed, ${renamedPairs} pairs with renames`,
    );
  }, 180_000);
});

describe('pr', () => {
  it('lists the finding the change introduces in its Checks section', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'flowscope-review-pr-'));
    try {
      const env = { ...process.env, GIT_AUTHOR_NAME: 'r', GIT_AUTHOR_EMAIL: 'r@x' };
      const git = (...args: string[]) =>
        execFileSync('git', args, { cwd: repo, env: { ...env, GIT_COMMITTER_NAME: 'r', GIT_COMMITTER_EMAIL: 'r@x' } });
      git('init', '-q');
      const text = readFileSync(fx('review/Nested_Faults.flow-meta.xml'), 'utf8');
      // Before: Empty_Fault has a fault path; the change empties it.
      const before = text.replace(
        '<faultConnector/>',
        '<faultConnector><targetReference>Sub</targetReference></faultConnector>',
      );
      expect(before).not.toBe(text);
      writeFileSync(join(repo, 'Nested_Faults.flow-meta.xml'), before);
      git('add', '.');
      git('commit', '-qm', 'a');
      writeFileSync(join(repo, 'Nested_Faults.flow-meta.xml'), text);
      git('commit', '-qam', 'b');
      const r = await run('pr', '--base', 'HEAD~1', '--cwd', repo);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const checks = r.out.slice(r.out.indexOf('**Checks**'));
      expect(r.out).toContain('**Checks**');
      expect(checks).toContain('Empty_Fault');
      expect(checks).toMatch(
        /1 new finding:\n\n- ⚠ \*\*No fault path\*\* — Nested: Action Empty Fault \(Empty\\_Fault\)/,
      );
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
