import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * In the app each format's reader loads on first use (src/model/parse/onDemand.ts): no text may fail, or wait
 * for a click, because its reader was not loaded yet. Turned on here as the app's build turns it on.
 */
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name), 'utf8');
const xml = fixture('Opportunity_Review.flow-meta.xml');
const json = fixture('Opportunity_Review.tooling.json');
const paste = { kind: 'paste', name: 'pasted text' } as const;

async function appStore() {
  vi.resetModules();
  vi.stubEnv('FLOWSCOPE_READERS_ON_DEMAND', 'true');
  const [{ createAppStore }, parse] = await Promise.all([
    import('../../src/state/store'),
    import('../../src/model/parse/onDemand'),
  ]);
  return { store: createAppStore(), parse };
}
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('text that comes before its reader', () => {
  it('load (a paste anywhere on the page) opens it once the reader is here', async () => {
    const { store, parse } = await appStore();
    expect(parse.readerLoaded(json)).toBe(false);
    expect(store.getState().load(json, paste)).toBe(true);
    await until(() => store.getState().flow !== undefined);
    expect(store.getState().flow?.doc.name).toBe('Opportunity_Review');
    expect(store.getState().error).toBeUndefined();
  });

  it('text that does not parse says why, as it would have at once', async () => {
    const { store } = await appStore();
    store.getState().load('{"Metadata": 3', paste);
    await until(() => store.getState().error !== undefined);
    expect(store.getState().error?.message).toMatch(/^The JSON is not valid at line 1/);
  });

  it('what opened meanwhile stays: the late text does not replace it', async () => {
    const { store, parse } = await appStore();
    await parse.ensureReader(xml);
    store.getState().load(json, paste); // waits for the JSON reader
    expect(store.getState().load(xml, { kind: 'sample', name: 'Opportunity_Review.flow-meta.xml' })).toBe(true);
    await parse.ensureReader(json);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().flow?.source.kind).toBe('sample');
  });

  it('files, URLs and comparisons wait for their readers and answer as before', async () => {
    const { store } = await appStore();
    expect(await store.getState().loadFile(new File([json], 'Mine.json'))).toBe(true);
    expect(store.getState().flow?.origin.format).toBe('tooling-record');
    const { store: other } = await appStore();
    const compared = other
      .getState()
      .compare(
        { text: xml, source: { kind: 'file', name: 'a.flow-meta.xml' } },
        { text: json, source: { kind: 'file', name: 'b.json' } },
      );
    expect(await compared).toBe(true);
    expect(other.getState().comparison?.after.origin.format).toBe('tooling-record');
  });
});
