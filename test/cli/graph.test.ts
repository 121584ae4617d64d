import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fx, run } from './helpers';

describe('flowscope graph', () => {
  it('--json prints the graph contract', async () => {
    const r = await run('graph', fx('Opportunity_Review.flow-meta.xml'), '--json');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.out) as {
      flow: Record<string, string>;
      nodes: { id: string; type: string; label: string }[];
      edges: { source: string; target: string; kind: string; goTo: boolean; label?: string }[];
      warnings: string[];
    };
    expect(g.flow).toEqual({
      name: 'Opportunity_Review',
      label: 'Opportunity <Review>\nsecond line',
      processType: 'AutoLaunchedFlow',
      status: 'Active',
      apiVersion: '62.0',
    });
    expect(g.nodes[0]).toEqual({ id: '$start', type: 'start', label: 'Start' });
    expect(g.nodes).toContainEqual({ id: 'Check_Amount', type: 'decisions', label: 'Check Amount & Stage' });
    expect(g.edges).toContainEqual(
      expect.objectContaining({
        source: 'Check_Amount',
        target: 'Mark_Big_Deal',
        kind: 'outcome',
        label: 'Over 1M',
        goTo: false,
      }),
    );
    expect(g.edges).toContainEqual(
      expect.objectContaining({ source: 'Get_Line_Items', target: 'Log_Error', kind: 'fault', goTo: true }),
    );
    expect(g.warnings).toEqual([]);
    // The flow's interface, as `index --json` and `check --json` give it, after the graph's own keys.
    expect(Object.keys(g)).toEqual(['flow', 'nodes', 'edges', 'warnings', 'interface']);
    expect((g as unknown as { interface: unknown }).interface).toEqual({
      inputs: [],
      outputs: [{ name: 'Total', dataType: 'Currency', isCollection: false }],
    });
  });

  it('without --json prints a readable summary', async () => {
    const r = await run('graph', fx('Opportunity_Review.tooling.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('8 nodes, 11 connectors');
    expect(r.out).toMatch(/2\s+Assignment \(assignments\)/);
    expect(r.out).toMatch(/1\s+fault \(Go To\)/);
    // The flow's type as the app names it, not its metadata value.
    expect(r.out.split('\n')[1]).toMatch(/^Record-Triggered Flow · Active · API 62\.0$/);
  });

  it('a multi-version query result: notes which version it shows, --record picks another', async () => {
    const first = await run('graph', fx('Opportunity_Review.query.json'), '--json');
    expect(first.err).toMatch(/2 flow versions; showing Opportunity_Review, version 4/);
    const second = await run('graph', fx('Opportunity_Review.query.json'), '--json', '--record', '1');
    expect((JSON.parse(second.out) as { flow: { status: string } }).flow.status).toBe('Draft');
  });

  it('bad input exits 1 with the message and hint', async () => {
    const r = await run('graph', fx('../helpers/fixtures.ts'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/neither XML nor JSON/);
    const missing = await run('graph', fx('nope.flow-meta.xml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*ENOENT/);
  });

  it('unknown commands and missing arguments exit 2 with usage', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('graph')).err).toMatch(/a FILE is required/);
  });

  it('prints the flow text one line each, with no terminal escapes or bidi controls from the flow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowscope-cli-'));
    const file = join(dir, 'Evil.json');
    const label = 'Evil\u001b[31mRED\u001b]0;title\u0007\nsecond\u202eline';
    writeFileSync(
      file,
      JSON.stringify({ FullName: 'Evil', Metadata: { label, processType: 'Flow', status: 'Draft' } }),
    );
    const r = await run('graph', file);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.out.split('\n')[0]).toBe('Evil [31mRED ]0;title  second line (Evil)');
  });
});
