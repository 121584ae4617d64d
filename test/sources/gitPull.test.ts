import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPullReader } from '../../src/sources/gitPull';
import type { PullSets } from '../../src/sources/pullSources';
import {
  failure,
  gitHubFetch,
  type MockGitHost,
  type MockRepo,
  requestsSince,
  startMockGitHost,
} from '../helpers/mockGitHost';

const flow = (label: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">` +
  `<label>${label}</label><processType>AutoLaunchedFlow</processType></Flow>\n`;
const F = 'force-app/main/default/flows';
const at = (name: string) => `${F}/${name}.flow-meta.xml`;

const main: Record<string, string> = {
  'README.md': '# acme',
  'package.json': '{"name":"acme"}',
  [at('Alpha')]: flow('Alpha'),
  [at('Beta')]: flow('Beta'),
  [at('Case_Escalation')]: flow('Case Escalation'),
  [at('Dispatch')]: flow('Dispatch'),
  [at('Keep_1')]: flow('Keep 1'),
  [at('Keep_2')]: flow('Keep 2'),
  'other/Elsewhere.flow-meta.xml': flow('Elsewhere'),
};
const feature: Record<string, string> = {
  'README.md': '# acme, changed',
  'package.json': '{"name":"acme","version":"2"}',
  [at('Alpha')]: flow('Alpha'),
  [at('Case_Escalation')]: flow('Case Escalation v2'),
  [at('Dispatch_Renamed')]: flow('Dispatch'),
  [at('New_UI')]: flow('New UI'),
  [`${F}/notes.txt`]: 'not a flow',
  [at('Keep_1')]: flow('Keep 1'),
  [at('Keep_2')]: flow('Keep 2'),
  'other/Elsewhere.flow-meta.xml': flow('Elsewhere'),
};
const big = Object.fromEntries(
  Array.from({ length: 300 }, (_, i) => [at(`Bulk_${String(i).padStart(3, '0')}`), flow(`Bulk ${i}`)]),
);

const repos: MockRepo[] = [
  {
    host: 'github',
    project: 'acme/flows',
    branches: {
      main: { files: main },
      'feature/x': { files: feature },
      docs: { files: { ...main, 'README.md': '# docs only' } },
      odd: {
        files: {
          ...main,
          [at('Beta')]: `${flow('Beta')}\u0000\u0001binary`,
          [at('Huge')]: flow('x'.repeat(5000)),
        },
      },
    },
    pulls: {
      7: { base: 'main', head: 'feature/x', title: 'New UI and a rename' },
      8: { base: 'main', head: 'patch', headProject: 'fork/flows', title: 'From a fork' },
      9: { base: 'main', head: 'gone', headProject: 'gone/flows', title: 'From a deleted fork', state: 'closed' },
      10: { base: 'main', head: 'docs', title: 'Docs only', state: 'merged' },
      11: { base: 'main', head: 'odd', title: 'Odd files' },
    },
  },
  { host: 'github', project: 'fork/flows', branches: { patch: { files: { ...main, [at('Alpha')]: flow('Alpha!') } } } },
  {
    host: 'github',
    project: 'gone/flows',
    deleted: true,
    branches: { gone: { files: { ...main, [at('Ghost')]: flow('Ghost') } } },
  },
  {
    host: 'github',
    project: 'acme/secret',
    private: true,
    branches: { main: { files: main }, fix: { files: feature } },
    pulls: { 1: { base: 'main', head: 'fix' } },
  },
  {
    host: 'github',
    project: 'acme/big',
    branches: { main: { files: { 'README.md': 'x' } }, bulk: { files: { 'README.md': 'x', ...big } } },
    pulls: { 3: { base: 'main', head: 'bulk' } },
  },
  {
    host: 'github',
    project: 'acme/huge',
    branches: {
      main: { files: { 'README.md': 'x' } },
      // 3,000 other files sort before the one flow: GitHub lists no more than 3,000.
      wide: {
        files: {
          ...Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`a/${String(i).padStart(4, '0')}.txt`, 'x'])),
          'README.md': 'x',
          'z/Late.flow-meta.xml': flow('Late'),
        },
      },
    },
    pulls: { 5: { base: 'main', head: 'wide' } },
  },
];

let mock: MockGitHost;
const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
beforeAll(async () => {
  mock = await startMockGitHost({ repos });
});
afterEach(() => {
  mock.mode = 'ok';
  mock.fileDelayMs = 0;
});
afterAll(async () => {
  // The token travels in headers only: in no URL the host saw, and never on the console.
  expect(mock.requests.filter((r) => r.url.includes(mock.token))).toEqual([]);
  for (const spy of consoleSpies) expect(JSON.stringify(spy.mock.calls)).not.toContain(mock.token);
  await mock.close();
});

const read = (maxBytes?: number) =>
  createPullReader({ fetch: gitHubFetch(mock), pageOrigin: 'https://flowscope.example', maxBytes });
const since = () => requestsSince(mock);
const paths = (side: PullSets['base']) => side.files.map((f) => f.path).sort();
const textOf = (side: PullSets['base'], path: string) => side.files.find((f) => f.path === path)?.text;

describe('a public GitHub pull request', () => {
  it('lists added, removed, modified and renamed flows, fetches them at both commits, counts the rest', async () => {
    const seen = since();
    const r = await read()('https://github.com/acme/flows/pull/7/files');
    expect(r.pull).toMatchObject({
      host: 'github',
      number: 7,
      title: 'New UI and a rename',
      state: 'open',
      url: 'https://github.com/acme/flows/pull/7/files',
      base: { ref: 'main', project: 'acme/flows' },
      head: { ref: 'feature/x', project: 'acme/flows' },
    });
    expect(r.pull.base.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(r.pull.head.tree).toBe(`https://github.com/acme/flows/tree/${r.pull.head.sha}`);
    // README, package.json and notes.txt changed too, but are not flows.
    expect(r.changed).toEqual([
      { path: at('Beta'), status: 'removed' },
      { path: at('Case_Escalation'), status: 'modified' },
      { path: at('Dispatch_Renamed'), status: 'renamed', previous: at('Dispatch') },
      { path: at('New_UI'), status: 'added' },
    ]);
    expect(paths(r.base)).toEqual([at('Beta'), at('Case_Escalation'), at('Dispatch')]);
    expect(paths(r.head)).toEqual([at('Case_Escalation'), at('Dispatch_Renamed'), at('New_UI')]);
    expect(textOf(r.base, at('Case_Escalation'))).toBe(flow('Case Escalation'));
    expect(textOf(r.head, at('Case_Escalation'))).toBe(flow('Case Escalation v2'));
    expect(r.base.skipped).toEqual([]);
    expect(r.head.skipped).toEqual([]);
    // Alpha, Keep_1, Keep_2 in the flows folder; other/Elsewhere is in no folder the pull request touches.
    expect(r.unchanged).toBe(3);
    const urls = seen().map((q) => new URL(q.url).pathname);
    // Files from raw (not the rate-limited API), at the commits, never at branch names; only the changed flows.
    const raws = urls.filter((u) => u.startsWith('/gh-raw/'));
    expect(raws).toHaveLength(6);
    expect(raws.every((u) => u.includes(r.pull.base.sha) || u.includes(r.pull.head.sha))).toBe(true);
    expect(urls.filter((u) => u.startsWith('/gh-api/'))).toEqual([
      '/gh-api/repos/acme/flows/pulls/7',
      // Where the head branched off (main has not moved here: the same commit).
      `/gh-api/repos/acme/flows/compare/${r.pull.base.sha}...${r.pull.head.sha}`,
      '/gh-api/repos/acme/flows/pulls/7/files',
      `/gh-api/repos/acme/flows/git/trees/${r.pull.head.sha}`,
    ]);
  });

  it('reads a fork’s head in the fork', async () => {
    const seen = since();
    const r = await read()('https://github.com/acme/flows/pull/8');
    expect(r.pull.head).toMatchObject({ project: 'fork/flows', ref: 'patch' });
    expect(r.pull.head.tree).toContain('github.com/fork/flows/tree/');
    expect(r.changed).toEqual([{ path: at('Alpha'), status: 'modified' }]);
    expect(textOf(r.head, at('Alpha'))).toBe(flow('Alpha!'));
    expect(seen().some((q) => q.url.includes(`/gh-raw/fork/flows/${r.pull.head.sha}/`))).toBe(true);
  });

  it('says when the fork was deleted, and still reads its head through the base repository', async () => {
    const r = await read()('https://github.com/acme/flows/pull/9');
    expect(r.pull.state).toBe('closed');
    expect(r.pull.head.project).toContain('the fork was deleted');
    expect(r.pull.head.tree).toContain('github.com/acme/flows/tree/');
    expect(r.changed).toEqual([{ path: at('Ghost'), status: 'added' }]);
    expect(textOf(r.head, at('Ghost'))).toBe(flow('Ghost'));
  });

  it('a pull request with no flow changes has an empty change list and counts the whole tree', async () => {
    const r = await read()('https://github.com/acme/flows/pull/10');
    expect(r.pull.state).toBe('merged');
    expect(r.changed).toEqual([]);
    expect(r.base.files).toEqual([]);
    expect(r.head.files).toEqual([]);
    expect(r.unchanged).toBe(7);
  });

  it('skips a binary flow file and an oversized one with the reason', async () => {
    const r = await read(2000)('https://github.com/acme/flows/pull/11');
    expect(r.changed.map((c) => c.path).sort()).toEqual([at('Beta'), at('Huge')]);
    expect(r.head.skipped.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: at('Beta'), reason: 'a binary file' },
      { file: at('Huge'), reason: 'too large (over 2,000 bytes)' },
    ]);
    expect(paths(r.base)).toEqual([at('Beta')]);
    expect(paths(r.head)).toEqual([]);
  });

  it('pages through 300 changed flows, 100 a page', async () => {
    const seen = since();
    const progress: string[] = [];
    const r = await read()('https://github.com/acme/big/pull/3', {
      onProgress: (phase, done, total) => progress.push(`${phase} ${done}/${total}`),
    });
    expect(r.changed).toHaveLength(300);
    expect(new Set(r.changed.map((c) => c.status))).toEqual(new Set(['added']));
    expect(r.head.files).toHaveLength(300);
    expect(r.base.files).toEqual([]);
    expect(r.unchanged).toBe(0);
    const pages = seen().filter((q) => q.url.includes('/pulls/3/files'));
    expect(pages.map((q) => new URL(q.url).searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(pages.every((q) => new URL(q.url).searchParams.get('per_page') === '100')).toBe(true);
    expect(progress).toContain('fetching 300/300');
  });
});

describe('GitHub’s cap of 3,000 files', () => {
  it('stops after 30 pages and says the flows among the rest are not shown', async () => {
    const seen = since();
    const r = await read()('https://github.com/acme/huge/pull/5');
    expect(r.changed).toEqual([]);
    expect(r.head.skipped).toEqual([
      {
        file: 'https://github.com/acme/huge/pull/5',
        reason: 'GitHub lists only the first 3,000 of 3,001 changed files; flows among the rest are not shown',
      },
    ]);
    expect(seen().filter((q) => q.url.includes('/pulls/5/files'))).toHaveLength(30);
  });
});

describe('a private GitHub repository', () => {
  it('without a token: says the repository may be private and a token is needed', async () => {
    const e = await failure(read()('https://github.com/acme/secret/pull/1'));
    expect(e.kind).toBe('not-found');
    expect(e.message).toContain('https://github.com/acme/secret/pull/1');
    expect(e.hint).toMatch(/private.*GitHub token/);
  });

  it('with a token: sends it in the Authorization header only, files through the contents API', async () => {
    const seen = since();
    const r = await read()('https://github.com/acme/secret/pull/1', { token: mock.token });
    expect(r.changed).toHaveLength(4);
    expect(r.head.files).toHaveLength(3);
    const reqs = seen();
    expect(reqs.every((q) => q.headers.authorization === `Bearer ${mock.token}`)).toBe(true);
    expect(reqs.filter((q) => q.url.includes('/contents/'))).toHaveLength(6);
    expect(reqs.some((q) => q.url.includes('/gh-raw/'))).toBe(false);
  });

  it('a wrong token is refused in words, without the token in them', async () => {
    const wrong = 'github_pat_WrongWrongWrong0123456789';
    const e = await failure(read()('https://github.com/acme/secret/pull/1', { token: wrong }));
    expect(e.kind).toBe('unauthorized');
    expect(`${e.message} ${e.hint}`).not.toContain(wrong);
  });
});

describe('limits and mistakes', () => {
  it('a used-up rate limit says when it resets and that a token raises it', async () => {
    mock.mode = 'rate-limit-github';
    const e = await failure(read()('https://github.com/acme/flows/pull/7'));
    expect(e.message).toMatch(/rate limit for requests without a token is used up; it resets at \d\d:\d\d/);
    expect(e.hint).toContain('5,000');
  });

  it('a pull request that does not exist is not found, with the private-repository hint', async () => {
    const e = await failure(read()('https://github.com/acme/flows/pull/999'));
    expect(e.kind).toBe('not-found');
    expect(e.hint).toContain('token');
  });

  it.each([
    [
      'https://github.com/acme/flows/tree/main',
      /not a pull request: GitHub’s are at github\.com\/OWNER\/REPO\/pull\/NUMBER/,
    ],
    ['https://github.com/acme/flows/pull/abc', /not a pull request/],
    ['https://bitbucket.org/acme/flows/pull-requests/4', /not a GitHub pull request or a GitLab merge request/],
    ['https://gitlab.example.com/g/p/-/issues/4', /not a merge request: GitLab’s are at/],
    ['http://github.com/acme/flows/pull/7', /https:\/\/ only/],
    ['github.com/acme/flows/pull/7', /is not a URL/],
    ['', /Enter the address of a pull request/],
  ])('%s is refused with what was expected', async (url, message) => {
    const seen = since();
    const e = await failure(read()(url));
    expect(e.kind).toBe('invalid-input');
    expect(e.message).toMatch(message);
    expect(seen()).toEqual([]);
  });

  it('cancelling stops the reads and says so', async () => {
    mock.fileDelayMs = 300;
    const controller = new AbortController();
    const p = read()('https://github.com/acme/big/pull/3', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const start = mock.requests.length;
    const e = await failure(p);
    expect(e.kind).toBe('aborted');
    // Requests sent before the cancel may still reach the server a moment later on a busy machine (six file reads
    // and the unchanged count in flight); none is sent after it, so the log settles, far short of the 300 files.
    await new Promise((r) => setTimeout(r, 400));
    const settled = mock.requests.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(mock.requests.length).toBe(settled);
    expect(settled - start).toBeLessThan(30);
  });
});
