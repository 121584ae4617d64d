import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { openBrowser, type Session } from './browser';
import { DIST, kb, recordScripts, type ScriptLoad } from './firstScreen';

const fixtures = join(__dirname, '../fixtures');
const xml = readFileSync(join(fixtures, 'Opportunity_Review.flow-meta.xml'), 'utf8');
const json = readFileSync(join(fixtures, 'Opportunity_Review.tooling.json'), 'utf8');

let s: Session;
/** What the tabs these tests open threw (none may). */
const pageErrors: string[] = [];
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s.close();
  expect(pageErrors).toEqual([]);
});

/** A fresh tab on `url`, with every script it requests until the first canvas node and the Flow tab are drawn. */
async function firstScreen(url: string): Promise<{ page: Page; scripts: ScriptLoad[] }> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const scripts = recordScripts(page);
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('tab', { name: 'Flow' }).waitFor();
  return { page, scripts };
}
const onPage = (scripts: ScriptLoad[]) => scripts.filter((x) => !x.worker);
const total = (scripts: ScriptLoad[]) => onPage(scripts).reduce((n, x) => n + x.gzip, 0);
const loaded = (scripts: ScriptLoad[], chunk: string) => scripts.some((x) => x.file.startsWith(`assets/${chunk}-`));
const report = (what: string, scripts: ScriptLoad[]) => {
  console.log(
    onPage(scripts)
      .map((x) => `${x.file} ${kb(x.gzip)} KB`)
      .join('\n'),
  );
  const worker = scripts.filter((x) => x.worker).reduce((n, x) => n + x.gzip, 0);
  console.log(
    `${what}: ${kb(total(scripts))} KB gzip in ${onPage(scripts).length} files; worker ${kb(worker)} KB gzip`,
  );
};

describe('the first screen', () => {
  // The budget is 150 KB (issue 12); measured 148.9 KB with the canvas and the Flow tab drawn (one chunk for the
  // page, the XML reader for the sample), flow sets' button and lazy parts in it (issue 13); 149.2 KB with issue
  // 15's and 16's slices and tabs, after the comparison's, the link-making and the side tabs' code left it. The cap
  // keeps it from creeping.
  it('loads at most 149.4 KB of JavaScript (gzip) on the page itself, with ELK only in the worker', async () => {
    const { page, scripts } = await firstScreen(s.baseUrl);
    report('first screen JS', scripts);
    expect(total(scripts)).toBeLessThan(149.4 * 1024);
    // ELK's code (GWT-compiled `org.eclipse.elk…`) lives only in the worker's chunk.
    for (const x of onPage(scripts)) expect(readFileSync(join(DIST, x.file), 'utf8')).not.toContain('org.eclipse.elk');
    // The sample is XML: the JSON reader, the link code (share/ and the link actions) and the org's and the
    // set's are not loaded for it.
    expect(loaded(scripts, 'xml-reader')).toBe(true);
    for (const chunk of ['json-reader', 'link', 'orgActions', 'setActions', 'setViews', 'setLinks'])
      expect(loaded(scripts, chunk), chunk).toBe(false);
    await page.close();
  });

  it('JSON pasted anywhere on that page loads the JSON reader then and opens', async () => {
    const { page, scripts } = await firstScreen(s.baseUrl);
    expect(loaded(scripts, 'json-reader')).toBe(false);
    const pasted = json.replace('Check Amount & Stage', 'Pasted From JSON');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, pasted);
    await expect.poll(() => page.locator('[data-node-id="Check_Amount"]').textContent()).toContain('Pasted From JSON');
    expect(loaded(scripts, 'json-reader')).toBe(true);
    expect(await page.locator('.error-banner, [role="alert"]').count()).toBe(0);
    await page.close();
  });

  it('a share link loads the JSON reader for its flow, not the XML one; XML pasted later still opens', async () => {
    const link = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text: xml, name: 'Shared' } }, s.baseUrl);
    if (!link.ok) throw new Error(link.message);
    const { page, scripts } = await firstScreen(link.url);
    report('share link first screen JS', scripts);
    expect(loaded(scripts, 'json-reader')).toBe(true);
    expect(loaded(scripts, 'xml-reader')).toBe(false);
    // Measured 154.7 KB (154.2 before the change set's #/changes route and its chunks in the preload map): the
    // page, the link's code (one chunk: the decoder, the store's link actions) and the JSON reader; nothing of a
    // set's links (setLinks). 154.5 KB with issues 15 and 16 (the code that makes a link loads with the Share
    // menu). The cap keeps it from creeping.
    expect(loaded(scripts, 'setLinks')).toBe(false);
    expect(total(scripts)).toBeLessThan(155 * 1024);
    await page.getByRole('button', { name: 'Paste…' }).click();
    await page.getByLabel('Flow XML or JSON').fill(xml.replace('Check Amount &amp; Stage', 'Pasted From XML'));
    await page.getByRole('button', { name: 'Open pasted flow' }).click();
    await expect.poll(() => page.locator('[data-node-id="Check_Amount"]').textContent()).toContain('Pasted From XML');
    expect(loaded(scripts, 'xml-reader')).toBe(true);
    await page.close();
  });
});
