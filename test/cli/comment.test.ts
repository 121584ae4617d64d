import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MockCommentHost, startMockCommentHost } from '../helpers/mockCommentHost';
import { run } from './helpers';

const MARKER = '<!-- flowscope:changes -->';
const TOKEN = 'ghs_s3cretT0ken';
const dir = mkdtempSync(join(tmpdir(), 'flowscope-comment-'));
const bodyFile = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const first = bodyFile('first.md', `${MARKER}\n### Flowscope: 2 flows changed\n`);
const second = bodyFile('second.md', `${MARKER}\n### Flowscope: 3 flows changed\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let host: MockCommentHost;
const CI_VARS = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_REF', 'GITHUB_EVENT_PATH', 'GITHUB_API_URL'];
const GL_VARS = ['GITLAB_TOKEN', 'CI_JOB_TOKEN', 'CI_API_V4_URL', 'CI_PROJECT_ID', 'CI_MERGE_REQUEST_IID'];
beforeEach(async () => {
  host = await startMockCommentHost({ token: TOKEN });
  for (const name of [...CI_VARS, ...GL_VARS]) vi.stubEnv(name, '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await host.close();
});

/** The environment of a GitHub Actions run on pull request acme/crm#7. */
const actions = () => {
  vi.stubEnv('GITHUB_TOKEN', TOKEN);
  vi.stubEnv('GITHUB_REPOSITORY', 'acme/crm');
  vi.stubEnv('GITHUB_REF', 'refs/pull/7/merge');
  vi.stubEnv('GITHUB_API_URL', host.url);
};
const tokenOutsideHeaders = () => host.requests.filter((r) => r.url.includes(TOKEN) || r.body.includes(TOKEN)).length;

describe('flowscope comment --provider github', () => {
  it('creates the comment on the first run and updates that same one on the second', async () => {
    actions();
    host.comments.push({ id: 1, body: 'LGTM' });
    const one = await run('comment', '--provider', 'github', '--body-file', first);
    expect(one).toMatchObject({ code: 0, err: '' });
    expect(one.out).toContain('Created');
    const two = await run('comment', '--provider', 'github', '--body-file', second);
    expect(two.out).toContain('Updated');
    expect(host.comments).toHaveLength(2);
    expect(host.comments[0]).toEqual({ id: 1, body: 'LGTM' });
    expect(host.comments[1]?.body).toContain('3 flows changed');
    expect(host.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
    // The token travels in the Authorization header only, never in a URL or a body.
    expect(host.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(tokenOutsideHeaders()).toBe(0);
    expect(host.requests[0]?.url).toContain('per_page=100');
  });

  it('finds its comment on the second page of a long conversation', async () => {
    actions();
    for (let i = 1; i <= 150; i++) host.comments.push({ id: i, body: i === 130 ? `${MARKER}\nold` : `comment ${i}` });
    const r = await run('comment', '--provider', 'github', '--body-file', second);
    expect(r.code).toBe(0);
    expect(host.comments).toHaveLength(150);
    expect(host.comments[129]?.body).toContain('3 flows changed');
    expect(host.requests.map((q) => `${q.method} ${q.url.replace(/\?.*page=(\d+).*/, ' p$1')}`)).toEqual([
      'GET /repos/acme/crm/issues/7/comments p1',
      'GET /repos/acme/crm/issues/7/comments p2',
      'PATCH /repos/acme/crm/issues/comments/130',
    ]);
  });

  it('prefers the comment that starts with the marker over one that merely quotes it', async () => {
    actions();
    host.comments.push({ id: 1, body: `Why does the bot write ${MARKER}?` }, { id: 2, body: `${MARKER}\nold` });
    expect((await run('comment', '--provider', 'github', '--body-file', second)).code).toBe(0);
    expect(host.comments.map((c) => c.body)).toEqual([
      `Why does the bot write ${MARKER}?`,
      expect.stringContaining('3 flows'),
    ]);
  });

  it('takes --repo and --pr outside Actions, and a marker of its own', async () => {
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    vi.stubEnv('GITHUB_API_URL', host.url);
    const plain = bodyFile('plain.md', 'no marker here\n');
    const args = ['comment', '--provider', 'github', '--repo', 'acme/crm', '--pr', '7', '--marker', '<!-- mine -->'];
    expect((await run(...args, '--body-file', plain)).code).toBe(0);
    expect((await run(...args, '--body-file', plain)).code).toBe(0);
    expect(host.comments).toEqual([{ id: 1000, body: '<!-- mine -->\nno marker here\n' }]);
  });

  it('says what to fix when the token may not write, and never prints it', async () => {
    actions();
    host.readOnly = true;
    const r = await run('comment', '--provider', 'github', '--body-file', first);
    expect(r.code).toBe(1);
    expect(r.err).toContain('403');
    expect(r.err).toContain('pull-requests: write');
    expect(r.err + r.out).not.toContain(TOKEN);
    expect(host.comments).toHaveLength(0);
  });

  it('names what is missing: token, repository, pull request, body', async () => {
    const noToken = await run('comment', '--provider', 'github', '--body-file', first);
    expect(noToken).toMatchObject({ code: 1 });
    expect(noToken.err).toContain('GITHUB_TOKEN');
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    expect((await run('comment', '--provider', 'github', '--body-file', first)).err).toContain('--repo OWNER/REPO');
    const noPr = await run('comment', '--provider', 'github', '--repo', 'acme/crm', '--body-file', first);
    expect(noPr.err).toContain('--pr N');
    expect((await run('comment', '--provider', 'github')).code).toBe(2);
    expect((await run('comment', '--provider', 'bitbucket', '--body-file', first)).code).toBe(2);
    expect(host.requests).toHaveLength(0);
  });
});

describe('flowscope comment --provider gitlab', () => {
  const gitlabCi = () => {
    vi.stubEnv('GITLAB_TOKEN', TOKEN);
    vi.stubEnv('CI_API_V4_URL', host.url);
    vi.stubEnv('CI_PROJECT_ID', '42');
    vi.stubEnv('CI_MERGE_REQUEST_IID', '3');
  };

  it('creates then updates one merge-request note, passing over system notes', async () => {
    gitlabCi();
    host.comments.push({ id: 5, body: `added 1 commit ${MARKER}`, system: true });
    expect((await run('comment', '--provider', 'gitlab', '--body-file', first)).out).toContain('Created');
    expect((await run('comment', '--provider', 'gitlab', '--body-file', second)).out).toContain('Updated');
    expect(host.comments).toHaveLength(2);
    expect(host.comments[1]?.body).toContain('3 flows changed');
    expect(host.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PUT']);
    expect(host.requests.every((r) => r.headers['private-token'] === TOKEN)).toBe(true);
    expect(tokenOutsideHeaders()).toBe(0);
  });

  it('pages with X-Next-Page, and explains a refused job token', async () => {
    gitlabCi();
    for (let i = 1; i <= 120; i++) host.comments.push({ id: i, body: i === 101 ? MARKER : `note ${i}` });
    expect((await run('comment', '--provider', 'gitlab', '--body-file', second)).code).toBe(0);
    expect(host.comments[100]?.body).toContain('3 flows changed');
    vi.stubEnv('GITLAB_TOKEN', '');
    vi.stubEnv('CI_JOB_TOKEN', 'job-tok');
    const r = await run('comment', '--provider', 'gitlab', '--body-file', second);
    expect(r.code).toBe(1);
    expect(r.err).toContain('set GITLAB_TOKEN');
    expect(r.err).not.toContain('job-tok');
    expect(host.requests.at(-1)?.headers['job-token']).toBe('job-tok');
  });
});
