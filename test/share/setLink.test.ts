import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHash, readHash, withView } from '../../src/share/hash';
import { decodeLink, readSetLink, setLinkUrl } from '../../src/share/index';
import { isLinkHash } from '../../src/views/links';

/** The flow set route: `#/set?v=1&src=TREE[&flow=NAME][&via=A,B][&select=ID]`. */
const TREE = 'https://github.com/acme/crm/tree/main/force-app/main/default/flows';
/** API names and element ids as a link may meet them: odd characters, separators, prototype keys. */
const name = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'a,b', 'x%2Cy', 'a+b', 'a&b=c', ' spaced ', '#/set?', 'Ünïcødé_✓'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);

describe('set links', () => {
  it('format → read gives back the set, its flow, breadcrumb and selection (property)', () => {
    fc.assert(
      fc.property(
        fc.webUrl(),
        name,
        fc.array(name, { maxLength: 4 }),
        fc.option(name, { nil: undefined }),
        (src, flow, via, select) => {
          const hash = formatHash({ route: 'set', src, flow, via, ...(select ? { select } : {}) });
          expect(readHash(`https://site.test/app/${hash}`)).toEqual({
            ok: true,
            route: 'set',
            v: '1',
            notices: [],
            src,
            flow,
            ...(via.length > 0 ? { via } : {}),
            ...(select ? { select } : {}),
          });
          const read = readSetLink(hash);
          if (/^https?:/i.test(src))
            expect(read).toEqual({ ok: true, notices: [], state: { src, flow, via, ...(select ? { select } : {}) } });
        },
      ),
    );
  });

  it('writes src, flow, via and select in that order, the names of via comma-separated', () => {
    expect(formatHash({ route: 'set', src: TREE, flow: 'Child', via: ['Parent', 'Mid'], select: 'Call_0' })).toBe(
      `#/set?v=1&src=${encodeURIComponent(TREE)}&flow=Child&via=Parent,Mid&select=Call_0`,
    );
    // A comma inside a name is not a separator.
    expect(readHash('#/set?src=x&flow=F&via=a%2Cb,c').ok && readHash('#/set?src=x&flow=F&via=a%2Cb,c')).toMatchObject({
      via: ['a,b', 'c'],
    });
  });

  it('reads hand-written set links: sel= as select, no version, unescaped URL', () => {
    expect(readSetLink(`#/set?src=${TREE}&flow=Child&via=Parent&sel=Done`)).toEqual({
      ok: true,
      notices: [],
      state: { src: TREE, flow: 'Child', via: ['Parent'], select: 'Done' },
    });
    expect(readSetLink(`#/set?src=${TREE}`)).toEqual({ ok: true, notices: [], state: { src: TREE, via: [] } });
    // A breadcrumb without a flow to lead to is dropped.
    expect(readSetLink(`#/set?src=${TREE}&via=A`)).toMatchObject({ ok: true, state: { via: [] } });
  });

  it('refuses a set link without a repository, or one that is not http(s), and says what one looks like', () => {
    expect(readSetLink('#/set?flow=A')).toMatchObject({ ok: false, hint: expect.stringContaining('#/set?src=') });
    expect(readSetLink('#/set?src=javascript:alert(1)')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not an http'),
    });
    expect(readSetLink('#/view?src=https://x.test/a.flow')).toMatchObject({ ok: false });
    expect(setLinkUrl({ src: 'file:///etc', via: [] }, 'https://s.test/')).toMatchObject({ ok: false });
  });

  it('setLinkUrl makes the page link; a flow link carries its breadcrumb and selection', () => {
    const made = setLinkUrl({ src: TREE, flow: 'Child', via: ['Parent'], select: 'Done' }, 'https://s.test/app/#/old');
    expect(made).toMatchObject({
      ok: true,
      url: `https://s.test/app/#/set?v=1&src=${encodeURIComponent(TREE)}&flow=Child&via=Parent&select=Done`,
    });
    expect(setLinkUrl({ src: TREE, via: ['Ignored'], select: 'X' }, 'https://s.test/')).toMatchObject({
      url: `https://s.test/#/set?v=1&src=${encodeURIComponent(TREE)}`,
    });
  });

  it('withView rewrites a set link’s selection as select=, keeping its flow and breadcrumb', () => {
    expect(withView(`https://s.test/#/set?v=1&src=x&flow=F&via=A,B&sel=Old`, { sel: 'New one' })).toBe(
      'https://s.test/#/set?v=1&src=x&flow=F&via=A,B&select=New%20one',
    );
  });

  it('the page knows a set link; the single-flow reader refuses one in words', async () => {
    expect(isLinkHash('#/set?v=1&src=x')).toBe(true);
    expect(isLinkHash('#/set')).toBe(true);
    expect(isLinkHash('#/settings')).toBe(false);
    expect(await decodeLink(`#/set?src=${TREE}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('set link'),
    });
  });
});
