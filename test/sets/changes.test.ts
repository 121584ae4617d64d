import { describe, expect, it } from 'vitest';
import { createLocalChangeClient } from '../../src/sets/changeClient';
import type { ChangeRow } from '../../src/sets/types';
import { flowXml } from '../state/setsFakes';

const file = (name: string, text: string) => ({ path: `flows/${name}.flow-meta.xml`, text });

describe('compare in the set worker', () => {
  it('lists added and removed flows at once, the changed ones as their diffs finish, then the ordered list', async () => {
    const client = createLocalChangeClient();
    const base = [file('Same', flowXml('Same')), file('Gone', flowXml('Gone')), file('Grows', flowXml('Grows'))];
    const head = [
      file('Same', flowXml('Same')),
      file('Grows', flowXml('Grows', ['A', 'B'])),
      file('New', flowXml('New')),
      file('__proto__', flowXml('Proto')),
    ];
    const batches: ChangeRow[][] = [];
    const result = await client.compare(base, head, { onRows: (rows) => batches.push([...rows]) });
    const first = new Map((batches[0] ?? []).map((r) => [r.name, r.status]));
    expect(first.get('Gone')).toBe('removed');
    expect(first.get('New')).toBe('added');
    expect(first.get('Grows')).toBe('pending');
    expect(first.get('__proto__')).toBe('added');
    expect(batches.flat().find((r) => r.name === 'Grows' && r.status === 'changed')).toBeDefined();
    expect(result.counts).toEqual({ added: 2, removed: 1, changed: 1, unchanged: 1 });
    expect(result.rows.at(-1)?.name).toBe('Same');
    expect(result.rows.find((r) => r.name === 'Grows')?.summary?.nodes.added).toBe(2);
    const grows = await client.changeFlow('Grows');
    expect(grows?.before?.text).toBe(flowXml('Grows'));
    expect(grows?.after?.text).toBe(flowXml('Grows', ['A', 'B']));
    const added = await client.changeFlow('New');
    expect(added?.before).toBeUndefined();
    expect(await client.changeFlow('Nope')).toBeUndefined();
    client.dispose();
  });

  it('a cancelled compare rejects with an AbortError', async () => {
    const client = createLocalChangeClient();
    const controller = new AbortController();
    const p = client.compare([file('A', flowXml('A'))], [file('A', flowXml('A', ['X']))], {
      signal: controller.signal,
    });
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    client.dispose();
  });

  it('lists non-flow files of either side as skipped', async () => {
    const client = createLocalChangeClient();
    const result = await client.compare([{ path: 'README.md', text: 'hi' }], [file('A', flowXml('A'))]);
    expect(result.skipped).toEqual([{ side: 'base', file: 'README.md', reason: 'not a flow file' }]);
    client.dispose();
  });
});

describe('a 50-flow change set', () => {
  it('lists every flow at once and resolves all diffs in slices, well within a second each', async () => {
    const { generatedSet } = await import('../support/generateSet');
    const side = (seed: number) => generatedSet(50, seed).map((f) => ({ path: f.path, text: f.text }));
    const [base, head] = [side(1), side(2)];
    const client = createLocalChangeClient();
    const started = performance.now();
    let first: number | undefined;
    let batches = 0;
    let firstRows = 0;
    const result = await client.compare(base, head, {
      onRows: (rows) => {
        if (first === undefined) {
          first = performance.now() - started;
          firstRows = rows.length;
        }
        batches++;
      },
    });
    const all = performance.now() - started;
    console.log(`50 flows: list at ${first?.toFixed(0)} ms, all ${all.toFixed(0)} ms, ${batches} batches`);
    expect(result.rows).toHaveLength(50);
    expect(firstRows).toBe(50);
    expect(first).toBeLessThan(all);
    expect(all).toBeLessThan(5000);
    client.dispose();
  });
});
