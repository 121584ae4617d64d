import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectFlowRestPayload,
  detectFlowRestText,
  placeInterviews,
  runtimeJson,
  type Interview,
} from '../../src/model/runtime';
import type { FlowDoc } from '../../src/model/types';
import { generateFlow } from '../support/generate';

const tricky = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'A', 'a', '');
const name = fc.oneof(tricky, fc.string({ maxLength: 12 }));
const flowOf = (names: readonly string[]): FlowDoc => ({
  name: 'F',
  label: 'F',
  elements: names.map((n) => ({ name: n, type: 'assignments', label: n, data: {} })),
  resources: [],
  properties: {},
});
const interview = (names: readonly string[]) =>
  fc.record({
    currentElement: fc.oneof(fc.constant(null), name, ...(names.length > 0 ? [fc.constantFrom(...names)] : [])),
    status: fc.oneof(fc.constantFrom('Paused', 'Error', 'Running', '__proto__', ''), fc.string({ maxLength: 8 })),
  });
const case_ = fc
  .uniqueArray(
    name.filter((n) => n !== ''),
    { maxLength: 12 },
  )
  .chain((names) => fc.tuple(fc.constant(names), fc.array(interview(names), { maxLength: 80 })));

describe('placeInterviews (properties)', () => {
  it('never drops an interview: the counts add up to the total, each interview placed once', () => {
    fc.assert(
      fc.property(case_, ([names, list]) => {
        const placed = placeInterviews(flowOf(names), list);
        const all = [...placed.elements.values(), ...placed.elsewhere.values()].flat();
        expect(placed.total).toBe(list.length);
        expect(all).toHaveLength(list.length);
        expect(new Set(all)).toEqual(new Set(list));
        const json = runtimeJson(placed);
        const sum =
          Object.values(json.elements).reduce((n, s) => n + Object.values(s).reduce((a, b) => a + b, 0), 0) +
          Object.values(json.elsewhere).reduce((a, b) => a + b, 0);
        expect(sum).toBe(json.total);
      }),
      { numRuns: 300 },
    );
  });

  it('elements keys are the flow’s elements, elsewhere keys are not; each interview stands by its CurrentElement', () => {
    fc.assert(
      fc.property(case_, ([names, list]) => {
        const set = new Set(names);
        const placed = placeInterviews(flowOf(names), list);
        for (const [k, is] of placed.elements) {
          expect(set.has(k)).toBe(true);
          for (const i of is) expect(i.currentElement).toBe(k);
        }
        for (const [k, is] of placed.elsewhere) {
          expect(set.has(k)).toBe(false);
          for (const i of is) expect(i.currentElement ?? '').toBe(k);
        }
        // Elements keep the flow's order.
        const order = [...placed.elements.keys()].map((k) => names.indexOf(k));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('status names are preserved, counted as the records give them, in own keys only', () => {
    fc.assert(
      fc.property(case_, ([names, list]) => {
        const json = JSON.parse(JSON.stringify(runtimeJson(placeInterviews(flowOf(names), list))));
        const want = new Map<string, number>();
        for (const i of list)
          if (i.currentElement !== null && names.includes(i.currentElement)) {
            const k = JSON.stringify([i.currentElement, i.status]);
            want.set(k, (want.get(k) ?? 0) + 1);
          }
        const got = new Map<string, number>();
        for (const el of Object.keys(json.elements))
          for (const s of Object.keys(json.elements[el])) got.set(JSON.stringify([el, s]), json.elements[el][s]);
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectFlowRestPayload (properties)', () => {
  const field = fc.oneof(fc.constant(null), fc.string({ maxLength: 10 }));
  const row = fc.record({
    Id: fc.string({ minLength: 1, maxLength: 18 }),
    Name: field,
    CurrentElement: field,
    InterviewStatus: fc.oneof(fc.constantFrom('Paused', 'Error', '__proto__'), fc.string({ maxLength: 8 })),
    PauseLabel: field,
    InterviewLabel: field,
    CreatedDate: field,
  });

  it('reads every record of a FlowInterview query, CurrentElement and status as given, nulls absent', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, wrap) => {
        const records = rows.map((r) => ({ attributes: { type: 'FlowInterview' }, ...r }));
        const body = { totalSize: records.length, done: true, records };
        const p = detectFlowRestPayload(JSON.parse(JSON.stringify(wrap ? { status: 0, result: body } : body)));
        expect(p?.kind).toBe('interviews');
        const got = p?.kind === 'interviews' ? p.interviews : [];
        expect(got).toHaveLength(rows.length);
        got.forEach((i: Interview, n) => {
          const r = rows[n]!;
          expect(i.currentElement).toBe(r.CurrentElement === '' ? null : r.CurrentElement);
          expect(i.status).toBe(r.InterviewStatus);
          for (const [k, f] of [
            ['pauseLabel', 'PauseLabel'],
            ['label', 'InterviewLabel'],
          ] as const)
            expect(Object.hasOwn(i, k)).toBe(typeof r[f] === 'string' && r[f] !== '');
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a generated flow, as XML or Tooling JSON, is never one of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 10_000 }), (size, seed) => {
        const g = generateFlow(size, seed);
        expect(detectFlowRestText(g.json)).toBeUndefined();
        expect(detectFlowRestText(g.xml)).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});
