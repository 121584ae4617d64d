import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { esc, fitText, textWidth, wrap } from '../../src/render/text';

describe('svg text', () => {
  it('wrap keeps to the line count and width, and loses no word unless it says so with …', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.integer({ min: 40, max: 300 }),
        fc.integer({ min: 1, max: 3 }),
        (text, width, lines) => {
          const out = wrap(text, width, 13, lines, true);
          expect(out.length).toBeLessThanOrEqual(lines);
          for (const line of out) expect(textWidth(line, 13, true)).toBeLessThanOrEqual(width + 13);
          const joined = out.join(' ');
          if (!joined.includes('…')) expect(joined).toBe(text.replace(/\s+/g, ' ').trim());
        },
      ),
    );
    expect(wrap('Check Amount and Stage of the Opportunity', 150, 13, 2, true)).toEqual([
      'Check Amount and',
      'Stage of the Opport…',
    ]);
    expect(wrap('Send_Email_To_The_Account_Owner_Right_Now', 150, 13, 2, true)).toHaveLength(1);
  });

  it('fit cuts with an ellipsis only when needed', () => {
    expect(fitText('Decision', 200, 11)).toBe('Decision');
    expect(fitText('A record is created or updated — after save', 100, 11)).toMatch(/^A record.*…$/);
  });

  it('esc escapes markup, drops the control characters XML cannot hold and marks a lone surrogate U+FFFD', () => {
    expect(esc(`<a href="x">'&'</a>\u0000\u0007\uD800 ok \uD83D\uDE00 \uDC00`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD ok \uD83D\uDE00 \uFFFD',
    );
  });
});
