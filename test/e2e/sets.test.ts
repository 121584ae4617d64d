import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/corpus';
import { startMockGitHost, type MockGitHost } from '../helpers/mockGitHost';
import { routeGitHubToMock } from './gitRoute';
import { openBrowser, screenshot, type Session } from './browser';

/**
 * Flow sets through the real page in Chromium: a project folder (the corpus's AnimalShelterStarter flows under
 * their API names, plus files that are not flows), a zip of it, a repository on a mock GitLab (self-hosted, the
 * app's real requests) and a private one on a mock GitHub (the page's requests to api.github.com and
 * raw.githubusercontent.com routed to the mock), search across the flows, a subflow followed and back, and a link.
 */
const PROJECT = 'SalesforceLabs__AnimalShelterStarter__';
const FLOWS = 'force-app/main/default/flows';
const CALLER = 'Adopter_Profile';
const CALL = 'Call_Auto_match_Subflow';
const CALLEE = 'Adopter_Match_create_auto_match_records_Subflow';
const TOKEN = 'ghp_e2eSetToken0123456789abcdef';

const files: Record<string, string> = {};
for (const f of readdirSync(join(CORPUS, 'flows')).filter((n) => n.startsWith(PROJECT)))
  files[`${FLOWS}/${f.slice(PROJECT.length)}`] = readFileSync(join(CORPUS, 'flows', f), 'utf8');
const FLOW_COUNT = Object.keys(files).length;
const extras: Record<string, string> = {
  'README.md': '# Animal shelter\n',
  'force-app/main/default/classes/Shelter.cls': 'public class Shelter {}',
};

let s: Session;
let dir: string;
let git: MockGitHost;
const requests: { url: string; authorization?: string }[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowscope-set-'));
  const project = join(dir, 'animal-shelter');
  for (const [path, text] of Object.entries({ ...files, ...extras })) {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  const zip: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries({ ...files, ...extras }))
    zip[`animal-shelter-main/${path}`] = strToU8(text);
  writeFileSync(join(dir, 'animal-shelter.zip'), zipSync(zip));
  git = await startMockGitHost({
    token: TOKEN,
    repos: [
      { host: 'gitlab', project: 'shelter/apps/animals', branches: { main: { files: { ...files, ...extras } } } },
      { host: 'github', project: 'acme/shelter', private: true, branches: { 'release/2.0': { files } } },
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
const title = () => page().locator('.set-screen h1');

async function openSetDialog(way: 'Folder' | 'Zip' | 'Repository') {
  await page().getByRole('button', { name: 'Open set…' }).click();
  await page().getByRole('dialog').getByRole('tab', { name: way }).click();
}

/** The element the details panel shows (its title). */
const detailsTitle = () => page().locator('.fsd-details .fsd-title');

describe('a flow set in the page', () => {
  it('opens a project folder: every flow listed, the other files skipped and counted', async () => {
    await page().goto(s.baseUrl);
    await page().waitForSelector('[data-node-id]');
    await openSetDialog('Folder');
    await page().getByLabel('Project folder').setInputFiles(join(dir, 'animal-shelter'));
    await expect.poll(() => title().textContent(), { timeout: 20_000 }).toContain(`${FLOW_COUNT} flows · 2 skipped`);
    await expect
      .poll(() =>
        page()
          .getByRole('tab', { name: /^Flows/ })
          .textContent(),
      )
      .toContain(String(FLOW_COUNT));
    await page()
      .getByRole('tab', { name: /^Skipped/ })
      .click();
    await expect.poll(() => page().getByRole('tabpanel').textContent()).toContain('README.md');
    await page()
      .getByRole('tab', { name: /^Triggers/ })
      .click();
    const adopter = page().getByRole('region', { name: 'Adopter_Profile__c' });
    await expect.poll(() => adopter.textContent()).toContain('After save');
    await screenshot(page(), 'set-triggers');
  });

  it('searches across every flow and opens a hit with its element selected', async () => {
    await page().getByRole('tab', { name: 'Search' }).click();
    await page().getByLabel('Search all flows').fill(CALL);
    const group = page().getByRole('region', { name: /Adopter Profile - Find Adoption Match/ });
    await expect.poll(() => group.count()).toBe(1);
    await screenshot(page(), 'set-search');
    await group.locator('mark').first().click();
    await expect.poll(() => detailsTitle().textContent()).toBe('Call Auto match Subflow');
    const crumbs = page().getByRole('navigation', { name: 'Flow set' });
    await expect.poll(() => crumbs.textContent()).toContain('Adopter Profile - Find Adoption Match');
  });

  it('follows the subflow into the flow it calls, lists the caller there, and comes back', async () => {
    const call = page().getByRole('region', { name: 'Called flow' });
    await expect.poll(() => call.textContent()).toContain(CALLEE);
    await call.getByRole('button', { name: /^Open / }).click();
    const crumbs = page().getByRole('navigation', { name: 'Flow set' });
    await expect.poll(() => crumbs.locator('[aria-current]').textContent()).toContain('Adopter Match - Create');
    await page().getByRole('tab', { name: 'Flow' }).click();
    const calledBy = page().getByRole('region', { name: 'Called by' });
    await expect.poll(() => calledBy.textContent()).toContain(CALL);
    await screenshot(page(), 'set-drilled');
    await crumbs.getByRole('button', { name: /Adopter Profile - Find Adoption Match/ }).click();
    await expect.poll(() => crumbs.locator('[aria-current]').textContent()).toContain('Adopter Profile - Find');
    await expect.poll(() => detailsTitle().textContent()).toBe('Call Auto match Subflow');
  });

  it('says a set from this computer cannot travel in a link, and links the flow on screen instead', async () => {
    await page().getByRole('button', { name: 'Share ▾' }).click();
    await expect.poll(() => page().getByText(/a link cannot carry the set/).count()).toBe(1);
    await page().getByRole('menuitem', { name: 'Copy link' }).click();
    await expect.poll(() => page().locator('.share-result').textContent()).toMatch(/shares the flow on screen/);
    await page().keyboard.press('Escape');
  });

  it('opens a zip with the same flows', async () => {
    await openSetDialog('Zip');
    await page().getByLabel('Zip file').setInputFiles(join(dir, 'animal-shelter.zip'));
    await expect.poll(() => title().textContent(), { timeout: 20_000 }).toContain(`${FLOW_COUNT} flows · 2 skipped`);
  });

  it('opens a GitLab repository folder through its API, and the set link opens the flow and element', async () => {
    const tree = `${git.url}/shelter/apps/animals/-/tree/main/${FLOWS}`;
    await openSetDialog('Repository');
    await page().getByLabel('Tree URL').fill(tree);
    await page().getByRole('button', { name: 'Open repository' }).click();
    await expect.poll(() => title().textContent(), { timeout: 20_000 }).toContain(`${FLOW_COUNT} flows`);
    const link = `#/set?v=1&src=${encodeURIComponent(tree)}&flow=${CALLEE}&via=${CALLER}&select=Set_Output_Flag`;
    await page().goto(`${s.baseUrl}${link}`);
    const crumbs = page().getByRole('navigation', { name: 'Flow set' });
    await expect.poll(() => crumbs.textContent(), { timeout: 20_000 }).toContain('Adopter Profile - Find');
    await expect.poll(() => crumbs.locator('[aria-current]').textContent()).toContain('Adopter Match - Create');
    await expect.poll(() => detailsTitle().textContent()).toBe('Set Output Flag');
    await screenshot(page(), 'set-link');
  });

  it('asks for a token for a private GitHub repository, sends it only in a header, and opens it', async () => {
    const tree = 'https://github.com/acme/shelter/tree/release/2.0/force-app';
    await openSetDialog('Repository');
    await page().getByLabel('Tree URL').fill(tree);
    await page().getByRole('button', { name: 'Open repository' }).click();
    const alert = page().locator('.set-screen [role=alert]');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/token/i);
    await screenshot(page(), 'set-needs-token');
    const retry = page().getByRole('form', { name: 'Try the repository again' });
    await retry.getByLabel('Token').fill(TOKEN);
    await retry.getByRole('button', { name: 'Retry with the token' }).click();
    await expect.poll(() => title().textContent(), { timeout: 20_000 }).toContain(`${FLOW_COUNT} flows`);
    const traces = await page().evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href);
    expect(traces).not.toContain(TOKEN);
    expect(requests.some((r) => r.url.includes(TOKEN))).toBe(false);
    expect(requests.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
