import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPullReader } from '../../src/sources/gitPull';
import type { PullSets } from '../../src/sources/pullSources';
import { gitHubFetch, type MockGitHost, type MockRepo, requestsSince, startMockGitHost } from '../helpers/mockGitHost';

/**
 * A pull request whose base branch moved on after the head branched off: the base side is read at the merge base
 * (where the head branched), so main's later changes do not show as the pull request's.
 */

const flow = (label: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">` +
  `<label>${label}</label><processType>AutoLaunchedFlow</processType></Flow>\n`;
const F = 'force-app/main/default/flows';
const at = (name: string) => `${F}/${name}.flow-meta.xml`;

// main as it was when `feature` branched off…
const forkPoint = { [at('Alpha')]: flow('Alpha'), [at('Beta')]: flow('Beta'), [at('Keep')]: flow('Keep') };
// …main since: Alpha and Beta edited, Gamma added, on main only.
const mainNow = {
  ...forkPoint,
  [at('Alpha')]: flow('Alpha, edited on main later'),
  [at('Beta')]: flow('Beta, edited on main later'),
  [at('Gamma')]: flow('Gamma, added on main later'),
};
// The pull request changes Alpha and adds Delta.
const feature = {
  ...forkPoint,
  [at('Alpha')]: flow('Alpha, as the pull request changes it'),
  [at('Delta')]: flow('D'),
};

const branches = { main: { files: mainNow }, 'fork-point': { files: forkPoint }, feature: { files: feature } };
const repos: MockRepo[] = [
  {
    host: 'github',
    project: 'acme/moved',
    branches,
    pulls: {
      1: { base: 'main', head: 'feature', mergeBase: 'fork-point', title: 'Main moved on' },
      2: { base: 'fork-point', head: 'feature', title: 'Main did not move' },
    },
  },
  {
    host: 'gitlab',
    project: 'group/moved',
    branches,
    pulls: { 4: { base: 'main', head: 'feature', mergeBase: 'fork-point' } },
  },
];

let mock: MockGitHost;
beforeAll(async () => {
  mock = await startMockGitHost({ repos });
});
afterEach(() => {
  mock.compareStatus = 0;
});
afterAll(async () => {
  await mock.close();
});

const read = createPullReader();
const readHub = (n: number) =>
  createPullReader({ fetch: gitHubFetch(mock), pageOrigin: 'https://flowscope.example' })(
    `https://github.com/acme/moved/pull/${n}`,
  );
const textOf = (side: PullSets['base'], path: string) => side.files.find((f) => f.path === path)?.text;

describe('GitHub: a base branch that moved on after the head branched', () => {
  it('reads the base files at the merge base, so only the pull request’s own change shows', async () => {
    const seen = requestsSince(mock);
    const r = await readHub(1);
    // Beta and Gamma changed on main only: not the pull request's.
    expect(r.changed).toEqual([
      { path: at('Alpha'), status: 'modified' },
      { path: at('Delta'), status: 'added' },
    ]);
    expect(textOf(r.base, at('Alpha'))).toBe(flow('Alpha'));
    expect(textOf(r.head, at('Alpha'))).toBe(flow('Alpha, as the pull request changes it'));
    // The merge base is the commit read at; the branch's tip is kept apart.
    expect(r.pull.base.tip).toBeDefined();
    expect(r.pull.base.sha).not.toBe(r.pull.base.tip);
    expect(r.pull.base.ref).toBe('main');
    expect(r.pull.base.tree).toBe(`https://github.com/acme/moved/tree/${r.pull.base.sha}`);
    const urls = seen().map((q) => q.url);
    expect(urls.some((u) => u.includes(`/compare/${r.pull.base.tip}...${r.pull.head.sha}`))).toBe(true);
    expect(urls.some((u) => u.includes(`/gh-raw/acme/moved/${r.pull.base.sha}/${at('Alpha')}`))).toBe(true);
    expect(urls.some((u) => u.includes(`/${r.pull.base.tip}/`))).toBe(false);
    expect(r.head.skipped).toEqual([]);
  });

  it('a base that did not move has no separate tip', async () => {
    const r = await readHub(2);
    expect(r.pull.base.tip).toBeUndefined();
    expect(textOf(r.base, at('Alpha'))).toBe(flow('Alpha'));
  });

  it('when GitHub cannot compare (a 404), reads the base at the tip and says so', async () => {
    mock.compareStatus = 404;
    const r = await readHub(1);
    expect(r.pull.base.tip).toBeUndefined();
    expect(textOf(r.base, at('Alpha'))).toBe(flow('Alpha, edited on main later'));
    expect(r.head.skipped).toEqual([
      expect.objectContaining({
        file: 'https://github.com/acme/moved/pull/1',
        reason: expect.stringMatching(/did not say where feature branched off main.*main’s tip/),
      }),
    ]);
  });

  it('a server error on the compare falls back the same way; a rate limit stops the read', async () => {
    mock.compareStatus = 502;
    const r = await readHub(1);
    expect(textOf(r.base, at('Alpha'))).toBe(flow('Alpha, edited on main later'));
    mock.compareStatus = 403;
    await expect(readHub(1)).rejects.toThrow();
  });
});

describe('GitLab: diff_refs.base_sha is already the merge base', () => {
  it('reads the base files where the source branch branched off', async () => {
    const r = await read(`${mock.url}/group/moved/-/merge_requests/4`);
    expect(r.changed.map((c) => c.path)).toEqual([at('Alpha'), at('Delta')]);
    expect(textOf(r.base, at('Alpha'))).toBe(flow('Alpha'));
  });
});
