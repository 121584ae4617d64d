import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/corpus';
import { startMockGitHost, type MockGitHost } from '../helpers/mockGitHost';
import { openBrowser, screenshot, type Session } from './browser';
import { routeGitHubToMock } from './gitRoute';

/**
 * A change set through the real page in Chromium (issue 14): two folders written from the corpus's
 * AnimalShelterStarter pairs (a → base, b → head, under their API names; one flow only in the head), compared
 * with Compare… → Two sets; the list by size of change, a flow's comparison, and n past its last change into
 * the next flow's.
 */
const PROJECT = 'SalesforceLabs__AnimalShelterStarter__';
const pairs = new Map<string, string>();
for (const d of readdirSync(join(CORPUS, 'pairs'))
  .filter((n) => n.startsWith(PROJECT))
  .sort()) {
  const name = d.slice(PROJECT.length).replace(/__[0-9a-f]{7}$/, '');
  if (!pairs.has(name)) pairs.set(name, d);
}
const names = [...pairs.keys()];
const ADDED = names.at(-1) as string;

let s: Session;
let dir: string;
let git: MockGitHost;
const TOKEN = 'ghp_e2eChangesToken0123456789abcd';
const requests: { url: string; authorization?: string }[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowscope-changes-'));
  for (const side of ['base', 'head'] as const) mkdirSync(join(dir, side, 'flows'), { recursive: true });
  for (const [name, d] of pairs) {
    const read = (f: string) => readFileSync(join(CORPUS, 'pairs', d, f), 'utf8');
    if (name !== ADDED) writeFileSync(join(dir, 'base', 'flows', `${name}.flow-meta.xml`), read('a.flow-meta.xml'));
    writeFileSync(join(dir, 'head', 'flows', `${name}.flow-meta.xml`), read('b.flow-meta.xml'));
  }
  const branch = (side: 'base' | 'head') => {
    const files: Record<string, string> = { 'README.md': '# shelter\n' };
    for (const f of readdirSync(join(dir, side, 'flows')))
      files[`force-app/main/default/flows/${f}`] = readFileSync(join(dir, side, 'flows', f), 'utf8');
    return { files };
  };
  git = await startMockGitHost({
    token: TOKEN,
    repos: [
      {
        host: 'github',
        project: 'acme/shelter',
        private: true,
        branches: { main: branch('base'), 'feature/adoption': branch('head') },
        pulls: { 7: { base: 'main', head: 'feature/adoption', title: 'Rework adoption' } },
      },
    ],
  });
  s = await openBrowser({ width: 1400, height: 900 });
  await routeGitHubToMock(s.context, git.url);
  s.page.on('request', (r) => requests.push({ url: r.url(), authorization: r.headers().authorization }));
});
afterAll(async () => {
  await s.close();
  await git.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = () => s.page;
const crumb = () => page().getByRole('navigation', { name: 'Change set' }).locator('[aria-current]');

describe('a change set in the page', () => {
  it('compares two folders: every changed flow listed by size, the added one marked by word and sign', async () => {
    await page().goto(s.baseUrl);
    await page().waitForSelector('[data-node-id]');
    await page().getByRole('button', { name: 'Compare…' }).click();
    await page().getByRole('dialog').getByRole('button', { name: 'Two sets' }).click();
    await page().getByLabel('Base (before): folder').setInputFiles(join(dir, 'base'));
    await page().getByLabel('Head (after): folder').setInputFiles(join(dir, 'head'));
    await screenshot(page(), 'changes-dialog');
    const started = Date.now();
    await page().getByRole('button', { name: 'Compare sets' }).click();
    const title = page().locator('.cs-screen h1');
    await expect
      .poll(() => title.textContent(), { timeout: 20_000 })
      .toContain(`${names.length - 1} changed · 1 added`);
    console.log(`change set of ${names.length} flows listed in ${Date.now() - started} ms`);
    const rows = page().locator('.cs-table tbody tr');
    expect(await rows.count()).toBe(names.length);
    const added = page().locator('.cs-row.is-added');
    await expect.poll(() => added.textContent()).toContain('+ added');
    expect(await added.textContent()).toContain(ADDED);
    await screenshot(page(), 'changes-list');
  });

  it('opens the first flow’s comparison; n past its last change goes on to the next flow', async () => {
    const first = await page().locator('.cs-table tbody tr .set-link').first().textContent();
    const second = await page().locator('.cs-table tbody tr .set-link').nth(1).textContent();
    await page().locator('.cs-table tbody tr .set-link').first().click();
    await expect.poll(() => crumb().textContent(), { timeout: 20_000 }).toContain(`${first} (1 of ${names.length})`);
    await page().waitForSelector('[data-node-id]');
    await screenshot(page(), 'changes-flow');
    await page()
      .locator('body')
      .click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 400; i++) {
      if ((await crumb().textContent())?.includes('(2 of')) break;
      await page().keyboard.press('n');
    }
    await expect.poll(() => crumb().textContent(), { timeout: 20_000 }).toContain(`${second} (2 of ${names.length})`);
    await page().waitForSelector('[data-node-id]');
    await page().waitForTimeout(600); // the canvas moves to the selected change
    await screenshot(page(), 'changes-next-flow');
    await page().keyboard.press('p');
    await expect.poll(() => crumb().textContent(), { timeout: 20_000 }).toContain(`${first} (1 of`);
    // A Subflow element whose called flow changed too (the second flow has some): the bar names it, and its callee
    // opens at its first change.
    await page().getByRole('button', { name: 'Change set', exact: true }).click();
    await page().locator('.cs-table tbody tr .set-link').nth(1).click();
    await expect.poll(() => crumb().textContent(), { timeout: 20_000 }).toContain(`${second} (2 of`);
    const call = page().locator('.cs-call').first();
    await expect.poll(() => call.count(), { timeout: 20_000 }).toBe(1);
    const [element, callee] = (await call.locator('button').allTextContents()).map((t) => t.trim());
    await call.locator('button').first().click();
    await expect.poll(() => page().locator('.fsd-details .fsd-api-name').textContent()).toBe(element);
    await call.locator('button').nth(1).click();
    await expect.poll(() => crumb().textContent(), { timeout: 20_000 }).toContain(`${callee} (`);
    await page().getByRole('button', { name: 'Change set', exact: true }).click();
    await page().locator('.cs-table tbody tr .set-link').first().click();
    await expect.poll(() => crumb().textContent(), { timeout: 20_000 }).toContain(`${first} (1 of`);
    await page().getByRole('button', { name: 'Change set', exact: true }).click();
    await expect.poll(() => page().locator('.cs-screen h1').count()).toBe(1);
  });

  it('says a change set of folders on this computer cannot be linked', async () => {
    await page().getByRole('button', { name: 'Share ▾' }).click();
    await expect
      .poll(() =>
        page()
          .getByText(/a link cannot carry it/)
          .count(),
      )
      .toBeGreaterThan(0);
    await page().getByRole('menuitem', { name: 'Copy link' }).click();
    await expect.poll(() => page().locator('.share-menu').textContent()).toMatch(/cannot carry it/);
    await screenshot(page(), 'changes-share-local');
    await page().keyboard.press('Escape');
  });

  it('opens a private pull request from a #/changes link: asks for a token, then lists its flows', async () => {
    const pr = 'https://github.com/acme/shelter/pull/7';
    await page().goto(`${s.baseUrl}#/changes?v=1&src=${encodeURIComponent(pr)}`);
    const alert = page().locator('.cs-screen [role=alert]');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/token/i);
    await page().locator('.cs-screen input[type=password]').fill(TOKEN);
    await page().locator('.cs-screen input[type=password]').press('Enter');
    const title = page().locator('.cs-screen h1');
    await expect
      .poll(() => title.textContent(), { timeout: 20_000 })
      .toContain(`${names.length - 1} changed · 1 added`);
    expect(await title.textContent()).toContain('Rework adoption');
    await screenshot(page(), 'changes-pull');
    await page().locator('.cs-table tbody tr .set-link').first().click();
    await expect.poll(() => crumb().textContent(), { timeout: 20_000 }).toContain(`(1 of ${names.length})`);
    const traces = await page().evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href);
    expect(traces).not.toContain(TOKEN);
    expect(requests.some((r) => r.url.includes(TOKEN))).toBe(false);
    expect(requests.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
