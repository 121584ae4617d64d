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

describe('loading flows in the browser', () => {
  it('opens on the bundled sample', async () => {
    await s.page.goto(s.baseUrl);
    await expect.poll(() => s.page.locator('h1.flow-title').textContent()).toContain('Opportunity Review');
    expect(await s.page.locator('[data-node-id]').count()).toBe(8);
    await screenshot(s.page, 'load-sample');
  });

  it('opens a Tooling JSON file from the file picker', async () => {
    await s.page.setInputFiles('input[type=file]', join(fixtures, 'Opportunity_Review.query.json'));
    await expect.poll(() => s.page.locator('.notice').first().textContent()).toMatch(/2 flow versions/);
    await s.page.selectOption('select[aria-label="Flow version in this input"]', '1');
    await expect.poll(() => s.page.locator('.flow-facts').textContent()).toContain('Draft');
  });

  it('pastes XML into the paste box', async () => {
    const xml = readFileSync(join(fixtures, 'Opportunity_Review.flow-meta.xml'), 'utf8').replace('Check Amount &amp; Stage', 'Pasted Decision');
    await s.page.getByRole('button', { name: 'Paste…' }).click();
    await s.page.getByLabel('Flow XML or JSON').fill(xml);
    await s.page.getByRole('button', { name: 'Open pasted flow' }).click();
    await expect.poll(() => s.page.locator('[data-node-id="Check_Amount"]').textContent()).toContain('Pasted Decision');
  });

  it('a dropped bad file shows the message and keeps the flow on screen', async () => {
    const dataTransfer = await s.page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"a": 1, "b": 2}'], 'broken.json', { type: 'application/json' }));
      return dt;
    });
    await s.page.dispatchEvent('body', 'drop', { dataTransfer });
    const alert = s.page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Could not open broken\.json\. Found an object with keys a, b/);
    expect(await s.page.locator('[data-node-id]').count()).toBe(8);
    await screenshot(s.page, 'load-error');
  });
});
