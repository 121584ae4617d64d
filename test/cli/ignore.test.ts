import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietFlowXml } from '../model/diff/quietFlow';
import { rewordedRepo, run } from './helpers';

/** `--ignore` on `diff` and `pr` (issue 15): a decision changed only in its description, an assignment for real. */
const dir = mkdtempSync(join(tmpdir(), 'flowscope-ignore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const before = join(dir, 'before.flow-meta.xml');
const after = join(dir, 'after.flow-meta.xml');
writeFileSync(before, quietFlowXml());
writeFileSync(after, quietFlowXml({ decisionDescription: 'Reworded', step: '2.0', apiVersion: '62.0' }));
const changedIds = (json: string) =>
  (JSON.parse(json) as { nodes: { id: string; status: string }[] }).nodes
    .filter((n) => n.status !== 'unchanged')
    .map((n) => n.id);

describe('diff --ignore', () => {
  it('hides what it names in --json, --md and the summary', async () => {
    expect(changedIds((await run('diff', before, after, '--json')).out).sort()).toEqual(['Add_One', 'Is_Big']);
    const quiet = await run('diff', before, after, '--json', '--ignore', 'description,api-version');
    expect(quiet.code).toBe(0);
    expect(changedIds(quiet.out)).toEqual(['Add_One']);
    expect(JSON.parse(quiet.out).properties).toEqual([]);
    const md = await run('diff', before, after, '--md', '--ignore=description');
    expect(md.out).toContain('Add One');
    expect(md.out).not.toContain('Is Big');
    const text = await run('diff', before, after, '--ignore', 'description');
    expect(text.out).toContain('Elements:   0 added, 0 removed, 1 changed');
    expect(text.out).toContain('Not shown (--ignore): changes only in description.');
  });

  it('an unknown kind, or no list, is a usage error (2)', async () => {
    const bad = await run('diff', before, after, '--ignore', 'description,whitespace');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--ignore: unknown kind "whitespace"');
    expect(bad.err).toContain('--ignore description,label,api-version,canvas-mode,namespace');
    expect((await run('diff', before, after, '--ignore')).code).toBe(2);
  });
});

describe('pr --ignore', () => {
  const scratch = rewordedRepo('flowscope-ignore-pr-');
  const repo = scratch.dir;
  afterAll(scratch.remove);

  it("hides the noise in the comment and carries it in the flow's link", async () => {
    const site = 'https://acme.example/flowscope/';
    const plain = await run('pr', '--cwd', repo, '--base', 'main', '--head', 'feature', '--site', site);
    expect(plain.out).toContain('+0 −0 ~1');
    const quiet = await run(
      'pr',
      '--cwd',
      repo,
      '--base',
      'main',
      '--head',
      'feature',
      '--site',
      site,
      '--ignore',
      'description',
    );
    expect(quiet.code).toBe(0);
    expect(quiet.out).toContain('+0 −0 ~0');
    expect(quiet.out).toMatch(/#\/diff\?v=1[^)\s]*&ignore=description/);
    expect(quiet.out).toContain('> Not shown \\(--ignore\\): changes only in description.');
  });

  it('an unknown kind is a usage error (2)', async () => {
    const bad = await run('pr', '--cwd', repo, '--base', 'main', '--ignore', 'bogus');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown kind "bogus"');
  });
});
