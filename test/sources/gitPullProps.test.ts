import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPullReader, parsePullUrl } from '../../src/sources/gitPull';
import type { PullSets } from '../../src/sources/pullSources';
import { gitHubFetch, type MockGitHost, startMockGitHost } from '../helpers/mockGitHost';

/**
 * Any two branches, through the mock's pull request APIs and the reader, give the PullSets an independent
 * reading of the two file maps gives: at base, every flow file that head lacks or changes; at head, every flow
 * file base lacks or that changed; unchanged, the flow files equal on both sides.
 */

const NAMES = ['A.flow-meta.xml', 'B.flow-meta.xml', 'C.flow', 'D.flow-meta.xml', 'notes.txt', 'E.json', 'x.md'];
const TEXTS = ['<Flow>1</Flow>', '<Flow>2</Flow>', '<Flow>3</Flow>'];
const branch = fc.dictionary(fc.constantFrom(...NAMES), fc.constantFrom(...TEXTS), { maxKeys: NAMES.length });
const isFlow = (name: string) => !/\.(txt|md)$/.test(name);

let mock: MockGitHost;
beforeAll(async () => {
  mock = await startMockGitHost({ repos: [], pageSize: 2 });
});
afterAll(async () => {
  await mock.close();
});

const sorted = (side: PullSets['base']) =>
  Object.fromEntries(side.files.map((f) => [f.path, f.text]).sort(([a = ''], [b = '']) => a.localeCompare(b)));

function expected(base: Record<string, string>, head: Record<string, string>) {
  const pick = (from: Record<string, string>, other: Record<string, string>) =>
    Object.fromEntries(
      Object.keys(from)
        .filter((n) => isFlow(n) && from[n] !== other[n])
        .sort()
        .map((n) => [`flows/${n}`, from[n]]),
    );
  const same = Object.keys(head).filter((n) => isFlow(n) && base[n] === head[n]).length;
  return { base: pick(base, head), head: pick(head, base), same };
}

describe('any set of file changes round-trips through the mock into the right PullSets', () => {
  let n = 0;
  for (const host of ['github', 'gitlab'] as const) {
    it(`on ${host}`, async () => {
      await fc.assert(
        fc.asyncProperty(branch, branch, async (a, b) => {
          n++;
          const project = host === 'github' ? `prop/r${n}` : `prop/g/r${n}`;
          const prefix = (m: Record<string, string>) =>
            Object.fromEntries(Object.entries(m).map(([k, v]) => [`flows/${k}`, v]));
          mock.repos.push({
            host,
            project,
            branches: { main: { files: prefix(a) }, topic: { files: prefix(b) } },
            pulls: { 1: { base: 'main', head: 'topic' } },
          });
          const url =
            host === 'github' ? `https://github.com/${project}/pull/1` : `${mock.url}/${project}/-/merge_requests/1`;
          const r = await createPullReader({ fetch: gitHubFetch(mock) })(url);
          const want = expected(a, b);
          expect(sorted(r.base)).toEqual(want.base);
          expect(sorted(r.head)).toEqual(want.head);
          // Every changed flow is listed once, by its head path (a removed one by its base path).
          const listed = r.changed.flatMap((c) => (c.previous ? [c.path, c.previous] : [c.path])).sort();
          expect(listed).toEqual([...new Set([...Object.keys(want.base), ...Object.keys(want.head)])].sort());
          // GitLab does not count a tree it would have to page through in full when no flow changed.
          if (host === 'github' || r.changed.length > 0) expect(r.unchanged).toBe(want.same);
        }),
        { numRuns: 30 },
      );
    });
  }
});

describe('a base branch that moved on: whatever main did since, the PullSets are the merge base’s', () => {
  let n = 0;
  for (const host of ['github', 'gitlab'] as const) {
    it(`on ${host}`, async () => {
      await fc.assert(
        fc.asyncProperty(branch, branch, branch, async (fork, later, b) => {
          n++;
          const project = host === 'github' ? `moved/r${n}` : `moved/g/r${n}`;
          const prefix = (m: Record<string, string>) =>
            Object.fromEntries(Object.entries(m).map(([k, v]) => [`flows/${k}`, v]));
          mock.repos.push({
            host,
            project,
            branches: {
              main: { files: prefix(later) },
              'fork-point': { files: prefix(fork) },
              topic: { files: prefix(b) },
            },
            pulls: { 1: { base: 'main', head: 'topic', mergeBase: 'fork-point' } },
          });
          const url =
            host === 'github' ? `https://github.com/${project}/pull/1` : `${mock.url}/${project}/-/merge_requests/1`;
          const r = await createPullReader({ fetch: gitHubFetch(mock) })(url);
          // As if main had not moved: `later` plays no part.
          const want = expected(fork, b);
          expect(sorted(r.base)).toEqual(want.base);
          expect(sorted(r.head)).toEqual(want.head);
          if (host === 'github' || r.changed.length > 0) expect(r.unchanged).toBe(want.same);
          expect(r.head.skipped).toEqual([]);
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe('parsePullUrl', () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/).filter((s) => s !== '-' && !s.endsWith('.'));
  it('reads any GitHub pull URL, with or without a tab suffix', () => {
    fc.assert(
      fc.property(
        segment,
        segment,
        fc.integer({ min: 1, max: 999_999 }),
        fc.constantFrom('', '/files', '/commits'),
        (o, r, n, tab) => {
          const p = parsePullUrl(`https://github.com/${o}/${r}/pull/${n}${tab}?w=1#top`);
          expect(p).toEqual({
            host: 'github',
            origin: 'https://github.com',
            project: `${o}/${r}`,
            number: n,
            url: `https://github.com/${o}/${r}/pull/${n}${tab}`,
          });
        },
      ),
    );
  });

  it('reads any GitLab merge request URL, nested groups and self-hosted', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.constantFrom('https://gitlab.com', 'https://git.example.org'),
        (path, n, origin) => {
          const p = parsePullUrl(`${origin}/${path.join('/')}/-/merge_requests/${n}/diffs`);
          expect(p).toMatchObject({ host: 'gitlab', origin, project: path.join('/'), number: n });
        },
      ),
    );
  });
});
