/**
 * `outdated-api-version` is "more than 10 releases behind the newest in the set or the newest known" (issue 15).
 * Before the review's fix the set's newest replaced the newest known, so a flow checked alone was its own
 * yardstick and never outdated: `check Old.flow-meta.xml` at API 40.0 said nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEWEST_API_VERSION } from '../../src/checks/rules';
import { fx, run } from '../cli/helpers';

const dir = mkdtempSync(join(tmpdir(), 'flowscope-review-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (version: number, name: string) => {
  const text = readFileSync(fx('review/Loops_Goto.flow-meta.xml'), 'utf8').replace('61.0', `${version}.0`);
  const file = join(dir, `${name}.flow-meta.xml`);
  writeFileSync(file, text);
  return file;
};

async function outdated(...files: string[]): Promise<string[]> {
  const r = await run('check', ...files, '--json', '--fail-on', 'never');
  const flows = (JSON.parse(r.out) as { flows: { name: string; findings: { rule: string }[] }[] }).flows;
  return flows.filter((f) => f.findings.some((x) => x.rule === 'outdated-api-version')).map((f) => f.name);
}

describe('outdated-api-version', () => {
  it('a flow checked alone is measured against the newest known version', async () => {
    expect(await outdated(at(40, 'Forty'))).toEqual(['Forty']);
    expect(await outdated(at(NEWEST_API_VERSION - 10, 'Ten_Behind'))).toEqual([]);
    expect(await outdated(at(NEWEST_API_VERSION - 11, 'Eleven_Behind'))).toEqual(['Eleven_Behind']);
  });
  it('a set newer than the newest known is the yardstick; an older set is not', async () => {
    const newer = at(NEWEST_API_VERSION + 5, 'Newer');
    const mid = at(NEWEST_API_VERSION - 6, 'Mid');
    expect(await outdated(newer, mid)).toEqual(['Mid']);
    expect(await outdated(mid, at(NEWEST_API_VERSION - 8, 'Old_Set'))).toEqual([]);
  });
});
