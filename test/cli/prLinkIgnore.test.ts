import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { changesLink } from '../../src/cli/prLink';
import { readChangesLink } from '../../src/share/changes/link';
import { rewordedRepo, run } from './helpers';

/** `pr --ignore`: the comment's first link ("Open all N changed flows") hides the same noise as each flow's link. */
const SITE = 'https://acme.example/flowscope/';
const PR = 'https://github.com/acme/flows/pull/7';
const ignoreOf = (url: string) => {
  const read = readChangesLink(url);
  if (!read.ok) throw new Error(read.message);
  return read.state.ignore;
};

describe('the change-set link carries --ignore', () => {
  const input = { site: SITE, prUrl: PR, repoUrl: undefined, cwd: tmpdir(), env: {}, base: 'a', head: 'b' };

  it('as ignore=, in the kinds’ order, by PR and by two trees', async () => {
    const byPr = await changesLink({ ...input, ignore: ['namespace', 'description'] });
    expect(byPr.ok && ignoreOf(byPr.url)).toEqual(['description', 'namespace']);
    const byTrees = await changesLink({
      ...input,
      prUrl: undefined,
      repoUrl: 'https://github.com/acme/flows.git',
      ignore: ['label'],
    });
    expect(byTrees.ok && byTrees.url).toContain('head=');
    expect(byTrees.ok && ignoreOf(byTrees.url)).toEqual(['label']);
  });

  it('and no ignore= without --ignore', async () => {
    for (const ignore of [undefined, []] as const) {
      const link = await changesLink({ ...input, ...(ignore ? { ignore } : {}) });
      expect(link.ok && link.url).not.toContain('ignore=');
    }
  });

  const scratch = rewordedRepo('flowscope-prlink-ignore-');
  const repo = scratch.dir;
  afterAll(scratch.remove);
  it('in the comment pr writes', async () => {
    const out = (
      await run(
        'pr',
        '--cwd',
        repo,
        '--base',
        'main',
        '--head',
        'feature',
        '--site',
        SITE,
        '--pr-url',
        PR,
        '--ignore',
        'description,label',
      )
    ).out;
    const first = /\((https:\/\/acme\.example\/flowscope\/#\/changes\?[^)\s]+)\)/.exec(out)?.[1];
    expect(first, out).toBeDefined();
    expect(ignoreOf(first as string)).toEqual(['description', 'label']);
  });
});
