import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/model/graph';
import { parseFlow } from '../src/model/parse/index';
import { SAMPLES } from '../src/samples/index';

describe('bundled samples', () => {
  it.each(SAMPLES.map((s) => [s.fileName]))('%s loads with no warnings', (fileName) => {
    const r = parseFlow(readFileSync(join(__dirname, '../src/samples', fileName), 'utf8'), { fileName });
    if (!r.ok) throw new Error(r.error.message);
    const g = buildGraph(r.doc);
    expect(g.warnings).toEqual([]);
    expect(g.nodes.length).toBeGreaterThan(7);
  });

  it('between them show scheduled paths, loops, faults, Go To, waits and screens', () => {
    const kinds = new Set<string>();
    for (const s of SAMPLES) {
      const r = parseFlow(readFileSync(join(__dirname, '../src/samples', s.fileName), 'utf8'), {
        fileName: s.fileName,
      });
      if (!r.ok) throw new Error(r.error.message);
      for (const e of buildGraph(r.doc).edges) {
        kinds.add(e.kind);
        if (e.goTo) kinds.add('goTo');
      }
      for (const e of r.doc.elements) kinds.add(e.type);
    }
    for (const k of [
      'scheduledPath',
      'loopNext',
      'loopEnd',
      'fault',
      'goTo',
      'waitEvent',
      'outcome',
      'default',
      'screens',
      'subflows',
    ])
      expect(kinds).toContain(k);
  });
});

describe('the bundled sample pair', () => {
  it('is two versions of one flow, both loading cleanly', async () => {
    const { SAMPLE_PAIR } = await import('../src/samples/index');
    const docs = [SAMPLE_PAIR.before.fileName, SAMPLE_PAIR.after.fileName].map((f) => {
      const r = parseFlow(readFileSync(join(__dirname, '../src/samples', f), 'utf8'), { fileName: f });
      if (!r.ok) throw new Error(r.error.message);
      expect(buildGraph(r.doc).warnings).toEqual([]);
      return r.doc;
    });
    expect(docs[0]?.label).toBe(docs[1]?.label);
  });
});
