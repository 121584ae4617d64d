import { describe, expect, it } from 'vitest';
import { isEmbed, isLinkHash } from '../../src/views/links';
import { embedUrl } from '../../src/views/share/ShareMenu';

// Opening a link and copying one for the screen are store use-cases: test/state/links.test.ts.
describe('link helpers', () => {
  it('recognises link hashes and embed mode', () => {
    expect(isLinkHash('#/view?v=1&z=abc')).toBe(true);
    expect(isLinkHash('#/diff?a=x&b=y')).toBe(true);
    expect(isLinkHash('#/set?v=1&src=https%3A%2F%2Fgithub.com%2Fo%2Fr%2Ftree%2Fmain')).toBe(true);
    // A change set's link opens from the address bar too (it used to fall through to the sample).
    expect(isLinkHash('#/changes?v=1&src=https%3A%2F%2Fgithub.com%2Fo%2Fr%2Fpull%2F7')).toBe(true);
    expect(isLinkHash('#/changesets')).toBe(false);
    expect(isLinkHash('#section-2')).toBe(false);
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(embedUrl('https://x.io/app/#/view?z=1')).toBe('https://x.io/app/?embed=1#/view?z=1');
    expect(embedUrl('https://x.io/app/?theme=dark#/view?z=1')).toBe('https://x.io/app/?theme=dark&embed=1#/view?z=1');
  });
});
