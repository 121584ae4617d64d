import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './browser';

const fixtures = join(__dirname, '../fixtures');
let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s.close();
});
const nodeIds = () =>
  s.page
    .locator('.react-flow__node [data-node-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')).sort());
const facts = () => s.page.locator('.fsd-flow-facts').textContent();

describe('loading flows in the browser', () => {
  it('opens on the bundled sample, every node drawn', async () => {
    await s.page.goto(s.baseUrl);
    await expect.poll(facts).toContain('Opportunity Review');
    await expect
      .poll(nodeIds)
      .toEqual([
        '$start',
        'Check_Amount',
        'Each_Line_Item',
        'Flag_Line',
        'Get_Line_Items',
        'Log_Error',
        'Mark_Big_Deal',
        'Update_Opportunity',
      ]);
    // Every connector, and Auto-Layout's Ends after the two paths that end (Log Error, After Last).
    expect(await s.page.locator('.react-flow__edge:not(.fs-end-edge)').count()).toBe(11);
    expect(await s.page.locator('.react-flow__node-end').count()).toBe(2);
    await screenshot(s.page, 'view-sample');
  });

  it('opens a Tooling JSON file from the file picker and switches between its versions', async () => {
    await s.page.setInputFiles('input[type=file]', join(fixtures, 'Opportunity_Review.query.json'));
    await expect.poll(() => s.page.locator('.notice').first().textContent()).toMatch(/2 flow versions/);
    await s.page.selectOption('select[aria-label="Flow version in this input"]', '1');
    await expect.poll(facts).toContain('Draft');
  });

  it('pastes XML with Ctrl+V anywhere on the page', async () => {
    const xml = readFileSync(join(fixtures, 'Opportunity_Review.flow-meta.xml'), 'utf8').replace(
      'Check Amount &amp; Stage',
      'Pasted Decision',
    );
    await s.page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, xml);
    await expect.poll(() => s.page.locator('[data-node-id="Check_Amount"]').textContent()).toContain('Pasted Decision');
  });

  it('pastes XML into the paste box', async () => {
    const xml = readFileSync(join(fixtures, 'Opportunity_Review.flow-meta.xml'), 'utf8').replace(
      'Check Amount &amp; Stage',
      'Boxed Decision',
    );
    await s.page.getByRole('button', { name: 'Paste…' }).click();
    await s.page.getByLabel('Flow XML or JSON').fill(xml);
    await s.page.getByRole('button', { name: 'Open pasted flow' }).click();
    await expect.poll(() => s.page.locator('[data-node-id="Check_Amount"]').textContent()).toContain('Boxed Decision');
  });

  it('a dropped bad file shows the message and keeps the flow on screen', async () => {
    const dataTransfer = await s.page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"a": 1, "b": 2}'], 'broken.json', { type: 'application/json' }));
      return dt;
    });
    await s.page.dispatchEvent('body', 'drop', { dataTransfer });
    const alert = s.page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Could not open broken\.json\. Found an object with keys a, b/);
    expect((await nodeIds()).length).toBe(8);
    await screenshot(s.page, 'load-error');
  });
});

describe('reading a flow', () => {
  it('clicking a decision shows its outcomes and conditions, highlighting its paths', async () => {
    await s.page.goto(s.baseUrl);
    await s.page.locator('[data-node-id="Check_Amount"]').click();
    const details = s.page.locator('.fsd-details');
    await expect.poll(() => details.textContent()).toMatch(/Outcome 1: Over 1M/);
    expect(await details.textContent()).toMatch(/\$Record\.Amount Greater Than 1,000,000/);
    expect(await s.page.locator('.fs-edge.is-related').count()).toBe(3);
    await screenshot(s.page, 'view-decision');
  });

  it('search and Enter jump to and select an element; Esc clears', async () => {
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('/');
    await s.page.keyboard.type('line item');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.locator('.fsd-details h2').textContent()).toBe('Each Line Item');
    expect(await s.page.locator('.fs-node.is-selected').getAttribute('data-node-id')).toBe('Each_Line_Item');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.locator('.fs-node.is-selected').count()).toBe(0);
  });

  it('opens every sample, and the dark theme', async () => {
    for (const sample of ['case-triage', 'invoice-sync']) {
      await s.page.selectOption('select[aria-label="Open a sample flow"]', sample);
      await expect.poll(() => s.page.locator('.react-flow__node').count()).toBeGreaterThan(7);
      // The picker names the open sample, short enough to read in the bar (what it shows is its tooltip).
      const named = await s.page
        .locator('select[aria-label="Open a sample flow"]')
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
      expect(named).toBe(sample === 'case-triage' ? 'Case Triage' : 'Invoice Sync');
      await s.page.waitForTimeout(300);
      await screenshot(s.page, `view-${sample}`);
    }
    await s.page.getByRole('button', { name: /Theme: system/ }).click();
    await s.page.getByRole('button', { name: /Theme: light/ }).click();
    expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(s.page, 'view-dark');
  });
});
