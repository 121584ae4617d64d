import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHash, readHash, withView } from '../../src/share/hash';
import { DIFF_MODES } from '../../src/share/types';

describe('hash', () => {
  it('format → read gives the same parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('view' as const, 'diff' as const),
        fc.record(
          {
            src: fc.webUrl(),
            a: fc.webUrl(),
            b: fc.webUrl(),
            sel: fc.string({ unit: 'grapheme', minLength: 1 }),
            z: fc.base64String().map((s) => s.replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_')),
            mode: fc.constantFrom(...DIFF_MODES),
          },
          { requiredKeys: [] },
        ),
        (route, params) => {
          const read = readHash(`https://site.test/app/${formatHash({ route, ...params })}`);
          expect(read).toEqual({ ok: true, route, v: '1', notices: [], ...params });
        },
      ),
    );
  });

  it('puts the version first and the payload last (a cut link loses payload, not the view)', () => {
    expect(formatHash({ route: 'diff', z: 'abc', sel: 'A B', mode: 'side', a: 'https://x.test/a' })).toBe(
      '#/diff?v=1&mode=side&sel=A%20B&a=https%3A%2F%2Fx.test%2Fa&z=abc',
    );
  });

  it('reads hand-written links without a version, and ignores page parameters', () => {
    expect(readHash('#/view?src=https://x.test/a.flow-meta.xml&embed=1')).toEqual({
      ok: true,
      route: 'view',
      notices: [],
      src: 'https://x.test/a.flow-meta.xml',
    });
    expect(readHash('/diff')).toMatchObject({ ok: true, route: 'diff' });
  });

  it('withView rewrites mode and selection, keeping the payload and the page URL', () => {
    const link = 'https://site.test/?embed=1#/diff?v=1&mode=side&sel=Old&z=PAYLOAD';
    expect(withView(link, { mode: 'changes', sel: 'New one' })).toBe(
      'https://site.test/?embed=1#/diff?v=1&mode=changes&sel=New%20one&z=PAYLOAD',
    );
    expect(withView('#/view?v=1&sel=A&src=https%3A%2F%2Fx.test', {})).toBe('#/view?v=1&src=https%3A%2F%2Fx.test');
    expect(withView('#/nothing', { sel: 'A' })).toBeUndefined();
  });
});
