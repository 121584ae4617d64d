import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietFlowXml } from '../model/diff/quietFlow';
import { run } from './helpers';

/** Every output of `diff --ignore` says what it left out (issue 15): --json's `ignored`, a line in --md. */
const dir = mkdtempSync(join(tmpdir(), 'flowscope-ignore-said-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const before = join(dir, 'before.flow-meta.xml');
const after = join(dir, 'after.flow-meta.xml');
writeFileSync(before, quietFlowXml());
writeFileSync(after, quietFlowXml({ decisionDescription: 'Reworded', step: '2.0', apiVersion: '62.0' }));

describe('diff --ignore says what it left out', () => {
  it('--json: a top-level ignored list, in the kinds’ order, only when --ignore is given', async () => {
    const quiet = JSON.parse((await run('diff', before, after, '--json', '--ignore', 'api-version,description')).out);
    expect(quiet.ignored).toEqual(['description', 'api-version']);
    expect(quiet.checks).toBeDefined();
    const plain = JSON.parse((await run('diff', before, after, '--json')).out);
    expect('ignored' in plain).toBe(false);
  });

  it('--md: one line right under the heading, none without --ignore', async () => {
    const md = (await run('diff', before, after, '--md', '--ignore', 'label,description')).out;
    const lines = md.split('\n');
    const h = lines.findIndex((l) => l.startsWith('#### '));
    expect(h).toBeGreaterThanOrEqual(0);
    expect(lines.slice(h + 1).find((l) => l.trim() !== '')).toBe(
      '_Not shown (--ignore): changes only in description, label._',
    );
    expect((await run('diff', before, after, '--md')).out).not.toContain('Not shown');
  });
});
