import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFlow } from '../support/generate';
import { diffFlows } from '../../src/index';
import { parseFlow } from '../../src/model/parse/index';
import { decodeLink } from '../../src/share/link';
import { shareableDoc } from '../../src/share/metadata';
import type { FlowRef } from '../../src/share/types';
import { fx, run, scratchRepo } from './helpers';

/**
 * A throwaway repository: main gets the base flows, a feature branch changes them (modify, status
 * change, delete, add, move), and main moves on afterwards — a change that must not show (merge base).
 */
const { dir: repo, git, put } = scratchRepo('flowscope-pr-');
const FLOWS = 'force-app/main/default/flows';
const withHeader = (xml: string, label: string, status: string) =>
  xml
    .replace('\n    <label>Generated flow</label>', `\n    <label>${label}</label>`)
    .replace('\n    <status>Active</status>', `\n    <status>${status}</status>`);
const SITE = 'https://acme.github.io/flowscope/';
const opportunity = readFileSync(fx('Opportunity_Review.flow-meta.xml'), 'utf8');
const hostile = withHeader(
  generateFlow(12, 5).xml,
  '[click](https://evil.test) @octocat &lt;img src=x&gt; | pipe',
  'Draft',
);

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  put(`${FLOWS}/Gen_A.flow-meta.xml`, withHeader(generateFlow(20, 1).xml, 'Gen A', 'Active'));
  put(`${FLOWS}/Opportunity_Review.flow-meta.xml`, opportunity);
  put(`${FLOWS}/Old_Flow.flow-meta.xml`, withHeader(generateFlow(8, 3).xml, 'Old Flow', 'Obsolete'));
  put('legacy/Legacy.flow', withHeader(generateFlow(5, 9).xml, 'Legacy', 'Active'));
  put(`${FLOWS}/Main_Only.flow-meta.xml`, withHeader(generateFlow(6, 2).xml, 'Main Only', 'Active'));
  put('README.md', 'hello\n');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'feature');
  put(`${FLOWS}/Gen_A.flow-meta.xml`, withHeader(generateFlow(24, 1).xml, 'Gen A', 'Active'));
  put(
    `${FLOWS}/Opportunity_Review.flow-meta.xml`,
    opportunity.replace('<status>Active</status>', '<status>Draft</status>'),
  );
  unlinkSync(join(repo, `${FLOWS}/Old_Flow.flow-meta.xml`));
  put(`${FLOWS}/New_Flow.flow-meta.xml`, hostile);
  mkdirSync(join(repo, 'legacy2'));
  renameSync(join(repo, 'legacy/Legacy.flow'), join(repo, 'legacy2/Legacy.flow'));
  put('README.md', 'changed\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'feature');
  git('checkout', '-q', 'main');
  put(`${FLOWS}/Main_Only.flow-meta.xml`, withHeader(generateFlow(9, 2).xml, 'Main Only', 'Active'));
  git('commit', '-q', '-am', 'main moves on');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const pr = (...extra: string[]) => run('pr', '--cwd', repo, '--base', 'main', '--head', 'feature', ...extra);
const rowOf = (out: string, path: string) => out.split('\n').find((l) => l.startsWith('| ') && l.includes(path)) ?? '';
const linkOf = (row: string) => /\]\((https:[^)]+)\)/.exec(row)?.[1] ?? '';
const parseRef = (ref: FlowRef | undefined) => {
  if (ref?.kind !== 'inline') throw new Error('expected an inline flow');
  const r = parseFlow(ref.text, { fileName: ref.name });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};
const docAt = (text: string, path: string) => {
  const r = parseFlow(text, { fileName: path });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

describe('flowscope pr', () => {
  it('tables every changed flow since the merge base, with counts, status changes and links', async () => {
    const r = await pr('--site', SITE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!-- flowscope:changes -->\n### Flowscope: 5 flows changed/);
    expect(r.out.length).toBeLessThanOrEqual(65_536);
    expect(r.out).not.toContain('Main Only'); // changed on main after the branch point
    expect(r.out).not.toContain('README');
    expect(rowOf(r.out, 'Old\\_Flow')).toMatch(/\| deleted \| −\d+ \| −\d+ \| Obsolete \| \[view\]\(/);
    expect(rowOf(r.out, 'New\\_Flow')).toMatch(/\| added \| \+\d+ \| \+\d+ \| Draft \| \[view\]\(/);
    expect(rowOf(r.out, 'Opportunity\\_Review')).toMatch(
      /\| modified \| \+0 −0 ~0 \| \+0 −0 \| Active → Draft \| \[diff\]\(/,
    );
    expect(rowOf(r.out, 'legacy2/Legacy.flow')).toMatch(
      /legacy\/Legacy\.flow → legacy2\/Legacy\.flow \| renamed \| \+0 −0 ~0 \| \+0 −0 \| Active/,
    );
    const gen = rowOf(r.out, 'Gen\\_A');
    const genDiff = diffFlows(
      docAt(withHeader(generateFlow(20, 1).xml, 'Gen A', 'Active'), 'Gen_A.flow-meta.xml'),
      docAt(withHeader(generateFlow(24, 1).xml, 'Gen A', 'Active'), 'Gen_A.flow-meta.xml'),
    );
    const s = genDiff.summary;
    const renamed = s.nodes.renamed > 0 ? ` ↻${s.nodes.renamed}` : '';
    // Connectors as the app and `diff --md` count them: the one connector list, a rewire once.
    const c = s.connectors;
    const rewired = c.rewired > 0 ? ` ⇄${c.rewired}` : '';
    expect(gen).toContain(
      `| modified | +${s.nodes.added} −${s.nodes.removed} ~${s.nodes.changed}${renamed} | +${c.added} −${c.removed}${rewired} | Active |`,
    );
    expect(c.rewired).toBeGreaterThan(0);
    expect(r.out).toContain(`**Connectors:** ${c.added} added, ${c.removed} removed, ${c.rewired} rewired`);
    expect(r.out).toContain('<details><summary>Gen A — details</summary>');
    expect(r.out).toMatch(
      /<summary>Opportunity &lt;Review&gt; second line — details<\/summary>[\s\S]*\*\*Flow properties\*\*[\s\S]*\| Status \| Active \| Draft \(inactive\) \|/,
    );

    // The diff link decodes to the two versions, and to the same diff.
    const decoded = await decodeLink(linkOf(gen));
    if (!decoded.ok) throw new Error(decoded.message);
    const [before, after] = [parseRef(decoded.state.a), parseRef(decoded.state.b)];
    expect(before).toEqual(
      shareableDoc(docAt(git('show', `main~1:${FLOWS}/Gen_A.flow-meta.xml`), 'Gen_A.flow-meta.xml')),
    );
    expect(after).toEqual(
      shareableDoc(docAt(git('show', `feature:${FLOWS}/Gen_A.flow-meta.xml`), 'Gen_A.flow-meta.xml')),
    );
    expect(diffFlows(before, after)).toEqual(genDiff);
  });

  it('keeps untrusted labels inert: no links, mentions, HTML or broken table cells', async () => {
    const r = await pr('--site', SITE);
    const row = rowOf(r.out, 'New\\_Flow');
    expect(row).toContain('**\\[click\\]\\(https://evil.test\\) @\u2060octocat &lt;img src=x\\> \\| pipe**');
    expect(row.split(/(?<!\\)\|/).length).toBe(8); // 6 cells
  });

  it('uses short links by URL with --raw-base', async () => {
    const r = await pr('--site', SITE, '--raw-base', 'https://raw.githubusercontent.com/acme/crm/');
    const decoded = await decodeLink(linkOf(rowOf(r.out, 'Gen\\_A')));
    const base = git('merge-base', 'main', 'feature');
    const head = git('rev-parse', 'feature');
    expect(decoded.ok && decoded.state).toMatchObject({
      route: 'diff',
      a: { kind: 'url', url: `https://raw.githubusercontent.com/acme/crm/${base}/${FLOWS}/Gen_A.flow-meta.xml` },
      b: { kind: 'url', url: `https://raw.githubusercontent.com/acme/crm/${head}/${FLOWS}/Gen_A.flow-meta.xml` },
    });
  });

  it('stays under the limit and says what it left out', async () => {
    const r = await pr('--site', SITE, '--limit', '3000');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeLessThanOrEqual(3000);
    expect(r.out).toMatch(/_Left out to keep this comment under 3,000 characters: .*links?/);
    const tiny = await pr('--site', SITE, '--limit', '1000');
    expect(tiny.out.length).toBeLessThanOrEqual(1000);
    expect(tiny.out).toMatch(/more flows? \(/);
  });

  it('takes paths, works without --site, and reports bad refs', async () => {
    const saved = process.env.FLOWSCOPE_SITE;
    delete process.env.FLOWSCOPE_SITE;
    try {
      const r = await pr('legacy2/*', 'legacy/*');
      expect(r.out).toMatch(/^<!-- flowscope:changes -->\n### Flowscope: 1 flow changed/);
      expect(r.out).toContain('Pass --site URL');
      expect(r.out).not.toContain('](https');
    } finally {
      if (saved !== undefined) process.env.FLOWSCOPE_SITE = saved;
    }
    const none = await run('pr', '--cwd', repo, '--base', 'feature', '--head', 'feature');
    expect(none.out).toContain('No flow files changed.');
    expect(await run('pr', '--cwd', repo, '--base', 'no-such-branch')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/"no-such-branch" is not a commit/),
    });
    expect(await run('pr', '--cwd', repo, '--base', '--output=/tmp/x')).toMatchObject({ code: 1 });
    expect(await run('pr', '--cwd', repo)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--base REF is required/),
    });
  });
});
