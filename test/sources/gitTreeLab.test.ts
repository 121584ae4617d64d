import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRepoReader } from '../../src/sources/gitTree';
import { failure, type MockGitHost, type MockRepo, requestsSince, startMockGitHost } from '../helpers/mockGitHost';

const TOKEN = 'glpat-MockGitLabToken0123456789xyz';
const flow = (name: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>${name}</label></Flow>\n`;
const FLOWS = 'force-app/main/default/flows';
const many: Record<string, string> = { 'README.md': 'hi' };
for (let i = 0; i < 45; i++) many[`${FLOWS}/Flow_${String(i).padStart(2, '0')}.flow-meta.xml`] = flow(`Flow ${i}`);
for (let i = 0; i < 5; i++) many[`${FLOWS}/doc_${i}.md`] = 'notes';

const repos: MockRepo[] = [
  {
    host: 'gitlab',
    project: 'group/sub/proj',
    branches: {
      main: { files: many },
      'release/2024-q1': { files: { [`${FLOWS}/Released.flow-meta.xml`]: flow('Released') } },
    },
    tags: { 'v1/final': 'main' },
  },
  { host: 'gitlab', project: 'group/private', private: true, branches: { main: { files: many } } },
];

let mock: MockGitHost;
beforeAll(async () => {
  mock = await startMockGitHost({ repos, token: TOKEN });
});
afterEach(() => {
  mock.mode = 'ok';
  mock.gitLabLink = true;
});
afterAll(async () => {
  expect(mock.requests.filter((r) => r.url.includes(TOKEN) || r.url.includes(encodeURIComponent(TOKEN)))).toEqual([]);
  await mock.close();
});

const read = createRepoReader();
const since = () => requestsSince(mock);
const trees = (reqs: { url: string }[]) => reqs.filter((q) => q.url.includes('/repository/tree'));

describe('a GitLab project (self-hosted, nested groups)', () => {
  it('follows every page of the tree (Link rel="next"), fetches the flow files, lists the rest', async () => {
    const seen = since();
    const r = await read(`${mock.url}/group/sub/proj/-/tree/main/force-app`);
    expect(r.files).toHaveLength(45);
    expect(r.files.find((f) => f.path === `${FLOWS}/Flow_07.flow-meta.xml`)?.text).toBe(flow('Flow 7'));
    expect(r.skipped.map((s) => s.file).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `${FLOWS}/doc_${i}.md`));
    expect(r.tree).toMatchObject({ host: 'gitlab', project: 'group/sub/proj', ref: 'main', path: 'force-app' });
    // 50 files and 4 folders under force-app, 20 a page: 3 pages.
    const pages = trees(seen());
    expect(pages).toHaveLength(3);
    expect(new URL(pages[0]!.url).pathname).toBe('/api/v4/projects/group%2Fsub%2Fproj/repository/tree');
    expect(new URL(pages[0]!.url).searchParams.get('path')).toBe('force-app');
    expect(new URL(pages[0]!.url).searchParams.get('recursive')).toBe('true');
    const raw = seen().find((q) => q.url.includes('/raw?'))!;
    expect(raw.url).toBe(
      `${mock.url}/api/v4/projects/group%2Fsub%2Fproj/repository/files/${encodeURIComponent(
        `${FLOWS}/${raw.url.match(/Flow_\d\d/)![0]}.flow-meta.xml`,
      )}/raw?ref=main`,
    );
    expect(seen().some((q) => q.url.includes('doc_'))).toBe(false);
    expect(seen().every((q) => q.headers['private-token'] === undefined)).toBe(true);
  });

  it('pages by x-next-page when there is no Link header', async () => {
    mock.gitLabLink = false;
    const seen = since();
    const r = await read(`${mock.url}/group/sub/proj/-/tree/main`);
    expect(r.files).toHaveLength(45);
    expect(trees(seen()).map((q) => new URL(q.url).searchParams.get('page'))).toEqual([null, '2', '3']);
  });

  it('the project’s tree without a ref opens the default branch at the root', async () => {
    const r = await read(`${mock.url}/group/sub/proj/-/tree`);
    expect(r.tree).toMatchObject({ ref: 'main', path: '' });
    expect(r.skipped.map((s) => s.file)).toContain('README.md');
  });

  it('a branch or a tag with slashes in its name is found', async () => {
    const r = await read(`${mock.url}/group/sub/proj/-/tree/release/2024-q1/${FLOWS}`);
    expect(r.tree).toMatchObject({ ref: 'release/2024-q1', path: FLOWS });
    expect(r.files.map((f) => f.path)).toEqual([`${FLOWS}/Released.flow-meta.xml`]);
    const t = await read(`${mock.url}/group/sub/proj/-/tree/v1/final/${FLOWS}`);
    expect(t.tree.ref).toBe('v1/final');
    expect(t.files).toHaveLength(45);
  });

  it('a folder that is not there, on a branch that is, says which folder', async () => {
    const e = await failure(read(`${mock.url}/group/sub/proj/-/tree/main/nope/flows`));
    expect(e.kind).toBe('not-found');
    expect(e.message).toContain('no folder “nope/flows” in group/sub/proj at main');
  });

  it('a private project: without a token, not found with a read_api hint; with one, PRIVATE-TOKEN only', async () => {
    const url = `${mock.url}/group/private/-/tree/main/${FLOWS}`;
    const e = await failure(read(url));
    expect(e.kind).toBe('not-found');
    expect(e.hint).toContain('read_api');
    expect(e.hint).toContain('private');
    const seen = since();
    const r = await read(url, { token: TOKEN });
    expect(r.files).toHaveLength(45);
    for (const q of seen()) {
      expect(q.headers['private-token']).toBe(TOKEN);
      expect(q.headers.authorization).toBeUndefined();
    }
  });

  it('429: says in how many seconds to try again', async () => {
    mock.mode = 'rate-limit-429';
    const e = await failure(read(`${mock.url}/group/sub/proj/-/tree/main`));
    expect(e.status).toBe(429);
    expect(e.message).toMatch(/127\.0\.0\.1:\d+ is limiting .* again at \d\d:\d\d \(in 42 seconds\)/);
    expect(e.hint).toContain('Try again in 42 seconds');
  });

  it('an unreachable host: network or CORS, explained for a file host', async () => {
    const e = await failure(read('http://127.0.0.1:9/group/proj/-/tree/main'));
    expect(e.kind).toBe('cors-or-network');
    expect(e.hint).toContain('does not let other sites read its files');
  });

  it('a token is never sent over plain http to another machine, nor shown in an error', async () => {
    const e = await failure(read('http://gitlab.example.org/group/proj/-/tree/main', { token: TOKEN }));
    expect(e.kind).toBe('invalid-input');
    expect(`${e.message}${e.hint}`).not.toContain(TOKEN);
  });

  it('the mock host lets a browser send the tokens and read the paging and rate-limit headers (CORS)', async () => {
    const res = await fetch(`${mock.url}/api/v4/projects/a%2Fb/repository/tree`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'private-token,authorization,x-github-api-version',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(
      /Authorization.*PRIVATE-TOKEN.*X-GitHub-Api-Version/,
    );
    for (const h of ['Link', 'x-next-page', 'Retry-After', 'x-ratelimit-reset', 'RateLimit-Reset'])
      expect(res.headers.get('access-control-expose-headers')).toContain(h);
  });
});
