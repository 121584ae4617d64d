import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFlowRestText } from '../../src/model/runtime';
import { SCAN_FROM, scanInterviews, scannable } from '../../src/model/runtimeScan';
import { interviewRows, queryResult, type InterviewRow } from '../helpers/interviews';

/**
 * A big FlowInterview query read a slice at a time (runtimeScan.ts): the first `cap` interviews and the count
 * are what parsing the text whole gives, in every shape a query answer comes in (REST, `sf data query --json`,
 * a bare array, pretty-printed), the walk pauses, and anything it is not sure of is left to the whole parse.
 */
const ELEMENTS = ['Check_Amount', 'Mark_Big_Deal', 'Flag_Line'];
const pause = () => Promise.resolve();
/** Enough rows for a text past SCAN_FROM. */
const rows = (seed: number, count = 3200) => interviewRows(ELEMENTS, { count, seed, removed: ['Old_Step'] });

type Shape = 'rest' | 'sf' | 'array' | 'page';
function textOf(list: InterviewRow[], shape: Shape, indent: number | undefined): string {
  const value =
    shape === 'rest'
      ? queryResult(list)
      : shape === 'page'
        ? queryResult(list, { done: false, next: '/services/data/v63.0/query/01g-2000', total: 60_000 })
        : shape === 'sf'
          ? { status: 0, result: { records: list, totalSize: list.length, done: true }, warnings: [] }
          : list;
  return JSON.stringify(value, null, indent);
}

describe('a big FlowInterview query read a slice at a time', () => {
  it('property: the first interviews and the count are the whole parse’s, in every shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom<Shape>('rest', 'sf', 'array', 'page'),
        fc.constantFrom(undefined, 2),
        fc.integer({ min: 1, max: 4000 }),
        async (seed, shape, indent, cap) => {
          const list = rows(seed);
          // Names that look like JSON's own: quotes, backslashes, brackets, a "records" key inside a record.
          list[0] = { ...list[0], Name: 'FI-"[{\\', InterviewLabel: '\\\\"records": [' };
          const text = textOf(list, shape, indent);
          expect(text.length).toBeGreaterThanOrEqual(SCAN_FROM);
          const whole = detectFlowRestText(text);
          if (whole?.kind !== 'interviews') throw new Error('the whole parse reads interviews');
          const scanned = await scanInterviews(text, cap, pause);
          expect(scanned?.interviews).toEqual(whole.interviews.slice(0, cap));
          expect(scanned?.more).toBe(whole.more);
          expect(scanned?.totalSize).toBe(Math.max(whole.totalSize ?? list.length, list.length));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('pauses while it walks, so no task is long', async () => {
    let pauses = 0;
    const text = textOf(rows(7, 20_000), 'rest', undefined);
    const scanned = await scanInterviews(
      text,
      2000,
      () => {
        pauses++;
        return new Promise((go) => setTimeout(go, 0));
      },
      1,
    );
    expect(scanned?.interviews.length).toBe(2000);
    expect(scanned?.totalSize).toBe(20_000);
    expect(pauses).toBeGreaterThan(0);
  });

  it('leaves to the whole parse: small texts, a flow, records that are no objects, bad JSON', async () => {
    const big = textOf(rows(3), 'rest', undefined);
    expect(scannable(textOf(rows(3, 10), 'rest', undefined))).toBe(false);
    expect(scannable(big)).toBe(true);
    // Metadata anywhere: a flow is never a payload.
    expect(scannable(big.replace('"Name"', '"Metadata"'))).toBe(false);
    expect(await scanInterviews(big.replace('"records":[', '"records":[1,'), 2000, pause)).toBeUndefined();
    expect(await scanInterviews(big.slice(0, -2), 2000, pause)).toBeUndefined();
    expect(await scanInterviews(big.replace('"records":', '"rows":'), 2000, pause)).toBeUndefined();
    // Another object's records with interview-like fields further on: not interviews, the whole parse says what.
    const accounts = JSON.stringify(
      queryResult(rows(3, 4000).map((r) => ({ ...r, attributes: { type: 'Account' }, InterviewStatus: undefined }))),
    );
    expect(scannable(accounts)).toBe(true);
    expect(await scanInterviews(accounts, 2000, pause)).toBeUndefined();
  });
});
