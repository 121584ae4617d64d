import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChecksConfig } from '../../src/cli/checkConfig';
import { run } from './helpers';

const fx = (rule: string, name: string) => join(__dirname, '../fixtures/checks', rule, `${name}.flow-meta.xml`);
const root = mkdtempSync(join(tmpdir(), 'flowscope-check-diff-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Checks {
  introduced: { rule: string; element: string; severity: string; message: string; node?: string }[];
  fixed: { rule: string; element: string }[];
  remaining: { rule: string; element: string }[];
}

describe('the review checks in diff', () => {
  it('--json: a change that puts DML in a loop introduces the finding; the reverse change fixes it', async () => {
    const broke = JSON.parse((await run('diff', fx('dml-in-loop', 'after'), fx('dml-in-loop', 'before'), '--json')).out)
      .checks as Checks;
    expect(broke.introduced).toEqual([
      expect.objectContaining({
        rule: 'dml-in-loop',
        element: 'Update_Contact',
        severity: 'error',
        node: 'Update_Contact',
      }),
    ]);
    expect(Object.keys(broke.introduced[0] ?? {})).toEqual(['rule', 'element', 'severity', 'message', 'node']);
    expect(broke.introduced[0]?.message).toMatch(/Update Contact \(Update_Contact\)/);
    expect(broke.fixed.map((f) => f.rule)).not.toContain('dml-in-loop');
    const fixed = JSON.parse((await run('diff', fx('dml-in-loop', 'before'), fx('dml-in-loop', 'after'), '--json')).out)
      .checks as Checks;
    expect(fixed.introduced.map((f) => f.rule)).not.toContain('dml-in-loop');
    expect(fixed.fixed).toEqual([expect.objectContaining({ rule: 'dml-in-loop', element: 'Update_Contact' })]);
    const same = JSON.parse((await run('diff', fx('dml-in-loop', 'before'), fx('dml-in-loop', 'with'), '--json')).out)
      .checks as Checks;
    expect(same.introduced).toEqual([]);
    expect(same.remaining.map((f) => f.rule)).toContain('dml-in-loop');
  });

  it('--md: a Checks section with the new findings comes before the changes, then the fixed count', async () => {
    const md = (await run('diff', fx('dml-in-loop', 'after'), fx('dml-in-loop', 'before'), '--md')).out;
    const checks = md.indexOf('**Checks**');
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThan(md.indexOf('**Elements**'));
    expect(md).toMatch(/1 new finding:\n\n- ✖ \*\*DML statement in a loop\*\* — .*Update Contact \(Update\\_Contact\)/);
    const back = (await run('diff', fx('dml-in-loop', 'before'), fx('dml-in-loop', 'after'), '--md')).out;
    expect(back).toMatch(/No new findings\.\n\n_1 finding fixed/);
  });

  it('the terminal summary says the counts and each new finding', async () => {
    const r = await run('diff', fx('soql-in-loop', 'after'), fx('soql-in-loop', 'before'));
    expect(r.out).toMatch(/^Checks: 1 new, 0 fixed, \d+ remaining\n {2}new error soql-in-loop: .*Get Cases/m);
  });
});

describe('the review checks in changes --json', () => {
  it('each changed flow has its checks; an added flow all its findings as new; an unchanged one none', async () => {
    const base = join(root, 'base');
    const head = join(root, 'head');
    mkdirSync(base);
    mkdirSync(head);
    const copy = (dir: string, name: string, from: string) =>
      writeFileSync(join(dir, `${name}.flow-meta.xml`), readFileSync(from));
    copy(base, 'Contact_Review', fx('dml-in-loop', 'after'));
    copy(head, 'Contact_Review', fx('dml-in-loop', 'before'));
    copy(base, 'Same', fx('missing-fault-path', 'with'));
    copy(head, 'Same', fx('missing-fault-path', 'with'));
    copy(head, 'Added', fx('soql-in-loop', 'with'));
    const r = await run('changes', base, head, '--json', '--all');
    const flows = JSON.parse(r.out).flows as { name: string; status: string; checks?: Checks }[];
    const by = new Map(flows.map((f) => [f.name, f]));
    expect(by.get('Contact_Review')?.checks?.introduced.map((f) => f.rule)).toEqual(['dml-in-loop']);
    expect(by.get('Added')?.checks?.introduced.map((f) => f.rule)).toContain('soql-in-loop');
    expect(by.get('Same')?.status).toBe('unchanged');
    expect(by.get('Same')?.checks).toBeUndefined();
  });
});

describe('.flowscope.json', () => {
  it('is found from the folder a command runs in up to the repository root, and not above it', async () => {
    const repo = join(root, 'repo');
    const deep = join(repo, 'force-app', 'main');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(deep, { recursive: true });
    // Above the repository: never read.
    writeFileSync(join(root, '.flowscope.json'), '{"checks": {"rules": {"dml-in-loop": "off"}}}');
    expect(await loadChecksConfig(deep)).toEqual({ ok: true });
    writeFileSync(join(repo, '.flowscope.json'), '{"checks": {"rules": {"soql-in-loop": "warning"}}}');
    const found = await loadChecksConfig(deep);
    expect(found.ok && found.file).toBe(join('..', '..', '.flowscope.json'));
    expect(found.ok && found.config?.rules.get('soql-in-loop')).toEqual({ enabled: true, severity: 'warning' });
    // A nearer one wins; a bad one is an error naming the file and the problem.
    writeFileSync(join(deep, '.flowscope.json'), '{"checks": {"rules": {"soql-in-loop": "loud"}}}');
    const bad = await loadChecksConfig(deep);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^\.flowscope\.json: .*soql-in-loop.*"loud"/);
  });
});
