import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, scratchRepo } from './helpers';

const fx = (rule: string, name: string) =>
  readFileSync(join(__dirname, '../fixtures/checks', rule, `${name}.flow-meta.xml`), 'utf8');
const { dir: repo, git, put } = scratchRepo('flowscope-check-pr-');
const FLOWS = 'force-app/main/default/flows';

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  // The base: DML after the loop (no finding), a flow whose query in a loop the branch fixes.
  put(`${FLOWS}/Contact_Review.flow-meta.xml`, fx('dml-in-loop', 'after'));
  put(`${FLOWS}/Case_Sweep.flow-meta.xml`, fx('soql-in-loop', 'before'));
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'feature');
  put(`${FLOWS}/Contact_Review.flow-meta.xml`, fx('dml-in-loop', 'before'));
  put(`${FLOWS}/Case_Sweep.flow-meta.xml`, fx('soql-in-loop', 'after'));
  put(`${FLOWS}/New_Query.flow-meta.xml`, fx('soql-in-loop', 'with'));
  git('add', '.');
  git('commit', '-q', '-m', 'feature');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the review checks in flowscope pr', () => {
  it('lists the new findings, each with its flow, before the table of flows, then the fixed count', async () => {
    const r = await run('pr', '--base', 'main', '--cwd', repo);
    expect(r.code).toBe(0);
    const checks = r.out.indexOf('**Checks**');
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThan(r.out.indexOf('| Flow | Change |'));
    const section = r.out.slice(checks, r.out.indexOf('| Flow | Change |'));
    expect(section).toMatch(/2 new findings:/);
    expect(section).toMatch(
      /- ✖ \*\*DML statement in a loop\*\* — Contact review .*: .*Update Contact \(Update\\_Contact\)/,
    );
    // An added flow's findings are all new.
    expect(section).toMatch(/- ✖ \*\*Query in a loop\*\* — .*Get Cases \(Get\\_Cases\)/);
    expect(section).toMatch(/_1 finding fixed/);
  });

  it("takes its rules from the repository's .flowscope.json", async () => {
    writeFileSync(join(repo, '.flowscope.json'), '{"checks": {"rules": {"soql-in-loop": "off"}}}');
    try {
      const r = await run('pr', '--base', 'main', '--cwd', repo);
      expect(r.out).toMatch(/1 new finding:/);
      expect(r.out).not.toMatch(/Query in a loop/);
      writeFileSync(join(repo, '.flowscope.json'), '{"checks": {"rules": {"soql-in-loop": "shout"}}}');
      const bad = await run('pr', '--base', 'main', '--cwd', repo);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/\.flowscope\.json: .*soql-in-loop/);
    } finally {
      rmSync(join(repo, '.flowscope.json'));
    }
  });
});
