import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { quietFlowXml } from '../model/diff/quietFlow';
import { openBrowser, screenshot, type Session } from './browser';

/** The noise filters in the browser: a decision changed only in its description, an assignment for real. */
let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 1400, height: 900 });
});
afterAll(async () => {
  await s.close();
});
const status = (id: string) =>
  s.page.locator(`.react-flow__node [data-node-id="${id}"]`).first().getAttribute('data-status');
const count = () => s.page.locator('.diff-step-count').textContent();

describe('noise filters in the browser', () => {
  it('"Descriptions only" unmarks the element changed only in its description; the count says 1', async () => {
    const link = await buildLink(
      {
        v: 1,
        route: 'diff',
        a: { kind: 'inline', text: quietFlowXml(), name: 'Quiet_Flow' },
        b: { kind: 'inline', text: quietFlowXml({ decisionDescription: 'Reworded', step: '2.0' }), name: 'Quiet_Flow' },
      },
      s.baseUrl,
    );
    if (!link.ok) throw new Error(link.message);
    await s.page.goto(link.url);
    await expect.poll(() => status('Is_Big')).toBe('changed');
    expect(await status('Add_One')).toBe('changed');
    expect(await count()).toBe('2 changes');
    await s.page.getByRole('button', { name: /Hide noise/ }).click();
    const toggle = s.page.getByRole('checkbox', { name: /Descriptions only \(1\)/ });
    expect(await s.page.getByRole('checkbox', { name: /Labels only \(0\)/ }).isDisabled()).toBe(true);
    await toggle.check();
    await expect.poll(() => status('Is_Big')).toBe('unchanged');
    expect(await status('Add_One')).toBe('changed');
    expect(await count()).toBe('1 change');
    expect(await s.page.getByRole('tab', { name: 'Changes (1)' }).count()).toBe(1);
    await screenshot(s.page, 'noise-descriptions-only');
    // n / p step through what is left.
    await s.page.keyboard.press('Escape');
    expect(await s.page.locator('.noise-hiding').textContent()).toBe('Hiding changes only in descriptions (1).');
    await s.page.keyboard.press('n');
    await expect.poll(count).toBe('1 of 1');
    await screenshot(s.page, 'noise-change-list');
  });

  it('the link carries the choice, and a reload keeps it', async () => {
    await s.page.getByRole('button', { name: /Share/ }).click();
    await s.page.getByRole('menuitem', { name: 'Copy link' }).click();
    const url = await s.page.getByLabel('The link').inputValue();
    expect(url).toMatch(/#\/diff\?v=1&mode=overlay&ignore=description&sel=Add_One&z=/);
    await s.page.keyboard.press('Escape');
    await s.page.goto(url);
    await s.page.reload();
    await expect.poll(() => status('Add_One')).toBe('changed');
    expect(await status('Is_Big')).toBe('unchanged');
    // The link's selection is the one change left, so the counter is on it.
    expect(await count()).toBe('1 of 1');
    expect(await s.page.getByRole('button', { name: /Hiding noise \(1\)/ }).count()).toBe(1);
    await s.page.getByRole('button', { name: /Hiding noise/ }).click();
    expect(await s.page.getByRole('checkbox', { name: /Descriptions only/ }).isChecked()).toBe(true);
    await screenshot(s.page, 'noise-after-reload');
    // Off again: the decision is marked again.
    await s.page.getByRole('checkbox', { name: /Descriptions only/ }).uncheck();
    await expect.poll(() => status('Is_Big')).toBe('changed');
    await expect.poll(count).toMatch(/^\d of 2$/);
  });

  it('a variable renamed with all its references is one renamed resource, no element marked', async () => {
    const link = await buildLink(
      {
        v: 1,
        route: 'diff',
        a: { kind: 'inline', text: quietFlowXml(), name: 'Quiet_Flow' },
        b: { kind: 'inline', text: quietFlowXml({ variable: 'Running_Total' }), name: 'Quiet_Flow' },
      },
      s.baseUrl,
    );
    if (!link.ok) throw new Error(link.message);
    await s.page.goto(link.url);
    await s.page.getByRole('tab', { name: 'Changes (1)' }).click();
    await expect.poll(() => s.page.locator('.change-row .change-title').allTextContents()).toEqual(['Running_Total']);
    expect(await s.page.locator('.change-row').first().textContent()).toContain('was Total');
    for (const id of ['Add_One', 'Is_Big', 'Save_Total']) expect(await status(id)).toBe('unchanged');
    expect(await count()).toBe('1 change');
    await screenshot(s.page, 'noise-resource-renamed');
  });

  it('a link naming an unknown filter opens with the known one on and a notice naming the unknown one', async () => {
    const link = await buildLink(
      {
        v: 1,
        route: 'diff',
        a: { kind: 'inline', text: quietFlowXml(), name: 'Quiet_Flow' },
        b: { kind: 'inline', text: quietFlowXml({ decisionDescription: 'Reworded', step: '2.0' }), name: 'Quiet_Flow' },
        ignore: ['description'],
      },
      s.baseUrl,
    );
    if (!link.ok) throw new Error(link.message);
    await s.page.goto(link.url.replace('ignore=description', 'ignore=description,bogus'));
    await expect.poll(() => status('Add_One')).toBe('changed');
    expect(await status('Is_Big')).toBe('unchanged');
    expect(await s.page.getByRole('button', { name: /Hiding noise \(1\)/ }).count()).toBe(1);
    const notice = s.page.locator('.error-banner.is-notice');
    await expect.poll(() => notice.textContent()).toContain('Unknown filter "bogus"');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await s.page.locator('[role="alert"]').count()).toBe(0);
    await screenshot(s.page, 'noise-link-unknown-filter');
    await s.page.getByRole('button', { name: 'Dismiss the notice' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(await status('Is_Big')).toBe('unchanged');
  });
});
