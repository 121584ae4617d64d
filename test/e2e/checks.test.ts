import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { openBrowser, screenshot, type Session } from './browser';

/** Review checks in the browser (issue 15): badges on the cards, the Checks tab, settings that stay, a comparison. */
const fixture = (f: string) => readFileSync(join(__dirname, '../fixtures/checks-ui', f), 'utf8');
const v1 = fixture('Contact_Sync.flow-meta.xml');
const v2 = fixture('Contact_Sync.v2.flow-meta.xml');

let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 1400, height: 900 });
});
afterAll(async () => {
  await s.close();
});

const card = (page: Page, id: string) => page.locator(`.react-flow__node [data-node-id="${id}"]`).first();
const note = (page: Page, id: string) => card(page, id).locator('[data-note="checks"]');

async function paste(page: Page, text: string) {
  await page.getByRole('button', { name: 'Paste…' }).click();
  await page.getByLabel('Flow XML or JSON').fill(text);
  await page.getByRole('button', { name: 'Open pasted flow' }).click();
  await card(page, 'Update_Contact').waitFor();
}

/** No two badges of a card (a diff status, Fault, Go To, the checks' note) overlap on screen. */
async function noOverlaps(page: Page) {
  const boxes = await page.locator('.react-flow__node :is(.fs-badge, .fs-diff-badge)').evaluateAll((els) =>
    els.map((e) => ({
      card: e.closest('[data-node-id]')?.getAttribute('data-node-id'),
      text: e.textContent,
      r: e.getBoundingClientRect().toJSON() as DOMRect,
    })),
  );
  const overlap = (a: DOMRect, b: DOMRect) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  for (const a of boxes)
    for (const b of boxes)
      if (a !== b && a.card === b.card)
        expect(
          overlap(a.r, b.r),
          `${a.card}: ${a.text} ${JSON.stringify(a.r)} / ${b.text} ${JSON.stringify(b.r)}`,
        ).toBe(false);
  return boxes.length;
}

describe('review checks on the canvas and in the Checks tab', () => {
  it('a DML in a loop: a badge on its card, by mark and word; badges beside Fault badges, never over them', async () => {
    await s.page.goto(s.baseUrl);
    await s.page.waitForSelector('[data-node-id]');
    await paste(s.page, v2);
    await expect.poll(() => note(s.page, 'Update_Contact').textContent(), { timeout: 15_000 }).toBe('✖ 1 error');
    expect(await note(s.page, 'Update_Contact').getAttribute('title')).toContain(
      'runs inside the loop Each Contact (Each_Contact)',
    );
    expect(await note(s.page, 'Log_Error').textContent()).toBe('⚠ 1 warning');
    // Get Contacts has a hard-coded record id: its note sits beside its Fault badge.
    expect(await note(s.page, 'Get_Contacts').textContent()).toBe('⚠ 1 warning');
    await noOverlaps(s.page);
    await screenshot(s.page, 'checks-badges');
  });

  it('the Checks tab lists the finding; a click selects its element and brings it into view', async () => {
    await s.page.getByRole('tab', { name: 'Checks (4)' }).click();
    const dml = s.page.getByRole('region', { name: 'DML statement in a loop' });
    await dml.waitFor();
    expect(await dml.locator('h3').textContent()).toBe('✖ Error DML statement in a loop (1)');
    await s.page.getByRole('button', { name: /runs inside the loop/ }).click();
    await expect.poll(() => card(s.page, 'Update_Contact').getAttribute('class')).toContain('is-selected');
    // Still on the Checks tab, the finding marked as the current one.
    expect(await s.page.getByRole('tab', { name: 'Checks (4)' }).getAttribute('aria-selected')).toBe('true');
    await dml.getByText('About this rule').click();
    expect(await dml.textContent()).toContain('150 DML statements per transaction');
    await screenshot(s.page, 'checks-panel');
  });

  it('a rule switched off takes its badge away at once, and it stays off after a reload', async () => {
    await s.page.getByText('Settings', { exact: false }).first().click();
    await s.page.getByRole('checkbox', { name: 'DML statement in a loop' }).uncheck();
    await expect.poll(() => note(s.page, 'Update_Contact').textContent()).toBe('⚠ 1 warning');
    await screenshot(s.page, 'checks-settings');
    await s.page.reload();
    await s.page.waitForSelector('[data-node-id]');
    await paste(s.page, v2);
    await expect.poll(() => note(s.page, 'Log_Error').textContent(), { timeout: 15_000 }).toBe('⚠ 1 warning');
    expect(await note(s.page, 'Update_Contact').textContent()).toBe('⚠ 1 warning');
    await s.page.getByRole('tab', { name: /^Checks/ }).click();
    expect(await s.page.getByRole('region', { name: 'DML statement in a loop' }).count()).toBe(0);
    await s.page.getByText('Settings', { exact: false }).first().click();
    await s.page.getByRole('button', { name: 'Back to the defaults' }).click();
    await expect.poll(() => note(s.page, 'Update_Contact').textContent()).toBe('✖ 1 error');
  });

  it('a comparison: interface changes first, then the finding the change introduced, which selects its element', async () => {
    const link = await buildLink(
      {
        v: 1,
        route: 'diff',
        a: { kind: 'inline', text: v1, name: 'Contact_Sync v1' },
        b: { kind: 'inline', text: v2, name: 'Contact_Sync v2' },
      },
      s.baseUrl,
    );
    if (!link.ok) throw new Error(link.message);
    await s.page.goto(link.url);
    await card(s.page, 'Update_Contact').waitFor();
    await expect.poll(() => note(s.page, 'Update_Contact').textContent(), { timeout: 15_000 }).toBe('✖ 1 new');
    const list = s.page.locator('.change-list');
    const sections = await list
      .locator(':scope > section')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(sections.slice(0, 2)).toEqual(['Interface changes', 'Checks']);
    const iface = await s.page.getByRole('region', { name: 'Interface changes' }).textContent();
    expect(iface).toContain('Output total: Number → Currency — breaking for callers');
    expect(iface).toContain('Input accountId renamed to parentId — breaking for callers');
    const checks = s.page.getByRole('region', { name: 'Checks' });
    expect(await checks.locator('h3').textContent()).toBe('Checks (3 new)');
    await checks.getByRole('button', { name: /New: .*runs inside the loop/ }).click();
    await expect.poll(() => card(s.page, 'Update_Contact').getAttribute('class')).toContain('is-selected');
    expect(await s.page.getByRole('tab', { name: /^Changes/ }).getAttribute('aria-selected')).toBe('true');
    expect(await noOverlaps(s.page)).toBeGreaterThan(4);
    await screenshot(s.page, 'checks-comparison');
  });

  it('Before shows the before version’s findings, the fixed ones said so; Overlay and After the after version’s', async () => {
    const link = await buildLink(
      {
        v: 1,
        route: 'diff',
        a: { kind: 'inline', text: v2, name: 'Contact_Sync v2' },
        b: { kind: 'inline', text: v1, name: 'Contact_Sync v1' },
      },
      s.baseUrl,
    );
    if (!link.ok) throw new Error(link.message);
    await s.page.goto(link.url);
    await card(s.page, 'Update_Contact').waitFor();
    // Overlay: the after version (v1) has no DML in a loop, no finding on Update Contact; Log Error's remains.
    await expect.poll(() => note(s.page, 'Log_Error').textContent(), { timeout: 15_000 }).toBe('⚠ 1 warning');
    expect(await note(s.page, 'Update_Contact').count()).toBe(0);
    await s.page.getByRole('radio', { name: 'Before' }).click();
    await expect.poll(() => note(s.page, 'Update_Contact').textContent()).toBe('✔ 2 fixed');
    const title = await note(s.page, 'Update_Contact').getAttribute('title');
    expect(title).toContain('Fixed error: ');
    expect(title).toContain('runs inside the loop Each Contact (Each_Contact)');
    expect(await note(s.page, 'Get_Contacts').textContent()).toBe('✔ 1 fixed');
    expect(await note(s.page, 'Log_Error').textContent()).toBe('⚠ 1 warning');
    await noOverlaps(s.page);
    await screenshot(s.page, 'checks-before-fixed');
    await s.page.getByRole('radio', { name: 'Side by side' }).click();
    const pane = (side: string, id: string) =>
      s.page.locator(`[data-canvas="${side}"] .react-flow__node [data-node-id="${id}"] [data-note="checks"]`);
    await expect.poll(() => pane('Before', 'Update_Contact').textContent()).toBe('✔ 2 fixed');
    expect(await pane('After', 'Update_Contact').count()).toBe(0);
    expect(await pane('After', 'Log_Error').textContent()).toBe('⚠ 1 warning');
    await screenshot(s.page, 'checks-side-by-side');
    await s.page.getByRole('radio', { name: 'After' }).click();
    await expect.poll(() => note(s.page, 'Update_Contact').count()).toBe(0);
  });
});
