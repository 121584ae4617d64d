import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, ZipRefused } from '../../src/sets/zip';

const flow = (label: string) =>
  `<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>${label}</label></Flow>`;

describe('reading a zip of flows', () => {
  it('inflates the flow files at any depth and lists the rest, refusing entry names that climb out', () => {
    const bytes = zipSync({
      'unpackaged/flows/A.flow-meta.xml': strToU8(flow('A')),
      'unpackaged/flows/deep/B.flow': strToU8(flow('B')),
      'unpackaged/package.xml': strToU8('<Package/>'),
      '../evil.flow-meta.xml': strToU8(flow('evil')),
      '/abs/C.flow-meta.xml': strToU8(flow('C')),
    });
    const r = readZip(bytes, 'package.zip');
    expect(r.files.map((f) => f.name).sort()).toEqual([
      'package.zip/unpackaged/flows/A.flow-meta.xml',
      'package.zip/unpackaged/flows/deep/B.flow',
    ]);
    expect(r.files[0]?.text).toContain('<label>');
    const reasons = new Map(r.skipped.map((s) => [s.file, s.reason]));
    expect(reasons.get('package.zip/unpackaged/package.xml')).toBe('not a flow file');
    expect(reasons.get('package.zip/../evil.flow-meta.xml')).toMatch(/outside the archive/);
    expect(reasons.get('package.zip//abs/C.flow-meta.xml')).toMatch(/outside the archive/);
  });

  it('refuses a zip bomb quickly, before inflating it', () => {
    // 20 MB of zeros compress to about 20 KB; the declared size gives it away (caps scaled down 40×).
    const bomb = zipSync({ 'f/Bomb.flow-meta.xml': new Uint8Array(20 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const limits = { compressed: 50 * 2 ** 20, uncompressed: 5 * 2 ** 20, entries: 20_000 };
    const t0 = performance.now();
    expect(() => readZip(bomb, 'bomb.zip', limits)).toThrow(ZipRefused);
    expect(() => readZip(bomb, 'bomb.zip', limits)).toThrow(/unpacks to more than 5 MB/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses too many entries, too big an archive, and what is not a zip', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, strToU8('x')])));
    expect(() => readZip(many, 'many.zip', { compressed: 1e9, uncompressed: 1e9, entries: 20 })).toThrow(
      /more than 20 entries/,
    );
    expect(() => readZip(many, 'many.zip', { compressed: 100, uncompressed: 1e9, entries: 1e6 })).toThrow(/up to/);
    expect(() => readZip(strToU8('not a zip at all'), 'x.zip')).toThrow(/not a readable zip/);
  });
});
