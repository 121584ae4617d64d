import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFlow as parseBoth } from '../../../src/model/parse/index';
import { formatOf } from '../../../src/model/parse/read';

/**
 * The app's parser loads each format's reader on first use (src/model/parse/onDemand.ts). The app's build
 * turns that on; here it is turned on by hand, with a fresh copy of the modules for each test.
 */
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures', name), 'utf8');
const xml = fixture('Opportunity_Review.flow-meta.xml');
const json = fixture('Opportunity_Review.tooling.json');

async function onDemand() {
  vi.resetModules();
  vi.stubEnv('FLOWSCOPE_READERS_ON_DEMAND', 'true');
  return import('../../../src/model/parse/onDemand');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock('../../../src/model/parse/fromXml');
  vi.resetModules();
});

describe('the readers, loaded on first use', () => {
  it('reads a format once its reader is loaded, exactly as the parser with both readers does', async () => {
    const p = await onDemand();
    expect(p.readerLoaded(xml)).toBe(false);
    expect(p.readerLoaded(json)).toBe(false);
    await p.ensureReader(xml);
    expect(p.readerLoaded(xml)).toBe(true);
    expect(p.readerLoaded(json)).toBe(false); // only the format asked for
    expect(p.parseFlow(xml, { fileName: 'Opportunity_Review.flow-meta.xml' })).toEqual(
      parseBoth(xml, { fileName: 'Opportunity_Review.flow-meta.xml' }),
    );
    await p.ensureReader(json);
    expect(p.parseFlow(json)).toEqual(parseBoth(json));
  });

  it('text in neither format needs no reader, and says what it is', async () => {
    const p = await onDemand();
    expect(p.readerLoaded('hello')).toBe(true);
    const result = p.parseFlow('hello');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('neither XML nor JSON');
  });

  it('a reader that cannot be fetched is said as an error value once, then fetched again', async () => {
    let fail = true;
    vi.doMock('../../../src/model/parse/fromXml', async (original) => {
      if (fail) throw new Error('Failed to fetch dynamically imported module');
      return original();
    });
    const p = await onDemand();
    await expect(p.ensureReader(xml)).resolves.toBeUndefined(); // never rejects
    expect(p.readerLoaded(xml)).toBe(true); // the parser can answer now: with the failure
    const failed = p.parseFlow(xml);
    expect(failed).toMatchObject({ ok: false, error: { message: 'Flowscope could not load its XML reader.' } });
    expect(p.readerLoaded(xml)).toBe(false); // the next XML tries again
    fail = false;
    await p.ensureReader(xml);
    expect(p.parseFlow(xml).ok).toBe(true);
  });
});

describe('formatOf', () => {
  it('goes by the first character after a byte-order mark and white space', () => {
    expect(formatOf('\uFEFF \n\t<?xml version="1.0"?><Flow/>')).toBe('xml');
    expect(formatOf('  {"Metadata": {}}')).toBe('json');
    expect(formatOf('[]')).toBe('json');
    expect(formatOf('\u00a0\u2028{')).toBe('json'); // what trimStart() trims
    expect(formatOf('Flow')).toBeUndefined();
    expect(formatOf('   ')).toBeUndefined();
  });
});
