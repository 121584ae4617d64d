import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 1500, height: 900 });
});
afterAll(async () => {
  await s.close();
});
const status = (id: string) =>
  s.page.locator(`.react-flow__node [data-node-id="${id}"]`).first().getAttribute('data-status');
const shownIds = () =>
  s.page
    .locator('.react-flow__node [data-node-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));

describe('comparing two versions in the browser', () => {
  it('loads a pair from the Compare dialog and marks what changed, in words as well as colour', async () => {
    await s.page.goto(s.baseUrl);
    await s.page.waitForSelector('[data-node-id]');
    await s.page.getByRole('button', { name: 'Compare…' }).click();
    await s.page.getByRole('button', { name: /Try the sample pair/ }).click();
    await expect.poll(() => s.page.getByRole('dialog').textContent()).toContain('8 elements');
    await s.page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => status('Notify_Owner')).toBe('added');
    expect(await status('Check_Amount')).toBe('changed');
    expect(await status('Flag_Line_Item')).toBe('renamed');
    expect(await status('Get_Line_Items')).toBe('unchanged');
    expect(await s.page.locator('[data-node-id="Flag_Line_Item"]').textContent()).toContain('was Flag_Line');
    expect(await s.page.locator('[data-node-id="Notify_Owner"]').textContent()).toContain('Added');
    // A connector that stayed but was relabelled says so, and what it said before.
    const relabelled = s.page.locator('.fs-edge-label-changed', { hasText: 'Over 500K' });
    expect(await relabelled.textContent()).toBe('~ Over 500K');
    expect(await relabelled.getAttribute('title')).toContain('was: Over 1M');
    await screenshot(s.page, 'diff-overlay');
  });

  it('n steps through every change in list order, "k of N", selecting and showing each', async () => {
    const rows = await s.page.locator('.change-row .change-title').allTextContents();
    expect(rows.length).toBeGreaterThan(8);
    const seen: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      await s.page.keyboard.press('n');
      await expect.poll(() => s.page.locator('.diff-step-count').textContent()).toBe(`${i + 1} of ${rows.length}`);
      seen.push((await s.page.locator('.change-row[aria-current="true"] .change-title').textContent()) ?? '');
    }
    expect(seen).toEqual(rows);
    await s.page.keyboard.press('n');
    await expect.poll(() => s.page.locator('.diff-step-count').textContent()).toBe(`1 of ${rows.length}`);
    await s.page.keyboard.press('p');
    await expect.poll(() => s.page.locator('.diff-step-count').textContent()).toBe(`${rows.length} of ${rows.length}`);
  });

  it('clicking a changed decision shows each change in Builder words, the changed words marked', async () => {
    await s.page.locator('[data-node-id="Check_Amount"]').click();
    const panel = s.page.locator('.element-diff');
    await expect.poll(() => panel.textContent()).toContain('Outcome Over 1M → Over 500K');
    expect(await panel.textContent()).toContain('$Record.Amount Greater Than');
    expect(await panel.textContent()).not.toContain('rules[Over_1M]');
    expect(await panel.locator('del').allTextContents()).toEqual(expect.arrayContaining(['1,000']));
    expect(await panel.locator('ins').allTextContents()).toEqual(expect.arrayContaining(['500']));
    // The metadata is one click away.
    await panel.getByLabel('Show metadata paths').check();
    await expect.poll(() => panel.textContent()).toContain('rules[Over_1M].conditions[0].rightValue');
    await panel.getByLabel('Show metadata paths').uncheck();
    await screenshot(s.page, 'diff-details');
  });

  it('every mode keeps the positions: Before, After, Side by side (synchronised), Changes only', async () => {
    const box = async (id: string) =>
      s.page.locator(`.react-flow__node:has([data-node-id="${id}"])`).first().getAttribute('style');
    const overlayBox = await box('Check_Amount');
    await s.page.getByRole('radio', { name: 'Before' }).click();
    await expect.poll(shownIds).not.toContain('Notify_Owner');
    expect(await box('Check_Amount')).toBe(overlayBox);
    // Before reads as the before version did: its outcome and element labels.
    const edgeLabels = () => s.page.locator('.fs-edge-label').allTextContents();
    await expect.poll(edgeLabels).toContain('Over 1M');
    expect(await s.page.locator('[data-node-id="Flag_Line_Item"] .fs-node-label').textContent()).toBe('Flag Line');
    await screenshot(s.page, 'diff-before');
    await s.page.getByRole('radio', { name: 'After' }).click();
    await expect.poll(shownIds).toContain('Notify_Owner');
    expect(await box('Check_Amount')).toBe(overlayBox);
    await expect.poll(edgeLabels).toContain('~ Over 500K');
    await screenshot(s.page, 'diff-after');

    await s.page.getByRole('radio', { name: 'Side by side' }).click();
    await expect.poll(() => s.page.locator('.fs-canvas').count()).toBe(2);
    const viewports = () =>
      s.page.locator('.react-flow__viewport').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.transform));
    await expect.poll(async () => new Set(await viewports()).size).toBe(1);
    const [startTransform] = await viewports();
    // Pan the left canvas: the right one follows.
    const left = await s.page.locator('[data-canvas="Before"] .react-flow__pane').boundingBox();
    if (!left) throw new Error('no left pane');
    // Below the Layout picker over the pane's top-left corner, above the zoom controls.
    await s.page.mouse.move(left.x + 30, left.y + 150);
    await s.page.mouse.down();
    await s.page.mouse.move(left.x + 130, left.y + 230, { steps: 8 });
    await s.page.mouse.up();
    const [a, b] = await viewports();
    expect(a).not.toBe(startTransform);
    expect(a).toBe(b);
    await screenshot(s.page, 'diff-side-by-side');

    await s.page.getByRole('radio', { name: 'Changes only' }).click();
    await expect.poll(shownIds).toContain('Notify_Owner');
    await screenshot(s.page, 'diff-changes-only');
  });

  it('swap mirrors the comparison; close returns to the single flow', async () => {
    await s.page.getByRole('radio', { name: 'Overlay' }).click();
    await s.page.getByRole('button', { name: /Swap/ }).click();
    await expect.poll(() => status('Notify_Owner')).toBe('removed');
    await s.page.getByRole('button', { name: 'Close comparison' }).click();
    await expect.poll(() => s.page.locator('[data-status]').count()).toBe(0);
    await expect.poll(shownIds).toContain('Check_Amount');
  });
});
