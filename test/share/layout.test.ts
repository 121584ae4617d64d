import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { savedPositions } from '../../src/model/positions';
import { readHash, withView } from '../../src/share/hash';
import { buildLink, decodeLink } from '../../src/share/link';
import { decompress } from '../../src/share/codec';
import { LINK_LAYOUTS, type LinkState } from '../../src/share/types';
import { freeFormXml, generateFlow } from '../support/generate';
import { autoLayout, parse, parseRef, SITE } from './helpers';

const inline = (text: string) => ({ kind: 'inline' as const, text, name: 'Gen.flow-meta.xml' });

async function open(state: LinkState) {
  const built = await buildLink(state, SITE);
  if (!built.ok) throw new Error(built.message);
  const decoded = await decodeLink(built.url);
  if (!decoded.ok) throw new Error(decoded.message);
  return { url: built.url, state: decoded.state, notices: decoded.notices };
}

/** The JSON inside a link's payload. */
async function payloadOf(url: string): Promise<string> {
  const z = readHash(url);
  if (!z.ok || !z.z) throw new Error('no payload');
  const inflated = await decompress(z.z, 1e8);
  if (!inflated.ok) throw new Error(inflated.reason);
  return inflated.text;
}

describe('links and the Layout choice', () => {
  it('the choice and a free-form flow’s saved positions survive the link (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.option(fc.constantFrom(...LINK_LAYOUTS), { nil: undefined }),
        fc.boolean(),
        async (size, seed, layout, diff) => {
          const a = freeFormXml(generateFlow(size, seed).xml);
          const b = freeFormXml(generateFlow(size + 1, seed + 1).xml);
          const state: LinkState = diff
            ? { v: 1, route: 'diff', a: inline(a), b: inline(b), ...(layout ? { layout } : {}) }
            : { v: 1, route: 'view', a: inline(a), ...(layout ? { layout } : {}) };
          const { url, state: back } = await open(state);
          expect(back.layout).toBe(layout);
          expect(url.includes('layout=')).toBe(layout !== undefined);
          expect(savedPositions(parse(a))).toBeDefined();
          expect(savedPositions(parseRef(back.a))).toEqual(savedPositions(parse(a)));
          if (diff) expect(savedPositions(parseRef(back.b))).toEqual(savedPositions(parse(b)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('an Auto-Layout flow’s link carries no coordinates (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 1e6 }), async (size, seed) => {
        const { url, state } = await open({ v: 1, route: 'view', a: inline(autoLayout(generateFlow(size, seed).xml)) });
        expect(await payloadOf(url)).not.toMatch(/location[XY]/);
        expect(savedPositions(parseRef(state.a))).toBeUndefined();
      }),
      { numRuns: 20 },
    );
  });

  it('an old link without coordinates still opens, and an unknown layout is a notice', async () => {
    const { url } = await open({ v: 1, route: 'view', a: inline(autoLayout(generateFlow(12, 3).xml)) });
    const decoded = await decodeLink(url.replace('#/view?v=1', '#/view?v=1&layout=spiral'));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.layout).toBeUndefined();
    expect(decoded.notices.join(' ')).toMatch(/Unknown layout "spiral"/);
  });

  it('withView rewrites the layout without touching the payload', async () => {
    const { url } = await open({ v: 1, route: 'view', a: inline(freeFormXml(generateFlow(8, 2).xml)), layout: 'elk' });
    const again = withView(url, { layout: 'auto' }) as string;
    expect(readHash(again)).toMatchObject({
      ok: true,
      layout: 'auto',
      z: readHash(url).ok && (readHash(url) as { z?: string }).z,
    });
    expect(readHash(withView(url, {}) as string)).not.toHaveProperty('layout');
  });
});
