import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { createAppStore } from '../../src/state/store';
import { isEmbed, isLinkHash, linkForScreen, openLink } from '../../src/views/links';
import { embedUrl } from '../../src/views/share/ShareMenu';

const samples = join(__dirname, '../../src/samples');
const v1 = readFileSync(join(samples, 'Opportunity_Review.flow-meta.xml'), 'utf8');
const v2 = readFileSync(join(samples, 'Opportunity_Review.v2.flow-meta.xml'), 'utf8');
const hashOf = (url: string) => url.slice(url.indexOf('#'));

describe('opening links', () => {
  it('recognises link hashes and embed mode', () => {
    expect(isLinkHash('#/view?v=1&z=abc')).toBe(true);
    expect(isLinkHash('#/diff?a=x&b=y')).toBe(true);
    expect(isLinkHash('#section-2')).toBe(false);
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(embedUrl('https://x.io/app/#/view?z=1')).toBe('https://x.io/app/?embed=1#/view?z=1');
    expect(embedUrl('https://x.io/app/?theme=dark#/view?z=1')).toBe('https://x.io/app/?theme=dark&embed=1#/view?z=1');
  });

  it('a diff link opens the comparison with its mode and selection; copying it again gives an equivalent link', async () => {
    const made = await buildLink(
      {
        v: 1,
        route: 'diff',
        a: { kind: 'inline', text: v1 },
        b: { kind: 'inline', text: v2 },
        mode: 'changes',
        sel: 'Notify_Owner',
      },
      'https://flowscope.example/',
    );
    if (!made.ok) throw new Error(made.message);
    const store = createAppStore();
    expect(await openLink(store, hashOf(made.url))).toBe(true);
    const s = store.getState();
    expect(s.comparison?.diff.summary.nodes.added).toBe(1);
    expect(s.diffMode).toBe('changes');
    expect(s.selection).toBe('Notify_Owner');
    const again = await linkForScreen(store, 'https://flowscope.example/');
    if (!again.ok) throw new Error(again.message);
    const store2 = createAppStore();
    await openLink(store2, hashOf(again.url));
    expect(store2.getState().comparison?.diff.summary).toEqual(s.comparison?.diff.summary);
    expect(store2.getState().selection).toBe('Notify_Owner');
  });

  it('a view link opens the flow; a bad link becomes the page error and leaves the page usable', async () => {
    const made = await buildLink(
      { v: 1, route: 'view', a: { kind: 'inline', text: v1 }, sel: 'Check_Amount' },
      'https://flowscope.example/',
    );
    if (!made.ok) throw new Error(made.message);
    const store = createAppStore();
    await openLink(store, hashOf(made.url));
    expect(store.getState().flow?.doc.label).toBe('Opportunity Review');
    expect(store.getState().selection).toBe('Check_Amount');
    expect(await openLink(store, '#/view?v=1&z=!!!not-base64')).toBe(false);
    expect(store.getState().error).toMatchObject({ source: { kind: 'link' } });
    expect(store.getState().error?.message).toMatch(/damaged|cut short/);
    expect(store.getState().flow?.doc.label).toBe('Opportunity Review');
  });
});
