import { describe, expect, it } from 'vitest';
import { createLocalSetClient } from '../../src/sets/client';
import { readFlowTexts } from '../../src/sets/read';
import { summarizeSet } from '../../src/sets/summary';
import { createSetSearch } from '../../src/model/setSearch';
import { corpusSet, generatedSet } from '../support/generateSet';

describe('the corpus as one set', () => {
  it('lists every corpus flow (a repeated API name once), resolving the calls whose callee is present', async () => {
    const { files, duplicates } = corpusSet();
    expect(files.length + duplicates.length).toBe(320);
    const client = createLocalSetClient();
    const summary = await client.open(files.map((f) => ({ path: f.path, text: f.text })));
    expect(summary.skipped).toEqual([]);
    expect(summary.flows.map((f) => f.file)).toEqual(files.map((f) => f.path));
    const names = new Set(summary.flows.map((f) => f.name));
    expect(summary.calls.length).toBeGreaterThan(10);
    for (const c of summary.calls) expect(c.resolved).toBe(names.has(c.callee));
    expect(summary.calls.some((c) => c.resolved)).toBe(true);
    const triggered = summary.flows.filter((f) => f.trigger).length;
    expect(summary.triggers.reduce((n, o) => n + o.flows.length, 0)).toBe(triggered);
    expect((await client.search('$Record')).total).toBeGreaterThan(50);
    client.dispose();
  });
});

describe('a generated set', () => {
  const set = generatedSet(2000, 7);
  const read = readFlowTexts(set.map((f) => ({ file: f.path, text: f.text })));

  it('has the calls, triggers and interfaces it was generated with', () => {
    const summary = summarizeSet(read.entries, read.skipped);
    expect(summary.flows).toHaveLength(2000);
    const calls = new Map<string, string[]>();
    for (const c of summary.calls) calls.set(c.caller, [...(calls.get(c.caller) ?? []), c.callee]);
    for (const f of set) expect(calls.get(f.name) ?? []).toEqual(f.calls);
    expect(summary.calls.some((c) => !c.resolved)).toBe(true);
    expect(summary.calls.filter((c) => c.resolved).length).toBeGreaterThan(summary.calls.length / 2);
    const triggered = set.filter((f) => f.trigger);
    expect(summary.triggers.reduce((n, o) => n + o.flows.length, 0)).toBe(triggered.length);
    expect(summary.flows[0]?.interface.inputs.map((p) => p.name)).toContain('recordId');
  });

  it('searches 2,000 flows in well under 50 ms a keystroke', () => {
    const search = createSetSearch(read.entries.map((e) => ({ name: e.name, label: e.doc.label, doc: e.doc })));
    const times: number[] = [];
    for (const word of ['Opportunity.StageName', 'Send_Email'])
      for (let i = 1; i <= word.length; i++) {
        const t0 = performance.now();
        const r = search.search(word.slice(0, i));
        times.push(performance.now() - t0);
        expect(r.total).toBeGreaterThan(0);
      }
    times.sort((a, b) => a - b);
    expect(times[times.length >> 1]).toBeLessThan(50);
  });
});
