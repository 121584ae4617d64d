import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { generateFlow } from '../support/generate';
import { openBrowser, screenshot, type Session } from './browser';

const samples = join(__dirname, '../../src/samples');
const v1 = readFileSync(join(samples, 'Opportunity_Review.flow-meta.xml'), 'utf8');
const v2 = readFileSync(join(samples, 'Opportunity_Review.v2.flow-meta.xml'), 'utf8');
/** A generated flow of 80 elements with two of them relabelled far apart: most of it folds. */
const big = generateFlow(80, 11);
const relabel = (xml: string, id: string) =>
  xml.replace(new RegExp(`(<name>${id}</name>\\s*<label>)([^<]*)`), '$1$2 (edited)');
const ids = big.expected.nodes.map((n) => n.id).filter((id) => id !== '$start');
const edited = [ids[8], ids[70]] as string[];
const bigAfter = edited.reduce(relabel, big.xml);

let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 1400, height: 900 });
});
afterAll(async () => {
  await s.close();
});
const link = async (a: string, b: string, mode: 'overlay' | 'changes') => {
  const built = await buildLink(
    { v: 1, route: 'diff', a: { kind: 'inline', text: a, name: 'A' }, b: { kind: 'inline', text: b, name: 'B' }, mode },
    s.baseUrl,
  );
  if (!built.ok) throw new Error(built.message);
  return built.url;
};
/** Of the elements with a change status, how many are drawn wholly inside the canvas, and how many there are. */
const changedInView = () =>
  s.page.evaluate(() => {
    const pane = document.querySelector('.fs-canvas')?.getBoundingClientRect();
    const changed = [...document.querySelectorAll('.react-flow__node [data-status]')].filter(
      (e) => e.getAttribute('data-status') !== 'unchanged',
    );
    const inside = changed.filter((e) => {
      const b = e.getBoundingClientRect();
      return pane && b.left >= pane.left && b.right <= pane.right && b.top >= pane.top && b.bottom <= pane.bottom;
    });
    return { inside: inside.length, changed: changed.length };
  });
const zoom = () =>
  s.page.evaluate(() => {
    const t = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? Number.NaN);
  });

describe('Changes only in the browser', () => {
  it('entering Changes only on the sample pair fits every changed element in view', async () => {
    await s.page.goto(await link(v1, v2, 'overlay'));
    await s.page.waitForSelector('[data-node-id="Notify_Owner"]');
    // Zoom in and pan away first: entering the mode fits again.
    const pane = await s.page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    await s.page.mouse.move(pane.x + 200, pane.y + 200);
    await s.page.mouse.wheel(0, -800);
    await s.page.getByRole('radio', { name: 'Changes only' }).click();
    await expect.poll(changedInView).toEqual({ inside: 4, changed: 4 });
    expect(await zoom()).toBeLessThanOrEqual(1);
    await screenshot(s.page, 'changes-only-sample');
  });

  it('a big flow with two edits opens on the edits, their neighbours and the folds between, connected', async () => {
    await s.page.goto('about:blank');
    await s.page.goto(await link(big.xml, bigAfter, 'changes'));
    await s.page.waitForSelector('[data-testid="fold"]');
    await expect.poll(changedInView).toEqual({ inside: 2, changed: 2 });
    expect(await zoom()).toBeGreaterThanOrEqual(0.5);
    // Every fold is drawn on its path: a connector ends at its top or leaves its bottom.
    const folds = await s.page.evaluate(() =>
      [...document.querySelectorAll('.react-flow__node-fold')].map((f) => {
        const b = f.getBoundingClientRect();
        const id = f.getAttribute('data-id') ?? '';
        const near = [...document.querySelectorAll('path[data-edge-id]')].filter((p) => {
          const e = p.getAttribute('data-edge-id') ?? '';
          if (!e.startsWith(`${id}->`) && !e.includes(`->${id}#`)) return false;
          const r = p.getBoundingClientRect();
          return r.right >= b.left - 2 && r.left <= b.right + 2 && r.bottom >= b.top - 8 && r.top <= b.bottom + 8;
        });
        return { id, text: f.textContent, connectors: near.length };
      }),
    );
    expect(folds.length).toBeGreaterThan(0);
    for (const f of folds) expect(f.connectors, `${f.id} ${f.text}`).toBeGreaterThan(0);
    // Far fewer cards than the flow has: compact.
    expect(await s.page.locator('.react-flow__node').count()).toBeLessThan(40);
    await screenshot(s.page, 'changes-only-folded');
  });

  it('n steps to each change and centres it; a fold expands with a click', async () => {
    for (let i = 0; i < 2; i++) {
      await s.page.keyboard.press('n');
      await s.page.waitForTimeout(400);
      const off = await s.page.evaluate(() => {
        const sel = document.querySelector('.fs-node.is-selected')?.getBoundingClientRect();
        const pane = document.querySelector('.fs-canvas')?.getBoundingClientRect();
        if (!sel || !pane) return Number.POSITIVE_INFINITY;
        return Math.hypot(
          sel.x + sel.width / 2 - pane.x - pane.width / 2,
          sel.y + sel.height / 2 - pane.y - pane.height / 2,
        );
      });
      expect(off).toBeLessThan(30);
    }
    const before = await s.page.locator('.react-flow__node').count();
    await s.page.locator('[data-testid="fold"] button').first().click();
    await expect.poll(() => s.page.locator('.react-flow__node').count()).toBeGreaterThan(before);
  });
});
