import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRepoReader } from '../../src/sources/gitTree';
import { failure, gitHubFetch, type MockGitHost, type MockRepo, startMockGitHost } from '../helpers/mockGitHost';

/** One listed file that fails when fetched: skipped with the reason when it alone is lost, else the set fails. */

const flow = (name: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">` +
  `<label>${name}</label><processType>AutoLaunchedFlow</processType></Flow>\n`;
const FLOWS = 'force-app/main/default/flows';
const files: Record<string, string> = { [`${FLOWS}/notes.md`]: 'hi' };
for (let i = 0; i < 12; i++) files[`${FLOWS}/F_${String(i).padStart(2, '0')}.flow-meta.xml`] = flow(`F ${i}`);
const LOST = `${FLOWS}/F_05.flow-meta.xml`;
const ALSO = `${FLOWS}/F_09.flow-meta.xml`;

const repos: MockRepo[] = [
  { host: 'github', project: 'acme/flows', branches: { main: { files } } },
  { host: 'github', project: 'acme/secret', private: true, branches: { main: { files } } },
  { host: 'gitlab', project: 'group/proj', branches: { main: { files } } },
];

let mock: MockGitHost;
beforeAll(async () => {
  mock = await startMockGitHost({ repos });
});
afterEach(() => {
  mock.failFiles.clear();
});
afterAll(async () => {
  await mock.close();
});

const read = () => createRepoReader({ fetch: gitHubFetch(mock), pageOrigin: 'https://flowscope.example' });
const GITHUB = `https://github.com/acme/flows/tree/main/${FLOWS}`;
const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path);

describe('a file lost after the listing is skipped, and the rest of the set opens', () => {
  it('a 404 (deleted since the listing): the other eleven flows, the lost one in skipped with why', async () => {
    mock.failFiles.set(LOST, 404);
    const r = await read()(GITHUB);
    expect(paths(r)).toHaveLength(11);
    expect(paths(r)).not.toContain(LOST);
    expect(r.files.find((f) => f.path.endsWith('F_06.flow-meta.xml'))?.text).toBe(flow('F 6'));
    const lost = r.skipped.find((s) => s.file === LOST);
    expect(lost?.reason).toMatch(/not found when fetched/);
    expect(r.skipped.find((s) => s.file === `${FLOWS}/notes.md`)?.reason).toBe('not a flow file');
  });

  it('a 5xx on two files: both skipped with the status, the others read in their order', async () => {
    mock.failFiles.set(LOST, 503);
    mock.failFiles.set(ALSO, 500);
    const r = await read()(GITHUB);
    expect(paths(r)).toEqual(Object.keys(files).filter((p) => p.endsWith('.xml') && p !== LOST && p !== ALSO));
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.file, s.reason]));
    expect(reasons[LOST]).toMatch(/answered 503/);
    expect(reasons[ALSO]).toMatch(/answered 500/);
  });

  it('GitLab too: a 404 on a file is skipped', async () => {
    mock.failFiles.set(LOST, 404);
    const r = await createRepoReader()(`${mock.url}/group/proj/-/tree/main/${FLOWS}`);
    expect(paths(r)).toHaveLength(11);
    expect(r.skipped.map((s) => s.file)).toContain(LOST);
  });
});

describe('a failure that would hit every file still fails the set with its own message', () => {
  it('429 (too many requests) on a file', async () => {
    mock.failFiles.set(LOST, 429);
    const e = await failure(read()(GITHUB));
    expect(e.status).toBe(429);
    expect(e.message).toMatch(/limiting how fast/);
  });

  it('401 and 403 on a file', async () => {
    mock.failFiles.set(LOST, 403);
    const forbidden = await failure(read()(`https://github.com/acme/secret/tree/main/${FLOWS}`, { token: mock.token }));
    expect(forbidden.kind).toBe('forbidden');
    expect(forbidden.message).toMatch(/refused the token/);
    mock.failFiles.set(LOST, 401);
    expect((await failure(read()(GITHUB))).kind).toBe('unauthorized');
  });

  it('a dropped connection (network or CORS) on a file', async () => {
    mock.failFiles.set(LOST, 0);
    const e = await failure(read()(GITHUB));
    expect(e.kind).toMatch(/network|cors/);
  });

  it('a cancel while a lost file is being skipped is still a cancel', async () => {
    mock.failFiles.set(LOST, 404);
    mock.fileDelayMs = 30;
    const controller = new AbortController();
    const p = read()(GITHUB, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const e = await failure(p);
    mock.fileDelayMs = 0;
    expect(e.kind).toBe('aborted');
  });
});
