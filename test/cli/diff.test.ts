import { describe, expect, it } from 'vitest';
import { fx, run } from './helpers';
import { diffMarkdown, mdText } from '../../src/cli/diffMarkdown';
import { diffFlows } from '../../src/model/diff/index';
import type { FlowDiff } from '../../src/model/diff/types';
import { parseFlow } from '../../src/model/parse/index';

const pair = (name: string) =>
  [fx(`diff/${name}--before.flow-meta.xml`), fx(`diff/${name}--after.flow-meta.xml`)] as const;

describe('flowscope diff', () => {
  it('--json prints the contract: summary, nodes, edges, rewired, connectors, resources, properties, checks (no union graph)', async () => {
    const r = await run('diff', ...pair('rewired-outcome'), '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as Omit<FlowDiff, 'graph'>;
    expect(Object.keys(d)).toEqual([
      'summary',
      'nodes',
      'edges',
      'rewired',
      'connectors',
      'resources',
      'properties',
      'checks',
    ]);
    expect(d.summary).toEqual({
      nodes: { added: 0, removed: 0, changed: 0, renamed: 0, unchanged: 6 },
      edges: { added: 1, removed: 1 },
      connectors: { added: 0, removed: 0, rewired: 1, relabelled: 0, followRename: 0 },
      resources: { added: 0, removed: 0, changed: 0, renamed: 0 },
      properties: 0,
    });
    expect(d.nodes[0]).toEqual({ id: '$start', type: 'start', label: 'Start', status: 'unchanged', changes: [] });
    expect(d.edges).toContainEqual({
      source: 'Check_Amount',
      target: 'Create_Follow_Up',
      kind: 'outcome',
      key: 'Risky_Deal',
      label: 'Risky Deal',
      goTo: false,
      status: 'added',
    });
    expect(d.connectors).toEqual([
      {
        id: 'Check_Amount->Create_Follow_Up#outcome#Risky_Deal',
        status: 'rewired',
        edgeIds: [
          'Check_Amount->Create_Follow_Up#outcome#Risky_Deal',
          'Check_Amount->Flag_For_Review#outcome#Risky_Deal',
        ],
        kind: 'outcome',
        source: 'Check_Amount',
        target: 'Create_Follow_Up',
        targetBefore: 'Flag_For_Review',
        key: 'Risky_Deal',
        label: 'Risky Deal',
        goTo: false,
      },
    ]);
    expect(d.rewired).toEqual([
      {
        source: 'Check_Amount',
        kind: 'outcome',
        key: 'Risky_Deal',
        label: 'Risky Deal',
        before: 'Flag_For_Review',
        after: 'Create_Follow_Up',
      },
    ]);
  });

  it('--json of a rename: renamedFrom and the label change', async () => {
    const d = JSON.parse((await run('diff', ...pair('renamed-element'), '--json')).out) as FlowDiff;
    expect(d.nodes.filter((n) => n.status !== 'unchanged')).toEqual([
      {
        id: 'Apply_Discount',
        type: 'assignments',
        label: 'Apply Discount',
        status: 'renamed',
        renamedFrom: 'Set_Discount',
        changes: [{ path: 'label', before: 'Set Discount', after: 'Apply Discount' }],
      },
    ]);
  });

  it('XML against its Tooling JSON: the same flow', async () => {
    const r = await run(
      'diff',
      fx('Opportunity_Review.flow-meta.xml'),
      fx('Opportunity_Review.tooling.json'),
      '--json',
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as FlowDiff;
    expect(d.summary.nodes.unchanged).toBe(d.nodes.length);
    expect(d.summary.edges).toEqual({ added: 0, removed: 0 });
  });

  it('without a flag prints a short summary', async () => {
    const r = await run('diff', ...pair('changed-formula'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Elements:   0 added, 0 removed, 1 changed, 0 renamed, 5 unchanged');
    expect(r.out).toMatch(/~ Decision\s+Check_Amount \(1 change\)/);
    expect(r.out).toMatch(/~ Formula\s+DiscountedAmount/);
    const status = await run('diff', ...pair('status-change'));
    expect(status.out).toContain('  Status: Draft -> Active');
    expect(status.out).toContain('Elements:   0 added, 0 removed, 0 changed, 0 renamed, 6 unchanged');
  });

  it('--md: counts, then tables of elements, connectors, resources and flow properties', async () => {
    const r = await run('diff', ...pair('changed-formula'), '--md');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('#### Opportunity Discount\n\n')).toBe(true);
    expect(r.out).toContain('**Elements:** 1 changed · **Resources:** 1 changed · 5 elements unchanged');
    expect(r.out).toContain(
      '| ✏️ changed | Check Amount<br>`Check_Amount` | Decision | Outcome *Big Deal*: condition 1, `$Record.Amount` Greater Than 1,000,000 → 500,000 |',
    );
    expect(r.out).toContain(
      '| ✏️ changed | `DiscountedAmount` | Formula | Formula: `{!$Record.Amount} * 0.9` → `{!$Record.Amount} * 0.85` |',
    );
    const rewired = (await run('diff', ...pair('rewired-outcome'), '--md')).out;
    expect(rewired).toContain(
      '| ↪️ rewired | Check Amount (`Check_Amount`) | Outcome *Risky Deal* | Flag For Review (`Flag_For_Review`) → Create Follow-Up Task (`Create_Follow_Up`) |',
    );
    // The rewire is one row, not also its removed and added edges.
    expect(rewired.match(/\| ➕ added \|/g)).toBeNull();
    const fault = (await run('diff', ...pair('added-fault-path'), '--md')).out;
    expect(fault).toContain('| ➕ added | Report Update Error<br>`Report_Update_Error` | Custom Error |  |');
    expect(fault).toContain(
      '| ➕ added | Update Opportunity (`Update_Opportunity`) | Fault path | Report Update Error (`Report_Update_Error`) |',
    );
    const status = (await run('diff', ...pair('status-change'), '--md')).out;
    expect(status).toContain('| Status | Draft (inactive) | Active |');
    expect((await run('diff', ...pair('set-reorder'), '--md')).out).toContain(
      'No differences (coordinates are not compared).',
    );
  });

  it('--md of a rename: one row, and a note that its connectors only follow the rename', async () => {
    const out = (await run('diff', ...pair('renamed-element'), '--md')).out;
    expect(out).toContain(
      '| 🔁 renamed | Apply Discount<br>`Set_Discount` → `Apply_Discount` | Assignment | Label: Set Discount → Apply Discount |',
    );
    expect(out).not.toContain('**Connectors**');
    // The renamed element's two connectors (in and out) are the same connectors, so no change, and said so.
    expect(out).toContain('_2 connectors only follow a renamed element (not a change)._');
    expect(out).not.toContain('**Connectors:**');
  });

  it('--record applies to both inputs', async () => {
    const r = await run(
      'diff',
      fx('Opportunity_Review.query.json'),
      fx('Opportunity_Review.query.json'),
      '--record',
      '1',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/version/);
  });

  it('bad input exits 1; bad usage exits 2 with usage', async () => {
    const [before] = pair('set-reorder');
    const missing = await run('diff', before, fx('nope.flow-meta.xml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*ENOENT/);
    expect((await run('diff', before, fx('../helpers/fixtures.ts'))).code).toBe(1);
    for (const argv of [
      ['diff'],
      ['diff', before],
      ['diff', before, before, before],
      ['diff', before, before, '--json', '--md'],
      ['diff', before, before, '--frobnicate'],
      ['diff', before, before, '--record', 'x'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/flowscope diff: .*\n\nUsage:\n {2}diff A B/);
    }
    expect((await run('help')).out).toContain('diff A B [--json|--md]');
  });
});

describe('diff Markdown escapes untrusted text', () => {
  const flow = (label: string, formula: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <assignments>
        <name>Step</name>
        <label>${label}</label>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <description>${formula}</description>
    </assignments>
    <label>Evil</label>
    <start><connector><targetReference>Step</targetReference></connector></start>
</Flow>`;
  const doc = (text: string) => {
    const r = parseFlow(text, { fileName: 'Evil.flow-meta.xml' });
    if (!r.ok) throw new Error(r.error.message);
    return r.doc;
  };

  it('HTML, links, images, table breaks, mentions and newlines stay text', () => {
    const evil =
      '&lt;img src=x onerror=alert(1)&gt; | [click](https://evil.example) ![i](x.png) @here `tick` *b* _i_\nsecond line';
    const md = diffMarkdown(diffFlows(doc(flow('Plain', 'old')), doc(flow(evil, evil))), {
      title: '<b>Evil</b> | @team',
    });
    // No tag starts (a `<` is backslash-escaped, which GitHub shows as "<"), no entity a reader would see.
    expect(md).not.toMatch(/(^|[^\\])<(img|b>)|[^\\]\]\(|@here|@team|https:\/\/|&lt;|&gt;|&amp;/);
    expect(md).toContain(
      '\\<img src=x onerror=alert(1)\\> \\| \\[click\\](https:\u2060//evil.example) !\\[i\\](x.png) @\u2060here \\`tick\\` \\*b\\* \\_i\\_ second line',
    );
    expect(md).toContain('#### \\<b\\>Evil\\</b\\> \\| @\u2060team');
    // Every table row keeps its column count.
    for (const line of md.split('\n').filter((l) => l.startsWith('| ')))
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(6);
  });

  it('long values are cut, many changes summarised', () => {
    expect(mdText('a\r\nb')).toBe('a b');
    const long = 'x'.repeat(500);
    const md = diffMarkdown(diffFlows(doc(flow('A', 'old')), doc(flow('B', long))), { maxValue: 40 });
    expect(md).toContain(`${'x'.repeat(39)}…`);
    expect(md).not.toContain('x'.repeat(41));
  });
});
