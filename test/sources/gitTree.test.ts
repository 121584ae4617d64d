import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rateLimitError } from '../../src/sources/gitHost';
import { createRepoReader, parseTreeUrl } from '../../src/sources/gitTree';
import { SourceError } from '../../src/sources/redact';
import { planUrl } from '../../src/sources/url';
import {
  failure,
  gitHubFetch,
  type MockGitHost,
  type MockRepo,
  requestsSince,
  startMockGitHost,
} from '../helpers/mockGitHost';

const flow = (name: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">` +
  `<label>${name}</label><processType>AutoLaunchedFlow</processType></Flow>\n`;
const FLOWS = 'force-app/main/default/flows';

const main: Record<string, string> = {
  'README.md': '# acme',
  'sfdx-project.json': '{}',
  [`${FLOWS}/Case_Escalation.flow-meta.xml`]: flow('Case Escalation'),
  [`${FLOWS}/Notify_Queue.flow-meta.xml`]: flow('Notify Queue'),
  [`${FLOWS}/notes.txt`]: 'not a flow',
  'force-app/main/default/classes/Foo.cls': 'public class Foo {}',
  'other/Elsewhere.flow-meta.xml': flow('Elsewhere'),
};
const feature: Record<string, string> = {
  [`${FLOWS}/New_UI.flow-meta.xml`]: flow('New UI'),
  [`${FLOWS}/Case_Escalation.flow-meta.xml`]: flow('Case Escalation v2'),
};
const repos: MockRepo[] = [
  {
    host: 'github',
    project: 'acme/flows',
    branches: { main: { files: main }, 'feature/new-ui': { files: feature } },
    tags: { 'release/1.0': 'feature/new-ui' },
  },
  { host: 'github', project: 'acme/secret', private: true, branches: { trunk: { files: main } } },
  { host: 'github', project: 'acme/slashed', branches: { 'release/main': { files: feature } } },
  {
    host: 'github',
    project: 'acme/many',
    branches: {
      main: {
        files: Object.fromEntries(
          Array.from({ length: 30 }, (_, i) => [`flows/deep/d${i % 3}/F_${i}.flow-meta.xml`, flow(`F ${i}`)]),
        ),
      },
    },
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

const read = () => createRepoReader({ fetch: gitHubFetch(mock), pageOrigin: 'https://flowscope.example' });
const since = () => requestsSince(mock);
const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path).sort();

describe('a public GitHub repository', () => {
  it('lists the tree, fetches only the flow files under the path from raw.githubusercontent, and lists the rest', async () => {
    const seen = since();
    const r = await read()(`https://github.com/acme/flows/tree/main/${FLOWS}`);
    expect(paths(r)).toEqual([`${FLOWS}/Case_Escalation.flow-meta.xml`, `${FLOWS}/Notify_Queue.flow-meta.xml`]);
    expect(r.files.find((f) => f.path.endsWith('Notify_Queue.flow-meta.xml'))?.text).toBe(flow('Notify Queue'));
    expect(r.skipped).toEqual([{ file: `${FLOWS}/notes.txt`, reason: 'not a flow file' }]);
    expect(r.tree).toMatchObject({ host: 'github', project: 'acme/flows', ref: 'main', path: FLOWS });
    const urls = seen().map((q) => q.url.replace(mock.url, ''));
    expect(urls[0]).toBe('/gh-api/repos/acme/flows/git/trees/main?recursive=1');
    // Files come from raw (not the rate-limited API); the non-flow file is never fetched.
    expect(urls.filter((u) => u.startsWith('/gh-raw/')).sort()).toEqual([
      `/gh-raw/acme/flows/main/${FLOWS}/Case_Escalation.flow-meta.xml`,
      `/gh-raw/acme/flows/main/${FLOWS}/Notify_Queue.flow-meta.xml`,
    ]);
    expect(urls.some((u) => u.includes('notes.txt'))).toBe(false);
    const api = seen().find((q) => q.url.includes('/gh-api/'))!;
    expect(api.headers.accept).toBe('application/vnd.github+json');
    expect(api.headers['x-github-api-version']).toBe('2022-11-28');
    expect(api.headers.authorization).toBeUndefined();
  });

  it('the repository root reads the default branch first, and lists every file in it', async () => {
    const seen = since();
    const r = await read()('https://github.com/acme/flows');
    expect(seen()[0]!.url).toBe(`${mock.url}/gh-api/repos/acme/flows`);
    expect(r.tree).toMatchObject({ ref: 'main', path: '' });
    expect(paths(r)).toContain('other/Elsewhere.flow-meta.xml');
    // A .json file may be a Tooling Flow record: it is fetched, and the set's parser decides.
    expect(paths(r)).toContain('sfdx-project.json');
    expect(r.skipped.map((s) => s.file).sort()).toEqual(
      ['README.md', 'force-app/main/default/classes/Foo.cls', `${FLOWS}/notes.txt`].sort(),
    );
  });

  it('a branch with slashes in its name is found, and its files are read at its commit', async () => {
    const seen = since();
    const r = await read()(`https://github.com/acme/flows/tree/feature/new-ui/${FLOWS}`);
    expect(r.tree).toMatchObject({ ref: 'feature/new-ui', path: FLOWS });
    expect(paths(r)).toEqual([`${FLOWS}/Case_Escalation.flow-meta.xml`, `${FLOWS}/New_UI.flow-meta.xml`]);
    expect(r.files.find((f) => f.path.endsWith('Case_Escalation.flow-meta.xml'))?.text).toBe(
      flow('Case Escalation v2'),
    );
    const urls = seen().map((q) => q.url.replace(mock.url, ''));
    expect(urls).toContain('/gh-api/repos/acme/flows/git/matching-refs/heads/feature');
    expect(
      urls.filter((u) => u.startsWith('/gh-raw/')).every((u) => /^\/gh-raw\/acme\/flows\/[0-9a-f]{40}\//.test(u)),
    ).toBe(true);
  });

  it('a tag with slashes in its name is found among the tags when no branch fits', async () => {
    const seen = since();
    const r = await read()(`https://github.com/acme/flows/tree/release/1.0/${FLOWS}`);
    expect(r.tree).toMatchObject({ ref: 'release/1.0', path: FLOWS });
    expect(paths(r)).toEqual([`${FLOWS}/Case_Escalation.flow-meta.xml`, `${FLOWS}/New_UI.flow-meta.xml`]);
    const urls = seen().map((q) => q.url.replace(mock.url, ''));
    expect(urls).toContain('/gh-api/repos/acme/flows/git/matching-refs/heads/release');
    expect(urls).toContain('/gh-api/repos/acme/flows/git/matching-refs/tags/release');
  });

  it('a default branch with slashes in its name opens too', async () => {
    const r = await read()('https://github.com/acme/slashed');
    expect(r.tree).toMatchObject({ ref: 'release/main', path: '' });
    expect(paths(r)).toEqual([`${FLOWS}/Case_Escalation.flow-meta.xml`, `${FLOWS}/New_UI.flow-meta.xml`]);
  });

  it('a subfolder lists only what is under it; a folder that is not there says so', async () => {
    const r = await read()('https://github.com/acme/flows/tree/main/other');
    expect(paths(r)).toEqual(['other/Elsewhere.flow-meta.xml']);
    expect(r.skipped).toEqual([]);
    const e = await failure(read()('https://github.com/acme/flows/tree/main/force-app/nope'));
    expect(e.kind).toBe('not-found');
    expect(e.message).toContain('no folder “force-app/nope”');
  });

  it('an unknown branch is not found', async () => {
    const e = await failure(read()('https://github.com/acme/flows/tree/nope/force-app'));
    expect(e.kind).toBe('not-found');
    expect(e.message).toContain('https://github.com/acme/flows/tree/nope/force-app');
  });

  it('a truncated tree is walked folder by folder: no file is missed', async () => {
    mock.mode = 'truncated';
    const r = await read()('https://github.com/acme/many/tree/main/flows');
    expect(r.files).toHaveLength(30);
    mock.mode = 'ok';
    expect(paths(await read()('https://github.com/acme/many/tree/main/flows'))).toEqual(paths(r));
  });

  it('reports progress while listing and for every file fetched', async () => {
    const calls: [string, number, number][] = [];
    await read()('https://github.com/acme/many/tree/main', { onProgress: (...c) => calls.push(c) });
    expect(calls[0]).toEqual(['listing', 0, 0]);
    const fetching = calls.filter((c) => c[0] === 'fetching');
    expect(fetching[0]).toEqual(['fetching', 0, 30]);
    expect(fetching.at(-1)).toEqual(['fetching', 30, 30]);
    expect(fetching.map((c) => c[1])).toEqual(Array.from({ length: 31 }, (_, i) => i));
  });

  it('fetches six files at a time', async () => {
    mock.fileDelayMs = 40;
    let inFlight = 0;
    let most = 0;
    const base = gitHubFetch(mock);
    const counting = async (input: string, init?: RequestInit) => {
      const file = input.includes('raw.githubusercontent');
      if (file) most = Math.max(most, ++inFlight);
      try {
        return await base(input, init);
      } finally {
        if (file) inFlight--;
      }
    };
    const r = await createRepoReader({ fetch: counting })('https://github.com/acme/many/tree/main');
    expect(r.files).toHaveLength(30);
    expect(most).toBe(6);
  });

  it('cancelling mid-way stops every request and rejects with kind "aborted"', async () => {
    mock.fileDelayMs = 150;
    const controller = new AbortController();
    let fetched = 0;
    const seen = since();
    const p = read()('https://github.com/acme/many/tree/main', {
      signal: controller.signal,
      onProgress: (phase, done) => {
        if (phase === 'fetching' && done === 0) setTimeout(() => controller.abort(), 20);
        if (phase === 'fetching') fetched = done;
      },
    });
    const e = await failure(p);
    expect(e.kind).toBe('aborted');
    expect(fetched).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    // Only the first six were started; nothing after the cancel.
    expect(seen().filter((q) => q.url.includes('/gh-raw/'))).toHaveLength(6);
  });

  it('an already cancelled signal sends nothing', async () => {
    const seen = since();
    const c = new AbortController();
    c.abort();
    expect((await failure(read()('https://github.com/acme/flows', { signal: c.signal }))).kind).toBe('aborted');
    expect(seen()).toEqual([]);
  });
});

describe('limits', () => {
  it('each file is capped', async () => {
    const small = createRepoReader({ fetch: gitHubFetch(mock), maxBytes: 120 });
    const e = await failure(small('https://github.com/acme/flows/tree/main/other'));
    expect(e.kind).toBe('too-large');
  });

  it('more than 10,000 flow files is refused with a clear message, before any file is fetched', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= 10_000; i++) files[`flows/F${i}.flow-meta.xml`] = 'x';
    mock.repos.push({ host: 'github', project: 'acme/huge', branches: { main: { files } } });
    const seen = since();
    const e = await failure(read()('https://github.com/acme/huge/tree/main/flows'));
    expect(e.kind).toBe('too-large');
    expect(e.message).toContain('holds 10,001 flow files; Flowscope opens sets of up to 10,000');
    expect(e.hint).toContain('smaller folder');
    expect(seen().some((q) => q.url.includes('/gh-raw/'))).toBe(false);
  });
});

describe('a private GitHub repository', () => {
  const URL = 'https://github.com/acme/secret/tree/trunk/force-app';

  it('without a token: not found, and the hint says a token is needed (Contents read-only)', async () => {
    const e = await failure(read()(URL));
    expect(e.kind).toBe('not-found');
    expect(e.hint).toMatch(/private/);
    expect(e.hint).toContain('fine-grained: Contents read-only');
  });

  it('with a token: the API and the contents API with the raw media type, the token in the header only', async () => {
    const seen = since();
    const r = await read()(`${URL}/main/default/flows`, { token: mock.token });
    expect(paths(r)).toHaveLength(2);
    const files = seen().filter((q) => q.url.includes('/contents/'));
    expect(files).toHaveLength(2);
    for (const q of seen()) expect(q.headers.authorization).toBe(`Bearer ${mock.token}`);
    expect(files[0]!.headers.accept).toBe('application/vnd.github.raw');
    expect(files[0]!.url).toMatch(/\/gh-api\/repos\/acme\/secret\/contents\/force-app\/.*\?ref=trunk$/);
    expect(seen().some((q) => q.url.includes('/gh-raw/'))).toBe(false);
  });

  it('a wrong token is refused, and the message does not carry it', async () => {
    const wrong = 'github_pat_WrongToken0123456789';
    const e = await failure(read()(URL, { token: wrong }));
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toContain('refused the token');
    expect(`${e.message} ${e.hint}`).not.toContain(wrong);
  });

  it('a token that is not one (spaces, too short) is refused before any request', async () => {
    const seen = since();
    expect((await failure(read()(URL, { token: 'abc' }))).kind).toBe('invalid-input');
    expect((await failure(read()(URL, { token: 'abc def ghi jkl' }))).message).not.toContain('abc def');
    expect(seen()).toEqual([]);
  });
});

describe('GitHub rate limits say when to try again', () => {
  it('403 with x-ratelimit-remaining 0: the reset as a clock time and minutes, and that a token raises it', async () => {
    mock.mode = 'rate-limit-github';
    const e = await failure(read()('https://github.com/acme/flows/tree/main'));
    expect(e.status).toBe(403);
    expect(e.message).toMatch(/rate limit .* is used up; it resets at \d\d:\d\d \(in 30 minutes\)/);
    expect(e.hint).toMatch(/add a GitHub token: it raises the limit/);
    const clock = new Date(mock.resetAt * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    expect(e.message).toContain(clock);
  });

  it('429 with Retry-After, and a secondary limit (403 with Retry-After): try again in so many seconds', async () => {
    mock.mode = 'rate-limit-429';
    const e = await failure(read()('https://github.com/acme/flows/tree/main'));
    expect(e.status).toBe(429);
    expect(e.message).toMatch(/api\.github\.com is limiting .* again at \d\d:\d\d \(in 42 seconds\)/);
    expect(e.hint).toContain('Try again in 42 seconds');
    mock.mode = 'secondary-limit';
    const s = await failure(read()('https://github.com/acme/flows/tree/main'));
    expect(s.status).toBe(403);
    expect(s.message).toContain('secondary rate limit');
    expect(s.message).toContain('42 seconds');
    // Without Retry-After, only the message says it: still a rate limit, not a private repository.
    mock.mode = 'secondary-limit-bare';
    const bare = await failure(read()('https://github.com/acme/flows/tree/main'));
    expect(bare.message).toContain('api.github.com is limiting how fast requests may come (a secondary rate limit).');
    expect(bare.hint).toBe('Wait a minute and try again.');
  });
});

describe('rate-limit answers in words', () => {
  const plan = { url: 'https://gitlab.com/api/v4/x', headers: {}, name: 'x', host: 'gitlab' as const };
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it('a long wait is in minutes; GitLab’s RateLimit-Reset stands in for Retry-After; other answers are not limits', () => {
    const long = rateLimitError(
      new Response('', { status: 429, headers: { 'Retry-After': '600' } }),
      plan,
      true,
      [],
      '',
      now,
    );
    expect(long?.message).toMatch(/again at \d\d:10 \(in 10 minutes\)\.$/);
    expect(long?.hint).toBe('Try again in 10 minutes.');
    const reset = String(now / 1000 + 30);
    const lab = rateLimitError(
      new Response('', { status: 429, headers: { 'RateLimit-Reset': reset } }),
      plan,
      false,
      [],
      '',
      now,
    );
    expect(lab?.message).toContain('(in 30 seconds)');
    expect(rateLimitError(new Response('', { status: 403 }), plan, false, [], 'Forbidden', now)).toBeUndefined();
    expect(rateLimitError(new Response('', { status: 404 }), plan, false, [], '', now)).toBeUndefined();
  });
});

describe('reading a tree URL', () => {
  it('GitHub: the repository, a ref, a folder; the typed URL without query or fragment', () => {
    expect(parseTreeUrl('https://github.com/acme/flows/tree/main/force-app/flows?x=1#top')).toEqual({
      host: 'github',
      origin: 'https://github.com',
      project: 'acme/flows',
      ref: 'main',
      path: 'force-app/flows',
      url: 'https://github.com/acme/flows/tree/main/force-app/flows',
    });
    expect(parseTreeUrl('https://github.com/acme/flows.git/')).toMatchObject({ project: 'acme/flows', ref: '' });
    expect(parseTreeUrl('https://github.com/acme/flows/tree/v1.0')).toMatchObject({ ref: 'v1.0', path: '' });
  });

  it('GitLab: nested groups, self-hosted, http only on this machine', () => {
    expect(parseTreeUrl('https://gitlab.com/grp/sub/proj/-/tree/dev/force-app')).toMatchObject({
      host: 'gitlab',
      origin: 'https://gitlab.com',
      project: 'grp/sub/proj',
      ref: 'dev',
      path: 'force-app',
    });
    expect(parseTreeUrl('https://git.example.org/team/proj/-/tree/main')).toMatchObject({ host: 'gitlab' });
    expect(parseTreeUrl('https://gitlab.example.org/team/proj')).toMatchObject({ project: 'team/proj', ref: '' });
    expect(parseTreeUrl('http://127.0.0.1:8080/a/b/-/tree/main/x')).toMatchObject({ origin: 'http://127.0.0.1:8080' });
  });

  it('refuses what is not a repository folder, saying what it is', () => {
    const msg = (u: string) => {
      try {
        parseTreeUrl(u);
      } catch (e) {
        expect(e).toBeInstanceOf(SourceError);
        return (e as SourceError).message;
      }
      return 'no error';
    };
    expect(msg('https://github.com/acme/flows/blob/main/A.flow-meta.xml')).toContain('a single file');
    expect(msg('https://github.com/acme/flows/pulls')).toContain('a GitHub page');
    expect(msg('https://example.com/x/y')).toContain('not a GitHub or GitLab repository folder');
    expect(msg('http://gitlab.example.org/a/b/-/tree/main')).toContain('https:// only');
    expect(msg('https://u:p@github.com/a/b')).toContain('user name or password');
    expect(msg('nope')).toContain('not a URL');
    expect(msg('')).toContain('Enter the address');
  });

  it('typed into the single-file URL dialog, a tree URL is explained: a folder, to open as a flow set', () => {
    for (const u of [
      'https://github.com/acme/flows/tree/main/force-app',
      'https://github.com/acme/flows',
      'https://gitlab.com/grp/sub/proj/-/tree/main/flows',
    ]) {
      const e = (() => {
        try {
          planUrl(u, 'github_pat_0123456789abcdef');
        } catch (x) {
          return x as SourceError;
        }
      })();
      expect(e).toBeInstanceOf(SourceError);
      expect(e?.message).toBe('That address is a folder of a repository, not a flow file.');
      expect(e?.hint).toContain('open it as a flow set');
    }
    // A file's page is still a file.
    expect(planUrl('https://github.com/acme/flows/blob/main/A.flow-meta.xml').host).toBe('github');
  });
});
