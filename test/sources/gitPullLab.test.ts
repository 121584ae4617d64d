import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPullReader } from '../../src/sources/gitPull';
import { failure, type MockGitHost, type MockRepo, requestsSince, startMockGitHost } from '../helpers/mockGitHost';

const TOKEN = 'glpat-MockGitLabToken0123456789xyz';
const flow = (label: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">` +
  `<label>${label}</label></Flow>\n`;
const F = 'force-app/main/default/flows';
const at = (name: string) => `${F}/${name}.flow-meta.xml`;

const main: Record<string, string> = { 'README.md': 'hi' };
for (let i = 0; i < 50; i++) main[at(`Flow_${String(i).padStart(2, '0')}`)] = flow(`Flow ${i}`);
// 45 flows changed, one removed, one renamed, two added, and a non-flow file: 50 entries, 3 pages of 20.
const feature: Record<string, string> = { ...main, 'README.md': 'hello' };
for (let i = 0; i < 45; i++) feature[at(`Flow_${String(i).padStart(2, '0')}`)] = flow(`Flow ${i} v2`);
delete feature[at('Flow_45')];
delete feature[at('Flow_46')];
feature[at('Flow_46_Renamed')] = flow('Flow 46');
feature[at('Added_1')] = flow('Added 1');
feature['sfdx-project.json'] = '{}';

const repos: MockRepo[] = [
  {
    host: 'gitlab',
    project: 'group/sub/proj',
    branches: {
      main: { files: main },
      'feature/x': { files: feature },
      docs: { files: { ...main, 'README.md': 'x' } },
    },
    pulls: {
      12: { base: 'main', head: 'feature/x', title: 'Bulk change' },
      13: { base: 'main', head: 'docs', title: 'Docs', state: 'merged' },
      14: { base: 'main', head: 'mine', headProject: 'someone/proj-fork', title: 'From a fork' },
    },
  },
  {
    host: 'gitlab',
    project: 'someone/proj-fork',
    branches: { mine: { files: { ...main, [at('Forked')]: flow('Forked') } } },
  },
  {
    host: 'gitlab',
    project: 'group/private',
    private: true,
    branches: { main: { files: main }, fix: { files: { ...main, [at('Secret')]: flow('Secret') } } },
    pulls: { 2: { base: 'main', head: 'fix' } },
  },
];

let mock: MockGitHost;
beforeAll(async () => {
  mock = await startMockGitHost({ repos, token: TOKEN });
});
afterEach(() => {
  mock.mode = 'ok';
  mock.gitLabLink = true;
  mock.gitLabDiffs = true;
});
afterAll(async () => {
  expect(mock.requests.filter((r) => r.url.includes(TOKEN) || r.url.includes(encodeURIComponent(TOKEN)))).toEqual([]);
  await mock.close();
});

const read = createPullReader();
const since = () => requestsSince(mock);

describe('a GitLab merge request (self-hosted, nested groups)', () => {
  it('reads both commits and pages through the diffs; fetches the changed flows at both', async () => {
    const seen = since();
    const r = await read(`${mock.url}/group/sub/proj/-/merge_requests/12/diffs`);
    expect(r.pull).toMatchObject({
      host: 'gitlab',
      number: 12,
      title: 'Bulk change',
      state: 'opened',
      base: { ref: 'main', project: 'group/sub/proj' },
      head: { ref: 'feature/x', project: 'group/sub/proj' },
    });
    expect(r.pull.base.tree).toBe(`${mock.url}/group/sub/proj/-/tree/${r.pull.base.sha}`);
    const by = (s: string) => r.changed.filter((c) => c.status === s).map((c) => c.path);
    expect(by('modified')).toHaveLength(45);
    expect(by('removed')).toEqual([at('Flow_45')]);
    expect(by('added')).toEqual([at('Added_1')]);
    expect(r.changed.find((c) => c.status === 'renamed')).toEqual({
      path: at('Flow_46_Renamed'),
      status: 'renamed',
      previous: at('Flow_46'),
    });
    expect(r.changed).toHaveLength(48);
    expect(r.base.files).toHaveLength(47);
    expect(r.head.files).toHaveLength(47);
    expect(r.head.files.find((f) => f.path === at('Flow_03'))?.text).toBe(flow('Flow 3 v2'));
    expect(r.base.files.find((f) => f.path === at('Flow_03'))?.text).toBe(flow('Flow 3'));
    // Flow_47, 48, 49 were left alone.
    expect(r.unchanged).toBe(3);
    const diffs = seen().filter((q) => q.url.includes('/merge_requests/12/diffs'));
    expect(diffs.length).toBeGreaterThanOrEqual(3);
    const raws = seen().filter((q) => q.url.includes('/repository/files/'));
    expect(raws).toHaveLength(94);
    expect(raws.every((q) => /ref=[0-9a-f]{40}$/.test(q.url))).toBe(true);
  });

  it('pages by x-next-page when there is no Link header', async () => {
    mock.gitLabLink = false;
    const r = await read(`${mock.url}/group/sub/proj/-/merge_requests/12`);
    expect(r.changed).toHaveLength(48);
  });

  it('on a GitLab older than 15.7 (no /diffs), reads the merge request’s /changes instead', async () => {
    mock.gitLabDiffs = false;
    const seen = since();
    const r = await read(`${mock.url}/group/sub/proj/-/merge_requests/12`);
    expect(r.changed).toHaveLength(48);
    expect(r.head.files).toHaveLength(47);
    expect(seen().filter((q) => q.url.includes('/merge_requests/12/changes'))).toHaveLength(1);
  });

  it('a merge request with no flow changes says so with an empty list', async () => {
    const r = await read(`${mock.url}/group/sub/proj/-/merge_requests/13`);
    expect(r.pull.state).toBe('merged');
    expect(r.changed).toEqual([]);
    expect(r.base.files).toEqual([]);
    expect(r.head.files).toEqual([]);
  });

  it('names a fork’s project and reads its head commit from the target project', async () => {
    const r = await read(`${mock.url}/group/sub/proj/-/merge_requests/14`);
    expect(r.pull.head).toMatchObject({ project: 'someone/proj-fork', ref: 'mine' });
    expect(r.pull.head.tree).toContain('/someone/proj-fork/-/tree/');
    expect(r.changed).toEqual([{ path: at('Forked'), status: 'added' }]);
    expect(r.head.files[0]?.text).toBe(flow('Forked'));
  });

  it('a private project: without a token, the hint asks for one; with it, PRIVATE-TOKEN only', async () => {
    const e = await failure(read(`${mock.url}/group/private/-/merge_requests/2`));
    expect(e.kind).toBe('not-found');
    expect(e.hint).toContain('GitLab token');
    const seen = since();
    const r = await read(`${mock.url}/group/private/-/merge_requests/2`, { token: TOKEN });
    expect(r.changed).toEqual([{ path: at('Secret'), status: 'added' }]);
    expect(seen().every((q) => q.headers['private-token'] === TOKEN && q.headers.authorization === undefined)).toBe(
      true,
    );
  });

  it('a 429 says when requests are let through again', async () => {
    mock.mode = 'rate-limit-429';
    const e = await failure(read(`${mock.url}/group/sub/proj/-/merge_requests/12`));
    expect(e.message).toMatch(/limiting how fast requests may come.*in 42 seconds/);
  });
});
