import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './browser';

let s: Session;
/** A two-element flow of our own. */
const TINY = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>62.0</apiVersion><label>Tiny Flow</label><processType>AutoLaunchedFlow</processType>
  <start><locationX>50</locationX><locationY>0</locationY><connector><targetReference>Set_It</targetReference></connector></start>
  <assignments><name>Set_It</name><label>Set It</label><locationX>50</locationX><locationY>100</locationY>
    <assignmentItems><assignToReference>x</assignToReference><operator>Assign</operator>
    <value><stringValue>y</stringValue></value></assignmentItems></assignments>
</Flow>`;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s.close();
});

const focused = () =>
  s.page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a ? (a.getAttribute('aria-label') ?? a.getAttribute('data-id') ?? a.textContent ?? '').trim() : '';
  });
const inDialog = () => s.page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

async function fresh() {
  await s.page.goto(s.baseUrl);
  await s.page.locator('.react-flow__node').first().waitFor();
}

describe('what a newcomer hit (issue 12 §6)', () => {
  it('Paste… opens a dialog (the app bar keeps its height) that closes once the pasted flow opens', async () => {
    await fresh();
    const bar = await s.page.locator('.app-bar').evaluate((e) => e.getBoundingClientRect().height);
    await s.page.getByRole('button', { name: 'Paste…' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Paste a flow' });
    await dialog.waitFor();
    expect(await s.page.locator('.app-bar').evaluate((e) => e.getBoundingClientRect().height)).toBe(bar);
    expect(await focused()).toBe('Flow XML or JSON');
    await screenshot(s.page, 'paste-dialog');
    await s.page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await focused()).toBe('Paste…');
  });

  it('a paste into the dialog opens the flow at once and closes it', async () => {
    await fresh();
    await s.page.getByRole('button', { name: 'Paste…' }).click();
    const text = TINY;
    await s.page.getByLabel('Flow XML or JSON').evaluate((box, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await s.page.locator('[data-node-id="Set_It"]').waitFor();
    expect(await s.page.getByRole('dialog').count()).toBe(0);
    // A two-element flow opens at its natural size, not blown up.
    const zoom = await s.page
      .locator('.react-flow__viewport')
      .evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);
    expect(zoom).toBeLessThanOrEqual(1);
  });

  it('the Compare dialog keeps Tab inside and Esc gives focus back to Compare…', async () => {
    await fresh();
    await s.page.getByRole('button', { name: 'Compare…' }).click();
    await s.page.getByRole('dialog', { name: 'Compare two versions' }).waitFor();
    for (let i = 0; i < 14; i++) {
      await s.page.keyboard.press('Tab');
      expect(await inDialog(), `Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 14; i++) {
      await s.page.keyboard.press('Shift+Tab');
      expect(await inDialog(), `Shift+Tab ${i + 1}`).toBe(true);
    }
    await s.page.keyboard.press('Escape');
    expect(await s.page.getByRole('dialog').count()).toBe(0);
    expect(await focused()).toBe('Compare…');
  });

  it('Share is a menu button: items are menuitems, arrows move, Esc closes back on Share', async () => {
    await fresh();
    const share = s.page.getByRole('button', { name: /Share/ });
    expect(await share.getAttribute('aria-haspopup')).toBe('menu');
    await share.click();
    await s.page.getByRole('menu', { name: 'Share and export' }).waitFor();
    expect(await focused()).toBe('Copy link');
    await s.page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Copy embed code');
    await s.page.keyboard.press('ArrowUp');
    await s.page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Export PNG');
    await s.page.keyboard.press('Escape');
    expect(await s.page.getByRole('menu').count()).toBe(0);
    expect(await share.getAttribute('aria-expanded')).toBe('false');
    expect((await focused()).startsWith('Share')).toBe(true);
  });

  it('Tab walks the elements in flow order, Start first, with a visible focus ring', async () => {
    await fresh();
    await s.page.locator('.react-flow__node[data-id="$start"]').focus();
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      order.push(await s.page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? ''));
      await s.page.keyboard.press('Tab');
    }
    expect(order).toEqual([
      '$start',
      'Check_Amount',
      'Mark_Big_Deal',
      'Update_Opportunity',
      'Get_Line_Items',
      'Each_Line_Item',
      'Flag_Line',
      'Log_Error',
    ]);
    await s.page.locator('.react-flow__node[data-id="Check_Amount"]').focus();
    await s.page.keyboard.press('Shift+Tab');
    await s.page.keyboard.press('Tab');
    const ring = await s.page
      .locator('.react-flow__node[data-id="Check_Amount"] .fs-node')
      .evaluate((e) => getComputedStyle(e).outlineWidth);
    expect(Number.parseFloat(ring)).toBeGreaterThanOrEqual(2);
    await screenshot(s.page, 'node-focus-ring');
  });

  it('the overview map has a toggle, is off the fitted drawing, and starts hidden on a phone', async () => {
    await fresh();
    const map = s.page.locator('.react-flow__minimap');
    expect(await map.count()).toBe(1);
    const m = await map.boundingBox();
    const boxes = await s.page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const overlaps = boxes.filter(
      (b) => m && b.right > m.x && b.left < m.x + m.width && b.bottom > m.y && b.top < m.y + m.height,
    );
    expect(overlaps).toEqual([]);
    await s.page.getByRole('button', { name: 'Hide the overview map' }).click();
    expect(await map.count()).toBe(0);
    await s.page.getByRole('button', { name: 'Show the overview map' }).click();
    expect(await map.count()).toBe(1);
    const phone = await openBrowser({ width: 400, height: 800 });
    try {
      await phone.page.goto(phone.baseUrl);
      await phone.page.locator('.react-flow__node').first().waitFor();
      expect(await phone.page.locator('.react-flow__minimap').count()).toBe(0);
      expect(await phone.page.getByRole('button', { name: 'Show the overview map' }).count()).toBe(1);
    } finally {
      await phone.close();
    }
  });

  it('a share link reopens at the change counter and zoom it was made at', async () => {
    await fresh();
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await s.page.getByRole('button', { name: 'Compare…' }).click();
    await s.page.getByRole('button', { name: /Try the sample pair/ }).click();
    await expect.poll(() => s.page.getByRole('button', { name: 'Compare', exact: true }).isEnabled()).toBe(true);
    await s.page.getByRole('button', { name: 'Compare', exact: true }).click();
    await s.page.locator('[data-status="added"]').first().waitFor();
    const count = s.page.locator('.diff-step-count');
    for (let i = 0; i < 3; i++) await s.page.keyboard.press('n');
    await expect.poll(() => count.textContent()).toMatch(/^3 of \d+$/);
    await s.page.waitForTimeout(600); // the pan to the change animates for 250 ms
    const zoomOf = (p: typeof s.page) =>
      p
        .locator('.react-flow__viewport')
        .first()
        .evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);
    const made = { count: await count.textContent(), zoom: await zoomOf(s.page) };
    await s.page.getByRole('button', { name: /Share/ }).click();
    await s.page.getByRole('menuitem', { name: 'Copy link' }).click();
    const url = await s.page.getByLabel('The link').inputValue();
    const other = await s.context.newPage();
    try {
      await other.goto(url);
      await other.locator('[data-status="added"]').first().waitFor();
      await expect.poll(() => other.locator('.diff-step-count').textContent()).toBe(made.count);
      // The same fit rule: equal up to the canvas's height settling while the comparison's toolbar loads.
      await expect.poll(() => zoomOf(other)).toBeCloseTo(made.zoom, 2);
    } finally {
      await other.close();
    }
  });
});
