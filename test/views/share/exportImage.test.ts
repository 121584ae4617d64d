import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppStore, type LayoutData } from '../../../src/state/store';
import { screenSvg } from '../../../src/views/share/exportImage';
import { generateStepChain } from '../../support/generate';

const sample = (f: string) => readFileSync(join(__dirname, '../../../src/samples', f), 'utf8');
const stacked = async (g: { nodes: { id: string }[] }): Promise<LayoutData> => ({
  width: 300,
  height: g.nodes.length * 100,
  nodes: Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: 0, y: i * 100, width: 260, height: 70 }])),
  edges: {},
});
const linked = (f: string) => ({ text: sample(f), source: { kind: 'link' as const, name: `${f} (from the link)` } });

async function comparing() {
  const store = createAppStore({ layout: stacked });
  await store
    .getState()
    .compare(linked('Opportunity_Review.flow-meta.xml'), linked('Opportunity_Review.v2.flow-meta.xml'));
  await new Promise((r) => setTimeout(r, 0));
  return store;
}

describe('exporting a comparison as a picture', () => {
  it('from Side by side: the Before and After pictures next to each other, not the overlay', async () => {
    const store = await comparing();
    store.getState().setDiffMode('side');
    const pic = await screenSvg(store.getState());
    expect(pic?.name).toMatch(/^Opportunity_Review.*-diff-side$/);
    const svg = pic?.svg ?? '';
    const titles = [...svg.matchAll(/role="img" aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(titles).toEqual(['Before: Opportunity_Review.flow-meta.xml', 'After: Opportunity_Review.v2.flow-meta.xml']);
    // Notify Owner was added: only the After picture (the second) has it.
    const cut = svg.indexOf('aria-label="After:');
    const [left, right] = [svg.slice(0, cut), svg.slice(cut)];
    expect(left).not.toContain('Notify Owner');
    expect(right).toContain('Notify Owner');
    const overlay = (await screenSvg({ ...store.getState(), diffMode: 'overlay' }))?.width ?? 0;
    expect(pic?.width).toBeGreaterThan(overlay * 1.5);
  });

  it('names the versions without "(from the link)" in the title', async () => {
    const store = await comparing();
    const pic = await screenSvg(store.getState());
    expect(pic?.svg).toContain('Opportunity_Review.flow-meta.xml → Opportunity_Review.v2.flow-meta.xml');
    expect(pic?.svg).not.toContain('from the link');
  });

  it('from Changes only: the folded picture on screen, the unchanged run as one "… N unchanged" card', async () => {
    const before = generateStepChain(12).xml;
    const after = before.replace('<label>Step 12</label>', '<label>Step twelve</label>');
    const store = createAppStore({ layout: stacked });
    const input = (text: string, name: string) => ({ text, source: { kind: 'file' as const, name } });
    await store.getState().compare(input(before, 'a.flow-meta.xml'), input(after, 'b.flow-meta.xml'));
    await new Promise((r) => setTimeout(r, 0));
    store.getState().setDiffMode('changes');
    await store.getState().showChanges(); // as the Changes only view does when it opens
    for (let i = 0; i < 20 && store.getState().changesView?.layout.status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 5));
    const pic = await screenSvg(store.getState());
    expect(pic?.name).toMatch(/-diff-changes$/);
    const svg = pic?.svg ?? '';
    expect(svg).toContain('Step twelve');
    expect(svg).toMatch(/data-fold="true"/);
    expect(svg).toMatch(/unchanged/);
    // Steps 2–10 are folded away: the picture names none of them on a card of its own.
    expect(svg).not.toContain('data-id="Step_5"');
    const overlay = (await screenSvg({ ...store.getState(), diffMode: 'overlay' }))?.svg ?? '';
    expect(overlay).toContain('data-id="Step_5"');
  });
});
