import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeOf } from '../helpers/mockOrg';
import { startMockTooling, type MockTooling } from '../helpers/mockTooling';
import { openBrowser, screenshot, type Session } from './browser';

/**
 * The org and URL dialogs against the mock Tooling API (a real HTTP server on another port: a real
 * cross-origin request with CORS), and the token-safety promise: no token in the page URL, storage,
 * console or any request URL afterwards.
 */
let s: Session;
let mock: MockTooling;
let origin: string;
const consoleText: string[] = [];
const requests: { url: string; authorization?: string }[] = [];
beforeAll(async () => {
  s = await openBrowser({ width: 1400, height: 900 });
  origin = new URL(s.baseUrl).origin;
  mock = await startMockTooling({ allowOrigin: origin });
  s.page.on('console', (m) => consoleText.push(m.text()));
  s.page.on('request', (r) => requests.push({ url: r.url(), authorization: r.headers().authorization }));
});
afterAll(async () => {
  await s.close();
  await mock.close();
});

const dialog = () => s.page.getByRole('dialog');
const nodeCount = () => s.page.locator('.react-flow__node [data-node-id]').count();

async function connect(remember = false) {
  await s.page.getByRole('button', { name: 'Org…' }).click();
  await s.page.getByLabel('Instance URL').fill(mock.url);
  await s.page.getByLabel('Access token').fill(mock.token);
  if (remember) await s.page.getByRole('checkbox', { name: 'Remember for this tab' }).check();
  await s.page.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** Everywhere a token could be left behind in the page, as one string. */
async function pageTraces(): Promise<string> {
  const storage = await s.page.evaluate(() =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
      title: document.title,
      html: document.documentElement.outerHTML,
    }),
  );
  return [s.page.url(), storage, consoleText.join('\n'), requests.map((r) => r.url).join('\n')].join('\n');
}

describe('a Salesforce org through the Tooling API', () => {
  it('connects, filters as you type and finds a flow; labels are text', async () => {
    await s.page.goto(s.baseUrl);
    await s.page.waitForSelector('[data-node-id]');
    await connect();
    const list = s.page.getByRole('list', { name: 'Flows in the org' });
    await expect
      .poll(() => s.page.getByRole('status').filter({ hasText: /flows/ }).textContent())
      .toBe('Showing 2 of 8 flows');
    await s.page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4);
    await s.page.getByRole('searchbox', { name: 'Filter flows by label or API name' }).fill('under');
    await expect
      .poll(() => list.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('<img src=x onerror="window.__pwned=1"> Flow')]);
    expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await s.page.getByRole('searchbox', { name: 'Filter flows by label or API name' }).fill('adopt');
    await expect
      .poll(() => list.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringContaining('Adopter Profile: Create new Adopter Profile'),
        expect.stringContaining('Adoption: Start Adoption Process'),
      ]);
    await screenshot(s.page, 'org-browser');
  });

  it('opens one version: its nodes are drawn', async () => {
    await s.page.getByRole('button', { name: /Adopter Profile: Create new Adopter Profile/ }).click();
    const versions = s.page.getByRole('region', { name: 'Versions of Adopter Profile: Create new Adopter Profile' });
    await expect.poll(() => versions.getByRole('row').count()).toBe(3);
    expect(await versions.getByRole('row').nth(1).textContent()).toMatch(/^2 \(latest\)Draft2025-04-02 11:30 UTC/);
    await versions.getByRole('button', { name: 'Open version 1' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(nodeCount).toBeGreaterThan(20);
    expect(await s.page.locator('.fsd-flow-facts').textContent()).toContain('Adopter Profile');
  });

  it('compares the active version with the latest (the default pair)', async () => {
    await s.page.getByRole('button', { name: 'Org…' }).click();
    const versions = s.page.getByRole('region', { name: 'Versions of Adopter Profile: Create new Adopter Profile' });
    await versions.getByRole('button', { name: 'Compare version 1 → 2' }).click();
    await expect
      .poll(() => s.page.locator('.diff-versions').textContent())
      .toBe('Comparing Adopter_Profile_Create_new_Adopter_Profile v1 → Adopter_Profile_Create_new_Adopter_Profile v2');
    await expect.poll(() => s.page.locator('.react-flow__node [data-status="added"]').count()).toBeGreaterThan(0);
    expect(await s.page.locator('.react-flow__node [data-status="removed"]').count()).toBeGreaterThan(0);
    await screenshot(s.page, 'org-compare');
  });

  it('opens every active flow of the org as a set, read in composite batches', async () => {
    const active = mock.flows.filter((f) => activeOf(f) !== undefined).length;
    const before = requests.length;
    await s.page.getByRole('button', { name: 'Open set…' }).click();
    await dialog().getByRole('tab', { name: 'Org' }).click();
    await s.page.getByRole('button', { name: "Open the org's flows" }).click();
    const title = s.page.locator('.set-screen h1');
    await expect.poll(() => title.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`— ${active} flows`));
    // The comparison open before stays behind the set's list: its toolbar is not drawn over the list.
    expect(await s.page.locator('.diff-toolbar').count()).toBe(0);
    const batches = requests.slice(before).filter((r) => r.url.includes('/tooling/composite/batch'));
    expect(batches.length).toBe(Math.ceil(active / 25));
    await s.page.getByRole('tab', { name: /^Skipped/ }).click();
    if (active < mock.flows.length)
      expect(await s.page.getByRole('tabpanel').textContent()).toMatch(/no active version/);
    await screenshot(s.page, 'org-set');
    await s.page.getByRole('button', { name: 'Close set' }).click();
    await expect.poll(() => title.count()).toBe(0);
    await expect.poll(() => s.page.locator('.diff-toolbar').count()).toBe(1);
  });

  it('disconnects, and leaves no token in the page URL, storage, console or any request URL', async () => {
    await s.page.getByRole('button', { name: 'Org…' }).click();
    await s.page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    expect(await s.page.getByLabel('Access token').inputValue()).toBe('');
    await s.page.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await pageTraces()).not.toContain(mock.token);
    // The token went only to the instance, only in the Authorization header.
    const withToken = requests.filter((r) => r.authorization !== undefined);
    expect(withToken.length).toBeGreaterThan(4);
    expect(
      withToken.every(
        (r) => r.url.startsWith(`${mock.url}/services/data/`) && r.authorization === `Bearer ${mock.token}`,
      ),
    ).toBe(true);
  });

  it('"Remember for this tab": the session in sessionStorage only, across a reload; Disconnect clears it', async () => {
    await connect(true);
    await s.page.getByRole('list', { name: 'Flows in the org' }).waitFor();
    const stored = () =>
      s.page.evaluate(() => ({
        session: JSON.stringify({ ...sessionStorage }),
        local: JSON.stringify({ ...localStorage }),
      }));
    expect((await stored()).session).toContain(mock.token);
    expect((await stored()).local).not.toContain(mock.token);
    await s.page.reload();
    await s.page.getByRole('button', { name: 'Org…' }).click();
    expect(await s.page.getByLabel('Access token').inputValue()).toBe(mock.token);
    await s.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await s.page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    expect((await stored()).session).not.toContain(mock.token);
    await s.page.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await pageTraces()).not.toContain(mock.token);
  });

  it('a wrong token: the 401 message and how to get a fresh token', async () => {
    await s.page.getByRole('button', { name: 'Org…' }).click();
    await s.page.getByLabel('Access token').fill('00D5g000004WRNG!AQ0AQWrongTokenValue.y2');
    await s.page.getByRole('button', { name: 'Connect', exact: true }).click();
    const alert = dialog().getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Session expired or invalid.*sf org display --json --target-org <alias>/);
    expect(await pageTraces()).not.toContain('WrongTokenValue');
  });

  it('an org that refuses this origin (CORS): the dialog explains the allowlist with this site’s origin', async () => {
    mock.allowOrigin = undefined;
    try {
      await s.page.getByLabel('Access token').fill(mock.token);
      await s.page.getByRole('button', { name: 'Connect', exact: true }).click();
      const alert = dialog().getByRole('alert');
      await expect
        .poll(() => alert.textContent(), { timeout: 10_000 })
        .toMatch(/browser blocked the response.*\(CORS\)/);
      expect(await alert.textContent()).toContain(`Setup → CORS → New → Origin URL Pattern ${origin}`);
      await screenshot(s.page, 'org-cors');
    } finally {
      mock.allowOrigin = origin;
    }
    await s.page.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await pageTraces()).not.toContain(mock.token);
  });
});

describe('a flow file by URL', () => {
  it('opens a file from a GitLab-style page (the mock git host), then a private one with a token', async () => {
    const page = (repo: string) =>
      `${mock.url}/acme/${repo}/-/blob/main/${repo === 'flows' ? 'force-app/main/default/' : ''}flows/Adoption_Start_Adoption_Process.flow-meta.xml`;
    await s.page.getByRole('button', { name: 'URL…' }).click();
    await s.page.getByLabel('URL', { exact: true }).fill(page('flows'));
    await s.page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect
      .poll(() => s.page.locator('.fsd-flow-facts').textContent())
      .toContain('Adoption_Start_Adoption_Process');

    await s.page.getByRole('button', { name: 'URL…' }).click();
    await s.page.getByLabel('URL', { exact: true }).fill(page('secret'));
    await s.page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toMatch(/Nothing found.*if the repository is private/);
    await s.page.getByLabel('Token (optional)').fill(mock.token);
    await s.page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await pageTraces()).not.toContain(mock.token);
  });
});
