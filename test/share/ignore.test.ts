import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOISE_KINDS } from '../../src/model/diff/noise';
import { changesLinkUrl, readChangesLink } from '../../src/share/changes/link';
import { readHash } from '../../src/share/hash';
import { readIgnores, writeIgnores } from '../../src/share/ignore';
import { buildLink, decodeLink } from '../../src/share/link';
import { LINK_IGNORES, type LinkIgnore } from '../../src/share/types';
import { SITE } from './helpers';

const a = { kind: 'url' as const, url: 'https://example.com/a.flow-meta.xml' };
const b = { kind: 'url' as const, url: 'https://example.com/b.flow-meta.xml' };

describe('ignore= on links', () => {
  it('names the same kinds as the filters, in the same order', () => {
    expect(LINK_IGNORES).toEqual(NOISE_KINDS);
  });

  it('a diff link carries its filters and gives them back (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray([...LINK_IGNORES], { minLength: 1 }), async (ignore) => {
        const built = await buildLink({ v: 1, route: 'diff', a, b, ignore }, SITE);
        if (!built.ok) throw new Error(built.message);
        expect(built.url).toContain(`ignore=${ignore.join(',')}`);
        const back = await decodeLink(built.url);
        expect(back.ok && back.state.ignore).toEqual(ignore);
      }),
    );
  });

  it('is written only when some filter is on, and never on a view link', async () => {
    const none = await buildLink({ v: 1, route: 'diff', a, b, ignore: [] }, SITE);
    expect(none.ok && none.url).not.toContain('ignore');
    const view = await buildLink({ v: 1, route: 'view', a, ignore: ['label'] }, SITE);
    expect(view.ok && view.url).not.toContain('ignore');
    const back = await decodeLink(`${SITE}#/diff?v=1&a=${a.url}&b=${b.url}`);
    expect(back.ok && back.state.ignore).toBeUndefined();
  });

  it('an unknown name is a notice, not an error; the known ones still apply', async () => {
    const back = await decodeLink(`#/diff?v=1&ignore=label,whitespace,__proto__&a=${a.url}&b=${b.url}`);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.state.ignore).toEqual(['label']);
    expect(back.notices).toEqual([
      'Unknown filter "whitespace" in the link\'s ignore=; showing those changes.',
      'Unknown filter "__proto__" in the link\'s ignore=; showing those changes.',
    ]);
  });

  it("a written list is in the filters' order, each once, whatever order the link gave", () => {
    const h = readHash('#/diff?v=1&ignore=namespace,description,namespace');
    const notices: string[] = [];
    expect(readIgnores(h.ok ? h.ignore : [], notices)).toEqual(['description', 'namespace'] satisfies LinkIgnore[]);
    expect(notices).toEqual([]);
    expect(writeIgnores(['namespace', 'label', 'namespace'])).toEqual(['label', 'namespace']);
    expect(writeIgnores([])).toBeUndefined();
  });

  it('a #/changes link carries them too, with or without a flow on screen', () => {
    const src = 'https://github.com/o/r/pull/7';
    const listing = changesLinkUrl({ src, ignore: ['description', 'canvas-mode'] }, SITE);
    expect(listing.ok && listing.url).toContain('ignore=description,canvas-mode');
    const read = readChangesLink(listing.ok ? listing.url : '');
    expect(read.ok && read.state.ignore).toEqual(['description', 'canvas-mode']);
    const plain = changesLinkUrl({ src, flow: 'F', mode: 'side' }, SITE);
    expect(plain.ok && plain.url).not.toContain('ignore');
  });
});
