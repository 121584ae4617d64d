import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFlows, isEmptyDiff } from '../../../src/model/diff/index';
import { filterNoise, NOISE_KINDS, type NoiseKind, noiseMeasure } from '../../../src/model/diff/noise';
import { reverseDiff } from '../../../src/model/diff/reverse';
import type { FlowDiff } from '../../../src/model/diff/types';
import { isObj, type FlowDoc, type Obj, type Value } from '../../../src/model/types';
import { corpusPairs, readCorpus } from '../../helpers/corpus';
import { generateFlow, rng } from '../../support/generate';
import { MUTATION_KINDS, mutateFlow } from '../../support/mutate';
import { expectConsistent } from './expect';
import { readDiff } from './mirror';
import { parseDoc } from './helpers';

/** Fields a namespace token never goes into: identity, connectors, words a reader reads, coordinates. */
const NOT_TOKENED = new Set(['name', 'pathName', 'targetReference', 'label', 'description', 'locationX', 'locationY']);

/** String leaves of an element a packaging tool could prefix: [holder, field] pairs. */
function leaves(v: Value, out: [Obj, string][]): void {
  if (typeof v === 'string') return;
  if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else
    for (const [k, x] of Object.entries(v)) {
      if (NOT_TOKENED.has(k) || k.endsWith('onnector') || k.endsWith('onnectors')) continue;
      if (typeof x === 'string') out.push([v, k]);
      else leaves(x, out);
    }
}

/**
 * Edits a reviewer may call noise, at random: descriptions and labels of elements, the API version, the
 * canvas mode, a namespace token in front of a value. Nothing else changes.
 */
function addNoise(doc: FlowDoc, seed: number): FlowDoc {
  const rand = rng(seed);
  const out = structuredClone(doc);
  for (const e of out.elements) {
    const r = rand();
    if (r < 0.15) e.data.description = `Noise ${seed}`;
    else if (r < 0.3) e.data.label = `${typeof e.data.label === 'string' ? e.data.label : ''} (renamed ${seed})`;
    else if (r < 0.4) {
      const ls: [Obj, string][] = [];
      leaves(e.data, ls);
      const pick = ls[Math.floor(rand() * ls.length)];
      if (pick) pick[0][pick[1]] = `%%%NAMESPACED_ORG%%%${pick[0][pick[1]] as string}`;
    }
  }
  if (rand() < 0.5) out.properties.apiVersion = '99.0';
  if (rand() < 0.5) {
    const pmv = Array.isArray(out.properties.processMetadataValues) ? out.properties.processMetadataValues : [];
    out.properties.processMetadataValues = [
      ...pmv.filter((p) => !(isObj(p) && p.name === 'CanvasMode')),
      { name: 'CanvasMode', value: { stringValue: 'FREE_FORM_CANVAS' } },
    ];
  }
  return out;
}

const cases = fc.record({
  size: fc.integer({ min: 1, max: 60 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  mseed: fc.integer({ min: 1, max: 1_000_000 }),
  edits: fc.integer({ min: 0, max: 3 }),
});
const kinds = fc.subarray([...NOISE_KINDS]).map((ks) => new Set<NoiseKind>(ks));

function noisyPair(c: { size: number; seed: number; mseed: number; edits: number }) {
  const before = parseDoc(generateFlow(c.size, c.seed).xml, 'Generated.flow-meta.xml');
  const edited = c.edits > 0 ? mutateFlow(before, c.edits, c.mseed, MUTATION_KINDS).doc : before;
  const after = addNoise(edited, c.mseed);
  return { before, after, diff: diffFlows(before, after) };
}

/** Every change a diff reports, as text (element and resource ids with their status and changes). */
const reported = (d: FlowDiff): Set<string> =>
  new Set([
    ...d.nodes.flatMap((n) => n.changes.map((c) => `n ${n.id} ${JSON.stringify(c)}`)),
    ...d.resources.flatMap((r) => r.changes.map((c) => `r ${r.id} ${JSON.stringify(c)}`)),
    ...d.properties.map((c) => `p ${JSON.stringify(c)}`),
    ...d.nodes.filter((n) => n.status !== 'unchanged').map((n) => `s ${n.id} ${n.status}`),
    ...d.connectors.map((c) => `c ${c.id} ${c.status}`),
  ]);

describe('noise filters (generated flows with real and noisy edits)', () => {
  it('filtering with nothing is the same diff', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { diff } = noisyPair(c);
        expect(filterNoise(diff, new Set()).diff).toBe(diff);
      }),
      { numRuns: 30 },
    );
  });

  it('filtering never adds a change, and the filtered diff is consistent', () => {
    fc.assert(
      fc.property(cases, kinds, (c, ignore) => {
        const { before, after, diff } = noisyPair(c);
        const f = filterNoise(diff, ignore).diff;
        const all = reported(diff);
        for (const x of reported(f)) expect(all.has(x) || x.includes(' unchanged')).toBe(true);
        for (const n of f.nodes) {
          const was = diff.nodes.find((m) => m.id === n.id && m.type === n.type)?.status;
          expect(n.status === was || (was === 'changed' && n.status === 'unchanged')).toBe(true);
        }
        expectConsistent(f, before, after);
        // The union graph's statuses follow the nodes'.
        for (const n of f.nodes) expect(f.graph.nodes.find((g) => g.id === (n.graphId ?? n.id))?.status).toBe(n.status);
      }),
      { numRuns: 40 },
    );
  });

  it("each toggle's count is the drop its filter alone causes", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { diff } = noisyPair(c);
        const { hidden } = filterNoise(diff, new Set());
        for (const k of NOISE_KINDS)
          expect(hidden[k]).toBe(noiseMeasure(diff) - noiseMeasure(filterNoise(diff, new Set([k])).diff));
      }),
      { numRuns: 30 },
    );
  });

  it('filters commute: one after the other, in either order, is both at once', () => {
    fc.assert(
      fc.property(cases, kinds, kinds, (c, a, b) => {
        const { diff } = noisyPair(c);
        const ab = filterNoise(filterNoise(diff, a).diff, b).diff;
        const ba = filterNoise(filterNoise(diff, b).diff, a).diff;
        expect(ab).toEqual(ba);
        expect(ab).toEqual(filterNoise(diff, new Set([...a, ...b])).diff);
      }),
      { numRuns: 40 },
    );
  });

  it('filtering commutes with Swap: the reversed diff filtered reads as the filtered diff reversed', () => {
    fc.assert(
      fc.property(cases, kinds, (c, ignore) => {
        const { diff } = noisyPair(c);
        const swapped = filterNoise(reverseDiff(diff), ignore).diff;
        expect(readDiff(swapped, true)).toEqual(readDiff(filterNoise(diff, ignore).diff, false));
      }),
      { numRuns: 40 },
    );
  });

  it('noise alone, with every filter on, is no change at all', () => {
    const seen = new Set<NoiseKind>();
    fc.assert(
      fc.property(cases, (c) => {
        const { diff } = noisyPair({ ...c, edits: 0 });
        const f = filterNoise(diff, new Set(NOISE_KINDS));
        for (const k of NOISE_KINDS) if (f.hidden[k] > 0) seen.add(k);
        expect(isEmptyDiff(f.diff)).toBe(true);
      }),
      { numRuns: 40 },
    );
    // The noisy edits exercise every filter.
    expect([...seen].sort()).toEqual([...NOISE_KINDS].sort());
  });
});

describe('noise filters on every corpus version pair', () => {
  const pairs = corpusPairs().map((dir) => {
    const read = (f: string) => parseDoc(readCorpus(`pairs/${dir}`, f), f);
    return { dir, a: read('a.flow-meta.xml'), b: read('b.flow-meta.xml') };
  });
  it('every filter on keeps the diff consistent, mirrors under Swap, and its counts are its drops', () => {
    const total = Object.fromEntries(NOISE_KINDS.map((k) => [k, 0])) as Record<NoiseKind, number>;
    for (const p of pairs) {
      const d = diffFlows(p.a, p.b);
      const all = new Set(NOISE_KINDS);
      const f = filterNoise(d, all);
      expectConsistent(f.diff, p.a, p.b);
      expect(readDiff(filterNoise(reverseDiff(d), all).diff, true)).toEqual(readDiff(f.diff, false));
      for (const k of NOISE_KINDS) {
        expect(f.hidden[k]).toBe(noiseMeasure(d) - noiseMeasure(filterNoise(d, new Set([k])).diff));
        total[k] += f.hidden[k];
      }
    }
    // Real histories have each kind of noise (a namespaced package's tokens stripped, above all).
    for (const k of NOISE_KINDS) expect(total[k], k).toBeGreaterThan(0);
  });
});
