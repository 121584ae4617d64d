import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { buildLink } from '../../src/share/index';
import { openBrowser, screenshot, type Session } from './browser';

const samples = join(__dirname, '../../src/samples');
const v1 = readFileSync(join(samples, 'Opportunity_Review.flow-meta.xml'), 'utf8');
const v2 = readFileSync(join(samples, 'Opportunity_Review.v2.flow-meta.xml'), 'utf8');
let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 1400, height: 900 });
});
afterAll(async () => {
  await s.close();
});
const status = (id: string) =>
  s.page.locator(`.react-flow__node [data-node-id="${id}"]`).first().getAttribute('data-status');
const diffLink = async (mode: 'side' | 'overlay', sel?: string) => {
  const link = await buildLink(
    {
      v: 1,
      route: 'diff',
      a: { kind: 'inline', text: v1, name: 'Opportunity_Review' },
      b: { kind: 'inline', text: v2, name: 'Opportunity_Review' },
      mode,
      ...(sel ? { sel } : {}),
    },
    s.baseUrl,
  );
  if (!link.ok) throw new Error(link.message);
  return link.url;
};

/** `flowscope link A B --site … --mode … --select …`, as CI would run it. */
async function cliLink(...args: string[]): Promise<string> {
  let out = '';
  const code = await runCli(
    [
      'link',
      join(samples, 'Opportunity_Review.flow-meta.xml'),
      join(samples, 'Opportunity_Review.v2.flow-meta.xml'),
      '--site',
      s.baseUrl,
      ...args,
    ],
    { out: (x) => (out += x), err: () => undefined },
  );
  expect(code).toBe(0);
  return out.trim();
}

describe('links, embed and export in the browser', () => {
  it('a diff link made by the CLI opens on the same comparison, mode and selected element', async () => {
    await s.page.goto(await cliLink('--mode', 'side', '--select', 'Check_Amount'));
    await expect.poll(() => status('Notify_Owner')).toBe('added');
    expect(await s.page.getByRole('radio', { name: 'Side by side' }).getAttribute('aria-checked')).toBe('true');
    await expect
      .poll(() => s.page.locator('.react-flow__node .fs-node.is-selected').first().getAttribute('data-node-id'))
      .toBe('Check_Amount');
    await expect.poll(() => s.page.locator('.element-diff').textContent()).toContain('Outcome Over 1M → Over 500K');
    // The selected element is on screen (in both panes), and the change counter is on it.
    const inView = () =>
      s.page.locator('.react-flow__node:has([data-node-id="Check_Amount"])').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const c = (e.closest('.react-flow') as HTMLElement).getBoundingClientRect();
          return r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom;
        }),
      );
    await expect.poll(inView).toEqual([true, true]);
    expect(await s.page.locator('.diff-step-count').textContent()).toMatch(/^\d+ of \d+$/);
  });

  it('"Copy link" makes a link to what is on screen, says its length, and that link opens the same view', async () => {
    await s.page.getByRole('radio', { name: 'Changes only' }).click();
    await s.page.locator('[data-node-id="Flag_Line_Item"]').first().click();
    await s.page.getByRole('button', { name: /Share/ }).click();
    await s.page.getByRole('menuitem', { name: 'Copy link' }).click();
    await expect
      .poll(() => s.page.locator('.share-menu').textContent())
      .toMatch(/[\d,]+ characters \(fits in a GitHub comment\)/);
    const url = await s.page.getByLabel('The link').inputValue();
    expect(url).toMatch(/#\/diff\?v=1&mode=changes&sel=Flag_Line_Item&z=/);
    const other = await s.context.newPage();
    await other.goto(url);
    await expect
      .poll(() => other.locator('[data-node-id="Flag_Line_Item"]').first().getAttribute('data-status'))
      .toBe('renamed');
    expect(await other.getByRole('radio', { name: 'Changes only' }).getAttribute('aria-checked')).toBe('true');
    await other.close();
  });

  it('exports the picture as an SVG that opens in the browser and names every element', async () => {
    await s.page.keyboard.press('Escape');
    await s.page.getByRole('button', { name: /Share/ }).click();
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('menuitem', { name: 'Export SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Opportunity_Review.*-diff-changes\.svg$/);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    for (const label of [
      'Check Amount &amp; Stage',
      'Notify Owner',
      'Flag Line Item',
      'Mark &quot;Big&quot; Deal',
      'Update Opportunity',
      'Get Line Items',
      'Each Line Item',
      'Log Error',
    ])
      expect(svg).toContain(label);
    const viewer = await s.context.newPage();
    const errors: string[] = [];
    viewer.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await viewer.setContent(`<img id="pic" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
    await expect
      .poll(() => viewer.evaluate(() => (document.getElementById('pic') as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(300);
    expect(errors).toEqual([]);
    await viewer.close();
    const [png] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('menuitem', { name: 'Export PNG' }).click(),
    ]);
    expect(
      readFileSync((await png.path()) as string)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('?embed=1 shows just the fitted canvas and an "Open in Flowscope" link, in an iframe too', async () => {
    const url = (await diffLink('overlay')).replace('/#/', '/?embed=1#/');
    await s.page.setContent(
      `<h1>Docs</h1><iframe src="${url.replace(/&/g, '&amp;')}" width="1000" height="600"></iframe>`,
    );
    const frame = s.page.frameLocator('iframe');
    await expect
      .poll(() => frame.locator('[data-node-id="Notify_Owner"]').first().getAttribute('data-status'))
      .toBe('added');
    expect(await frame.locator('.app-bar').count()).toBe(0);
    const open = frame.getByRole('link', { name: /Open in Flowscope/ });
    expect(await open.getAttribute('href')).not.toContain('embed=1');
    expect(await open.getAttribute('href')).toContain('#/diff?v=1');
    // Fitted: every element of both versions is inside the frame.
    const inside = await frame.locator('.react-flow__node').evaluateAll((els) =>
      els.every((e) => {
        const r = e.getBoundingClientRect();
        return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      }),
    );
    expect(inside).toBe(true);
    await screenshot(s.page, 'embed-iframe');
  });

  it('a damaged or truncated link says so instead of a blank page', async () => {
    const url = await diffLink('overlay');
    await s.page.goto('about:blank');
    await s.page.goto(url.slice(0, url.length - 40));
    await expect
      .poll(() => s.page.getByRole('alert').textContent())
      .toMatch(/Could not open this link\..*(cut short|damaged)/);
    // A link pasted into the address bar of an open page opens too (hashchange).
    await s.page.evaluate(
      () => (location.hash = '#/diff?v=9&a=https://example.com/a.flow-meta.xml&b=https://example.com/b.flow-meta.xml'),
    );
    await expect.poll(() => s.page.getByRole('alert').textContent()).toMatch(/version/i);
    await s.page.goto('about:blank');
    await s.page.goto(
      `${s.baseUrl}#/diff?v=9&a=https://example.com/a.flow-meta.xml&b=https://example.com/b.flow-meta.xml`,
    );
    await expect.poll(() => s.page.getByRole('alert').textContent()).toMatch(/version/i);
  });
});
