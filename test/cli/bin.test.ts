import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

describe('the flowscope command', () => {
  it('reads paths from where the caller ran npm (INIT_CWD), not the package folder', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/flowscope.mjs'), 'graph', 'Opportunity_Review.flow-meta.xml', '--json'],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: join(ROOT, 'test/fixtures') }, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { flow: { name: string } }).flow.name).toBe('Opportunity_Review');
  });
});
