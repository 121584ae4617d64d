import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { startMockTooling, type MockTooling } from '../helpers/mockTooling';

/** Opening a flow from text, a file or a URL, in the store without React; a failure keeps what was open. */
const v1 = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.flow-meta.xml'), 'utf8');
const opened = () => {
  const store = createAppStore();
  expect(store.getState().load(v1, { kind: 'sample', name: 'Opportunity_Review.flow-meta.xml' })).toBe(true);
  return { store, open: store.getState().flow };
};
/** Just enough of a File for readFileText: its name, size and text. */
const fakeFile = (name: string, size: number, text: () => Promise<string>) => ({ name, size, text }) as File;

describe('loadText (load)', () => {
  it('text that is not a flow: the parser’s message, and the open flow stays', () => {
    const { store, open } = opened();
    expect(store.getState().load('<Flow><oops>', { kind: 'paste', name: 'pasted text' })).toBe(false);
    expect(store.getState().error).toMatchObject({ source: { kind: 'paste', name: 'pasted text' } });
    expect(store.getState().flow).toBe(open);
  });
});

describe('loadFile', () => {
  it('opens a file under its name', async () => {
    const store = createAppStore();
    expect(await store.getState().loadFile(new File([v1], 'Mine.flow-meta.xml'))).toBe(true);
    expect(store.getState().flow?.source).toEqual({ kind: 'file', name: 'Mine.flow-meta.xml' });
  });

  it('a file too big to read, or one that cannot be read: the page error names it; the open flow stays', async () => {
    const { store, open } = opened();
    const text = vi.fn(async () => v1);
    expect(await store.getState().loadFile(fakeFile('huge.xml', 60 * 1024 * 1024, text))).toBe(false);
    expect(text).not.toHaveBeenCalled();
    expect(store.getState().error).toMatchObject({
      source: { kind: 'file', name: 'huge.xml' },
      message: expect.stringContaining('huge.xml is 60.0 MB'),
    });
    expect(store.getState().flow).toBe(open);
    const gone = fakeFile('gone.xml', 10, () => Promise.reject(new Error('NotFoundError')));
    expect(await store.getState().loadFile(gone)).toBe(false);
    expect(store.getState().error).toMatchObject({
      source: { kind: 'file', name: 'gone.xml' },
      message: 'Could not read gone.xml: NotFoundError',
      hint: expect.stringContaining('try again'),
    });
    expect(store.getState().flow).toBe(open);
  });

  it('a file that is not a flow: the parser’s error under the file’s name', async () => {
    const { store, open } = opened();
    expect(await store.getState().loadFile(new File(['{"not":"a flow"}'], 'data.json'))).toBe(false);
    expect(store.getState().error?.source).toEqual({ kind: 'file', name: 'data.json' });
    expect(store.getState().flow).toBe(open);
  });

  it('uses the file reader given to createAppStore', async () => {
    const readFile = vi.fn(async (f: File) => ({ ok: true as const, text: v1, name: `read ${f.name}` }));
    const store = createAppStore({ readFile });
    await store.getState().loadFile(new File([''], 'x.xml'));
    expect(store.getState().flow?.source.name).toBe('read x.xml');
  });
});

describe('loadUrl', () => {
  let mock: MockTooling;
  beforeAll(async () => {
    mock = await startMockTooling();
  });
  afterAll(async () => {
    expect(mock.requests.filter((r) => r.url.includes(mock.token))).toEqual([]);
    await mock.close();
  });
  const page = (repo: string) =>
    `${mock.url}/acme/${repo}/-/blob/main/${repo === 'flows' ? 'force-app/main/default/' : ''}` +
    'flows/Adoption_Start_Adoption_Process.flow-meta.xml';

  it('fetches a GitLab-style page (through the real, lazily loaded fetcher) and opens it under its URL', async () => {
    const store = createAppStore();
    expect(await store.getState().loadUrl(page('flows'))).toBe(true);
    expect(store.getState().flow?.source).toEqual({ kind: 'url', name: page('flows') });
    expect(store.getState().flow?.doc.name).toBe('Adoption_Start_Adoption_Process');
  });

  it('a private file without a token rejects with the host’s message and hint; the page is as it was', async () => {
    const { store, open } = opened();
    const e: unknown = await store
      .getState()
      .loadUrl(page('secret'))
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/^Nothing found at /) });
    expect((e as { hint: string }).hint).toMatch(/if the repository is private/);
    expect(store.getState().flow).toBe(open);
    expect(store.getState().error).toBeUndefined();
    // With the token it opens; the token went in a header only and is nowhere in the state.
    expect(await store.getState().loadUrl(page('secret'), mock.token)).toBe(true);
    expect(mock.requests.at(-1)?.authorization).toBe(`Bearer ${mock.token}`);
    const state = JSON.stringify(store.getState(), (_k, v: unknown) => (typeof v === 'function' ? undefined : v));
    expect(state).not.toContain(mock.token);
  });

  it('a fetched text that is not a flow: the page error under the URL; the open flow stays', async () => {
    const fetchUrl = vi.fn(async (url: string) => ({ text: 'not a flow', name: url }));
    const store = createAppStore({ fetchUrl });
    store.getState().load(v1, { kind: 'sample', name: 'v1' });
    const open = store.getState().flow;
    expect(await store.getState().loadUrl('https://example.com/x.flow-meta.xml', 'ghp_abcdefghijklmnop')).toBe(false);
    expect(fetchUrl).toHaveBeenCalledWith('https://example.com/x.flow-meta.xml', { token: 'ghp_abcdefghijklmnop' });
    expect(store.getState().error?.source).toEqual({ kind: 'url', name: 'https://example.com/x.flow-meta.xml' });
    expect(store.getState().flow).toBe(open);
  });
});
