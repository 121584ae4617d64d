import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { webUrlOf } from '../../src/cli/prLink';
import { readChangesLink } from '../../src/share/changes/link';
import { generateFlow } from '../support/generate';
import { run } from './helpers';

/** A repository where a branch changes two flows and adds one: the comment's first link opens all three. */
const repo = mkdtempSync(join(tmpdir(), 'flowscope-prlink-'));
const git = (...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, encoding: 'utf8' },
  ).trim();
const put = (name: string, size: number, seed: number) => {
  mkdirSync(join(repo, 'flows'), { recursive: true });
  writeFileSync(join(repo, 'flows', `${name}.flow-meta.xml`), generateFlow(size, seed).xml);
};
const SITE = 'https://acme.github.io/flowscope/';
const CI_VARS = [
  'GITHUB_REF',
  'GITHUB_REPOSITORY',
  'GITHUB_SERVER_URL',
  'GITHUB_EVENT_PATH',
  'CI_MERGE_REQUEST_PROJECT_URL',
  'CI_MERGE_REQUEST_IID',
  'FLOWSCOPE_SITE',
];
let base = '';
let head = '';

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  put('A', 10, 1);
  put('B', 12, 2);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  base = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'feature');
  put('A', 14, 1);
  put('B', 15, 2);
  put('C', 5, 3);
  git('add', '.');
  git('commit', '-q', '-m', 'feature');
  head = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));
// A test run inside GitHub Actions or GitLab CI must not see its own pull request.
beforeEach(() => {
  for (const name of CI_VARS) vi.stubEnv(name, '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  try {
    git('remote', 'remove', 'origin');
  } catch {
    // none set
  }
});

const pr = (...extra: string[]) => run('pr', '--cwd', repo, '--base', 'main', '--head', 'feature', ...extra);
/** The first Markdown link of the comment, decoded as the app decodes it. */
const firstLink = (out: string) => {
  const m = /\[([^\]]*)\]\((https:[^)]+)\)/.exec(out);
  if (!m) throw new Error(`no link in:\n${out}`);
  const read = readChangesLink(m[2] as string);
  if (!read.ok) throw new Error(read.message);
  return { text: m[1], url: m[2] as string, state: read.state };
};

describe('flowscope pr: the link that opens every changed flow', () => {
  it('opens with the marker, then links the pull request given by --pr-url', async () => {
    const r = await pr('--site', SITE, '--pr-url', 'https://github.com/acme/crm/pull/42');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('<!-- flowscope:changes -->');
    const link = firstLink(r.out);
    expect(link.text).toBe('Open all 3 changed flows in Flowscope');
    expect(link.url.startsWith(`${SITE}#/changes?`)).toBe(true);
    expect(link.state).toEqual({ src: 'https://github.com/acme/crm/pull/42' });
    // The per-flow links and the table stay, after it.
    expect(r.out.indexOf('| Flow |')).toBeGreaterThan(r.out.indexOf('Open all 3'));
    expect(r.out.match(/\]\(https:[^)]*#\/diff\?/g)?.length).toBe(2);
  });

  it('finds the pull request in GitHub Actions: refs/pull/N/merge, else the event payload', async () => {
    vi.stubEnv('GITHUB_REPOSITORY', 'acme/crm');
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
    vi.stubEnv('GITHUB_REF', 'refs/pull/17/merge');
    expect(firstLink((await pr('--site', SITE)).out).state).toEqual({ src: 'https://github.com/acme/crm/pull/17' });
    const event = join(repo, '..', `event-${process.pid}.json`);
    writeFileSync(event, JSON.stringify({ action: 'synchronize', pull_request: { number: 23 } }));
    try {
      vi.stubEnv('GITHUB_REF', 'refs/heads/feature');
      vi.stubEnv('GITHUB_EVENT_PATH', event);
      expect(firstLink((await pr('--site', SITE)).out).state).toEqual({ src: 'https://github.com/acme/crm/pull/23' });
    } finally {
      rmSync(event, { force: true });
    }
  });

  it('finds the merge request in GitLab CI, self-hosted servers too', async () => {
    vi.stubEnv('CI_MERGE_REQUEST_PROJECT_URL', 'https://git.acme.test/sales/crm');
    vi.stubEnv('CI_MERGE_REQUEST_IID', '9');
    expect(firstLink((await pr('--site', SITE)).out).state).toEqual({
      src: 'https://git.acme.test/sales/crm/-/merge_requests/9',
    });
  });

  it('without a pull request, links two trees of the origin remote at the base and head commits', async () => {
    git('remote', 'add', 'origin', 'git@github.com:acme/crm.git');
    expect(firstLink((await pr('--site', SITE)).out).state).toEqual({
      base: `https://github.com/acme/crm/tree/${base}`,
      head: `https://github.com/acme/crm/tree/${head}`,
    });
    git('remote', 'set-url', 'origin', 'https://ci-bot:glpat-SECRET@gitlab.com/sales/team/crm.git');
    const lab = await pr('--site', SITE);
    expect(lab.out).not.toContain('SECRET');
    expect(firstLink(lab.out).state).toEqual({
      base: `https://gitlab.com/sales/team/crm/-/tree/${base}`,
      head: `https://gitlab.com/sales/team/crm/-/tree/${head}`,
    });
  });

  it('takes --repo-url for a GitLab server of its own', async () => {
    const r = await pr('--site', SITE, '--repo-url', 'https://git.acme.test/sales/crm');
    expect(firstLink(r.out).state).toEqual({
      base: `https://git.acme.test/sales/crm/-/tree/${base}`,
      head: `https://git.acme.test/sales/crm/-/tree/${head}`,
    });
  });

  it('says why there is no such link, and keeps the per-flow links', async () => {
    const none = await pr('--site', SITE);
    expect(none.out).toContain('the repository has no origin remote');
    expect(none.out).not.toContain('#/changes');
    expect(none.out.match(/\]\(https:[^)]*#\/diff\?/g)?.length).toBe(2);

    git('remote', 'add', 'origin', 'git@bitbucket.org:acme/crm.git');
    const unknown = await pr('--site', SITE);
    expect(unknown.out).toContain('the origin remote is on bitbucket.org');
    expect(unknown.out).toContain('--repo-url');
    expect(unknown.out).not.toContain('#/changes');

    const noSite = await pr('--pr-url', 'https://github.com/acme/crm/pull/1');
    expect(noSite.out.split('\n')[0]).toBe('<!-- flowscope:changes -->');
    expect(noSite.out).toContain('Pass --site URL');
    expect(noSite.out).not.toContain('](https');
  });

  it('reads remotes in their usual forms, dropping credentials', () => {
    const cases: [string, string | undefined][] = [
      ['git@github.com:o/r.git', 'https://github.com/o/r'],
      ['https://github.com/o/r.git', 'https://github.com/o/r'],
      ['https://x-access-token:tok@github.com/o/r', 'https://github.com/o/r'],
      ['ssh://git@gitlab.com/g/sub/p.git', 'https://gitlab.com/g/sub/p'],
      ['https://git.acme.test:8443/g/p/', 'https://git.acme.test:8443/g/p'],
      ['/srv/git/repo.git', undefined],
      ['file:///srv/git/repo.git', undefined],
    ];
    for (const [remote, web] of cases) expect(webUrlOf(remote)?.href, remote).toBe(web);
  });
});
