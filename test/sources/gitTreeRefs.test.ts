import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '../../src/sources/gitIo';
import { createRepoReader, parseTreeUrl } from '../../src/sources/gitTree';
import { gitHubFetch, type MockGitHost, startMockGitHost } from '../helpers/mockGitHost';

/** Properties of the tree URL reading and the ref resolution: whatever the branch and folder names, the right split. */

const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,8}$/).filter((s) => !s.endsWith('.lock'));
const segments = (max: number) => fc.array(segment, { minLength: 1, maxLength: max });

let mock: MockGitHost;
beforeAll(async () => {
  mock = await startMockGitHost({ repos: [] });
});
afterAll(async () => {
  await mock.close();
});

describe('ref resolution', () => {
  it('a branch of 1–3 segments and a folder of 1–3: the host resolves the split the URL cannot show', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(segments(3), segments(3), fc.boolean(), async (ref, folder, gitLab) => {
        const project = gitLab ? `grp/sub/p${++n}` : `acme/r${++n}`;
        const branch = ref.join('/');
        const path = folder.join('/');
        const file = `${path}/A.flow-meta.xml`;
        mock.repos.push({
          host: gitLab ? 'gitlab' : 'github',
          project,
          // Decoys: a flow outside the folder (no generated segment starts with "_"), and another branch sharing
          // the first segment, whose name is not a prefix of the URL.
          branches: {
            [branch]: { files: { [file]: 'A', '_outside/B.flow': 'B' } },
            [`${ref[0]}-other`]: { files: {} },
          },
        });
        const url = gitLab
          ? `${mock.url}/${project}/-/tree/${branch}/${path}`
          : `https://github.com/${project}/tree/${branch}/${path}`;
        expect(parseTreeUrl(url)).toMatchObject({ ref: ref[0], path: [...ref.slice(1), ...folder].join('/') });
        const r = await createRepoReader({ fetch: gitHubFetch(mock) })(url);
        expect(r.tree).toMatchObject({ ref: branch, path });
        expect(r.files).toEqual([{ path: file, text: 'A' }]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the fetch pool', () => {
  it('keeps the order, never runs more than the limit at once, and runs everything', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        async (delays, limit) => {
          let running = 0;
          let most = 0;
          const done: number[] = [];
          const out = await pool(
            delays,
            limit,
            async (d) => {
              most = Math.max(most, ++running);
              await new Promise((r) => setTimeout(r, d));
              running--;
              return d * 2;
            },
            (k) => done.push(k),
          );
          expect(out).toEqual(delays.map((d) => d * 2));
          expect(most).toBeLessThanOrEqual(limit);
          expect(done).toEqual(delays.map((_, i) => i + 1));
        },
      ),
      { numRuns: 40 },
    );
  });
});
