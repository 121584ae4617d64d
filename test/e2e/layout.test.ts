import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { FREE_FORM } from '../helpers/freeForm';
import { openBrowser, screenshot, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 1400, height: 900 });
});
afterAll(async () => {
  await s.close();
});

const picker = () => s.page.getByRole('radiogroup', { name: 'Layout' });
const checked = async () => picker().getByRole('radio', { checked: true }).textContent();
/** Where React Flow draws each card (its transform), in id order. */
const places = () =>
  s.page.locator('.react-flow__node:not(.react-flow__node-end)').evaluateAll((els) =>
    els
      .map((e) => `${e.getAttribute('data-id')} ${(e as HTMLElement).style.transform}`)
      .sort()
      .join('\n'),
  );
const linkOnScreen = async () => {
  await s.page.getByRole('button', { name: /Share/ }).click();
  await s.page.getByRole('menuitem', { name: 'Copy link' }).click();
  // The link is made (the codec loaded, the flow compressed) after the click.
  await expect.poll(() => s.page.getByLabel('The link').inputValue()).toMatch(/#\/view\?/);
  const url = await s.page.getByLabel('The link').inputValue();
  await s.page.keyboard.press('Escape');
  return url;
};

describe('the Layout choice in the browser', () => {
  it('a free-form flow opens at its saved positions; ELK and back; the link carries the choice', async () => {
    const made = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text: FREE_FORM } }, s.baseUrl);
    if (!made.ok) throw new Error(made.message);
    await s.page.goto(made.url);
    await expect.poll(checked).toBe('Saved positions');
    await expect.poll(() => s.page.locator('.react-flow__node:not(.react-flow__node-end)').count()).toBe(8);
    // Settled: two reads a moment apart agree.
    await expect
      .poll(async () => {
        const first = await places();
        await s.page.waitForTimeout(100);
        return first === (await places());
      })
      .toBe(true);
    const saved = await places();
    await screenshot(s.page, 'layout-saved');

    await picker().getByRole('radio', { name: 'ELK layered' }).click();
    await expect.poll(checked).toBe('ELK layered');
    await expect.poll(places).not.toBe(saved);
    await expect.poll(() => s.page.locator('.react-flow__node:not(.react-flow__node-end)').count()).toBe(8);
    const elk = await places();
    await screenshot(s.page, 'layout-elk');

    const url = await linkOnScreen();
    expect(url).toMatch(/#\/view\?v=1&layout=elk&z=/);
    const other = await s.context.newPage();
    await other.goto(url);
    await expect
      .poll(() => other.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { checked: true }).textContent())
      .toBe('ELK layered');
    await expect
      .poll(() =>
        other.locator('.react-flow__node:not(.react-flow__node-end)').evaluateAll((els) =>
          els
            .map((e) => `${e.getAttribute('data-id')} ${(e as HTMLElement).style.transform}`)
            .sort()
            .join('\n'),
        ),
      )
      .toBe(elk);
    await other.close();

    await picker().getByRole('radio', { name: 'Auto-Layout' }).click();
    await expect.poll(checked).toBe('Auto-Layout');
    await screenshot(s.page, 'layout-auto');
    await picker().getByRole('radio', { name: 'Saved positions' }).click();
    await expect.poll(checked).toBe('Saved positions');
    await expect.poll(places).toBe(saved);
    // The default is not written into the link.
    expect(await linkOnScreen()).not.toMatch(/layout=/);
  });

  it('the picker in the dark theme, and Saved positions disabled for an Auto-Layout sample', async () => {
    await s.page.goto(s.baseUrl);
    await expect.poll(() => s.page.locator('.react-flow__node:not(.react-flow__node-end)').count()).toBeGreaterThan(3);
    const saved = picker().getByRole('radio', { name: 'Saved positions' });
    expect(await saved.isDisabled()).toBe(true);
    expect(await saved.getAttribute('title')).toBe('This flow uses Auto-Layout: Builder does not keep positions');
    await screenshot(s.page, 'layout-picker-light');
    await s.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await screenshot(s.page, 'layout-picker-dark');
  });
});
