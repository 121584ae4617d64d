import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sideText, valueText, wordDiff } from '../../../src/views/diff/wordDiff';

describe('word-level diff of long values', () => {
  it('marks just the words that changed inside a formula', () => {
    const pieces = wordDiff('IF({!Amount} > 1000000, 0.1, 0)', 'IF({!Amount} > 500000, 0.15, 0)');
    expect(pieces.filter((p) => p.op === 'del').map((p) => p.text)).toEqual(['1000000', '0.1']);
    expect(pieces.filter((p) => p.op === 'add').map((p) => p.text)).toEqual(['500000', '0.15']);
  });

  it('reads back both sides exactly, for any texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const pieces = wordDiff(a, b);
        expect(sideText(pieces, 'before')).toBe(a);
        expect(sideText(pieces, 'after')).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('equal texts have no insertions or deletions', () => {
    expect(wordDiff('Amount Greater Than 5', 'Amount Greater Than 5')).toEqual([
      { text: 'Amount Greater Than 5', op: 'same' },
    ]);
  });

  it('very long values fall back to whole-value replacement instead of a huge table', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(' ');
    const started = performance.now();
    const pieces = wordDiff(a, b);
    expect(performance.now() - started).toBeLessThan(500);
    expect(sideText(pieces, 'before')).toBe(a);
    expect(sideText(pieces, 'after')).toBe(b);
  });

  it('shows objects as key: value lines', () => {
    expect(
      valueText({ leftValueReference: '$Record.Amount', operator: 'GreaterThan', rightValue: { numberValue: '5' } }),
    ).toBe('leftValueReference: $Record.Amount\noperator: GreaterThan\nrightValue:\n  numberValue: 5');
    expect(valueText(['Id', 'Name'])).toBe('- Id\n- Name');
    expect(valueText(undefined)).toBe('');
  });
});

describe('valueText of lists of objects', () => {
  it('starts each object item on its dash line', () => {
    expect(
      valueText({
        conditions: [
          { leftValueReference: 'A', operator: 'EqualTo' },
          { leftValueReference: 'B', operator: 'IsNull' },
        ],
      }),
    ).toBe(
      'conditions:\n  - leftValueReference: A\n    operator: EqualTo\n  - leftValueReference: B\n    operator: IsNull',
    );
  });
});
