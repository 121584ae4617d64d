import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLink } from '../../src/share/index';
import { FREE_FORM } from '../helpers/freeForm';
import { openBrowser, screenshot, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 1500, height: 900 });
});
afterAll(async () => {
  await s.close();
});

const card = (id: string) => s.page.locator(`.react-flow__node [data-node-id="${id}"]`).first();
/** Cards lit (the selected one and the set) and dimmed, over every canvas on the page. */
const counts = () =>
  s.page.locator('.fs-node').evaluateAll((els) => ({
    lit: els.filter((e) => e.classList.contains('is-related') || e.classList.contains('is-selected')).length,
    dimmed: els.filter((e) => e.classList.contains('is-dimmed')).length,
  }));
const litIds = () =>
  s.page
    .locator('.fs-node.is-related, .fs-node.is-selected')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-node-id')))].sort());
const result = () => s.page.getByTestId('path-result');
const conditions = () =>
  s.page.getByRole('list', { name: 'Conditions on the way' }).locator(':scope > li').allTextContents();

/** Our own flow of `n` diamonds: a Decision, two assignments, both on to the next: 2^n paths to the end. */
function diamonds(n: number): string {
  const go = (t: string) => `<connector><targetReference>${t}</targetReference></connector>`;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `D${i + 1}` : 'Finish';
    parts.push(
      `<decisions><name>D${i}</name><label>Check ${i}</label>` +
        `<defaultConnector><targetReference>B${i}</targetReference></defaultConnector>` +
        `<rules><name>Yes${i}</name><label>Yes ${i}</label><conditionLogic>and</conditionLogic>` +
        `<conditions><leftValueReference>x${i}</leftValueReference><operator>EqualTo</operator>` +
        `<rightValue><booleanValue>true</booleanValue></rightValue></conditions>${go(`A${i}`)}</rules></decisions>`,
      `<assignments><name>A${i}</name><label>Set A ${i}</label>${go(next)}</assignments>`,
      `<assignments><name>B${i}</name><label>Set B ${i}</label>${go(next)}</assignments>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>Diamonds</label><processType>AutoLaunchedFlow</processType>
<start>${go('D0')}</start>${parts.join('')}<assignments><name>Finish</name><label>Finish</label></assignments>
<assignments><name>Island</name><label>Island</label></assignments></Flow>`;
}

describe('How do we get here? / What runs after in the browser', () => {
  it('a sample flow: the way to an element inside a loop, lit, with its conditions', async () => {
    await s.page.goto(s.baseUrl);
    await s.page.waitForSelector('[data-node-id="Flag_Line"]');
    await card('Flag_Line').click();
    await s.page.getByRole('button', { name: 'How do we get here?' }).click();
    await expect.poll(() => result().textContent()).toContain('2 paths from Start');
    expect(await litIds()).toEqual([
      '$start',
      'Check_Amount',
      'Each_Line_Item',
      'Flag_Line',
      'Get_Line_Items',
      'Mark_Big_Deal',
      'Update_Opportunity',
    ]);
    expect(await counts()).toEqual({ lit: 7, dimmed: 1 });
    expect(await card('Log_Error').getAttribute('class')).toContain('is-dimmed');
    const lines = await conditions();
    expect(lines).toContain('Start → Run Immediately');
    expect(lines).toContain('inside the loop Each Line Item: for each item in {!Get_Line_Items}');
    // The Go To to Log Error is off the way: it stays a stub, dimmed.
    await screenshot(s.page, 'paths-to');
  });

  it('What runs after, then Esc clears it', async () => {
    await card('Check_Amount').click();
    await s.page.getByRole('button', { name: 'What runs after' }).click();
    await expect.poll(() => result().textContent()).toContain('6 elements can run after Check Amount & Stage');
    expect(await counts()).toEqual({ lit: 7, dimmed: 1 });
    expect(await card('$start').getAttribute('class')).toContain('is-dimmed');
    // Go To connectors after it are drawn whole, lit.
    expect(await s.page.locator('path.fs-edge-goto.is-related').count()).toBeGreaterThan(0);
    await screenshot(s.page, 'paths-after');
    await s.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await card('Log_Error').click();
    await s.page.getByRole('button', { name: 'How do we get here?' }).click();
    await expect.poll(() => result().textContent()).toContain('5 paths from Start');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => result().count()).toBe(0);
    expect((await counts()).dimmed).toBe(0);
  });

  it('ELK and saved positions: the same way, lit', async () => {
    await card('Flag_Line').click();
    await s.page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'ELK layered' }).click();
    await s.page.getByRole('button', { name: 'How do we get here?' }).click();
    await expect.poll(() => result().textContent()).toContain('2 paths from Start');
    // ELK lays out in the worker: the cards come back lit as they are drawn.
    await expect.poll(counts).toEqual({ lit: 7, dimmed: 1 });
    await screenshot(s.page, 'paths-elk');

    const made = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text: FREE_FORM } }, s.baseUrl);
    if (!made.ok) throw new Error(made.message);
    await s.page.goto(made.url);
    await expect.poll(() => s.page.getByRole('radio', { checked: true, name: 'Saved positions' }).count()).toBe(1);
    await card('Thank_You').click();
    await s.page.getByRole('button', { name: 'How do we get here?' }).click();
    await expect.poll(() => result().textContent()).toMatch(/paths? from Start/);
    await expect.poll(async () => (await counts()).lit).toBeGreaterThan(3);
    await screenshot(s.page, 'paths-saved');
  });

  it('very many paths are capped, and an element Start does not reach says so', async () => {
    const made = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text: diamonds(15) } }, s.baseUrl);
    if (!made.ok) throw new Error(made.message);
    await s.page.goto(made.url);
    // Far down a tall flow: found by search, as a reader would.
    await expect.poll(() => s.page.locator('[data-node-id]').count()).toBeGreaterThan(10);
    const search = s.page.getByRole('combobox', { name: /Search elements/ });
    await search.fill('Finish');
    await search.press('Enter');
    await s.page.getByRole('button', { name: 'How do we get here?' }).click();
    await expect
      .poll(() => result().textContent())
      .toContain('More than 10,000 paths — every element on them is highlighted');
    expect(await result().textContent()).toContain('No conditions on the way');
    await screenshot(s.page, 'paths-capped');
    await search.fill('Island');
    await search.press('Enter');
    await s.page.getByRole('button', { name: 'How do we get here?' }).click();
    await expect.poll(() => result().textContent()).toContain('No path from Start');
    await expect.poll(async () => (await counts()).lit).toBe(1);
  });

  it('a comparison: the way on the union graph, overlay and side by side', async () => {
    await s.page.goto(s.baseUrl);
    await s.page.waitForSelector('[data-node-id]');
    await s.page.getByRole('button', { name: 'Compare…' }).click();
    await s.page.getByRole('button', { name: /Try the sample pair/ }).click();
    await expect.poll(() => s.page.getByRole('dialog').textContent()).toContain('8 elements');
    await s.page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => card('Notify_Owner').getAttribute('data-status')).toBe('added');
    await card('Notify_Owner').click();
    await s.page.getByRole('button', { name: 'How do we get here?' }).click();
    await expect.poll(() => result().textContent()).toContain('3 paths from Start');
    expect(await conditions()).toContain('Get Line Items → Fault: when it fails');
    expect(await card('Each_Line_Item').getAttribute('class')).toContain('is-dimmed');
    expect(await card('Check_Amount').getAttribute('class')).toContain('is-related');
    await screenshot(s.page, 'paths-diff-overlay');
    await s.page.getByRole('radio', { name: 'Side by side' }).click();
    // Both sides draw the one highlight: the way lit on each, the loop dimmed on each.
    await expect.poll(async () => s.page.locator('.fs-node.is-dimmed[data-node-id="Each_Line_Item"]').count()).toBe(2);
    await screenshot(s.page, 'paths-diff-side');
  });
});
