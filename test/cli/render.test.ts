import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { corpusPairs, CORPUS } from '../helpers/corpus';
import { fx, run } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'flowscope-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flowscope render', () => {
  it('writes one flow as SVG with -o, with the trigger on Start and the label as title', async () => {
    const out = join(dir, 'one.svg');
    const r = await run('render', fx('Opportunity_Review.flow-meta.xml'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote .*one\.svg/);
    const svg = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<title>Opportunity &lt;Review&gt;\nsecond line</title>');
    expect(svg).toContain('<title>Check Amount &amp; Stage (Decision)</title>');
    expect(svg).toContain('>Opportunity · A record is'); // Start's trigger line
  });

  it('prints the diff of two versions to stdout: statuses and a legend', async () => {
    const pair = corpusPairs()[0] as string;
    const r = await run(
      'render',
      join(CORPUS, 'pairs', pair, 'a.flow-meta.xml'),
      join(CORPUS, 'pairs', pair, 'b.flow-meta.xml'),
      '--title',
      'Before → after',
    );
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.out)).toBe(true);
    expect(r.out).toContain('class="legend"');
    expect(r.out).toContain('>Before → after</text>');
    expect(r.out).toMatch(/[+−~↻] (Added|Removed|Changed|Renamed)/);
  });

  it('says what is wrong with bad input', async () => {
    expect((await run('render')).code).toBe(2);
    const missing = await run('render', join(dir, 'nope.flow-meta.xml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*ENOENT/);
  });
});
