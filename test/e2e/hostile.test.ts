import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compress } from '../../src/share/codec';
import { formatHash } from '../../src/share/hash';
import { buildLink } from '../../src/share/index';
import { openBrowser, screenshot, type Session } from './browser';

/**
 * Issue 11, in the browser: every hostile input ends in a picture or a clear message — the banner, with the
 * flow that was open still drawn — never a blank canvas or an uncaught page error.
 */
const SAMPLE_NODES = 8;

/** A Tooling `Flow` record's Metadata: a start pointing at the first element, then `elements` (assignments). */
const metadata = (elements: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  label: 'Hostile',
  processType: 'AutoLaunchedFlow',
  status: 'Draft',
  start: { locationX: 0, locationY: 0, connector: { targetReference: elements[0]?.name } },
  assignments: elements,
  ...extra,
});
const assignment = (name: string, next?: string) => ({
  name,
  label: `${name} label`,
  locationX: 0,
  locationY: 0,
  assignmentItems: [{ assignToReference: 'v', operator: 'Assign', value: { stringValue: 'x' } }],
  ...(next ? { connector: { targetReference: next } } : {}),
});

/**
 * (a) Tooling JSON with a value nested `depth` levels deep inside an element, as text (JSON.parse would overflow
 * here). 20,000 levels overflow the parser; 3,000 are read by Chromium's parser and then (before the parser
 * refuses deep input) overflowed the graph step: the "parses but fails later" case — an uncaught error, and a
 * paste showed nothing, a link a blank canvas.
 */
const deepMetadata = (depth: number) =>
  JSON.stringify(metadata([{ ...assignment('Deep'), description: 'DEEP' }])).replace(
    '"DEEP"',
    `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`,
  );
const deepText = (depth: number) => `{"Metadata":${deepMetadata(depth)}}`;
/** (b) elements named after Object.prototype's keys. */
const protoText = JSON.stringify({
  Metadata: metadata([
    assignment('__proto__', 'constructor'),
    assignment('constructor', 'toString'),
    assignment('toString'),
  ]),
});
/** (c) an element with a lone surrogate in its name and label. */
const surrogateText = JSON.stringify({
  Metadata: metadata([{ ...assignment('Lone\ud800Name'), label: 'Lone \udc00 label' }]),
});
/** (d) a decision with 1,000 outcomes (parallel connectors), all to one element. */
const fanOutText = JSON.stringify({
  Metadata: {
    ...metadata([assignment('Target')]),
    start: { locationX: 0, locationY: 0, connector: { targetReference: 'Fan' } },
    decisions: [
      {
        name: 'Fan',
        label: 'Fan',
        locationX: 0,
        locationY: 0,
        defaultConnector: { targetReference: 'Target' },
        rules: Array.from({ length: 1000 }, (_, i) => ({
          name: `Rule_${i}`,
          label: `Rule ${i}`,
          conditionLogic: 'and',
          conditions: [{ leftValueReference: 'v', operator: 'EqualTo', rightValue: { stringValue: String(i) } }],
          connector: { targetReference: 'Target' },
        })),
      },
    ],
  },
});

let s: Session;
const pageErrors: string[] = [];
beforeAll(async () => {
  s = await openBrowser();
  s.page.on('pageerror', (e) => pageErrors.push(e.message));
});
afterAll(async () => {
  await s.close();
});

const nodeCount = () => s.page.locator('.react-flow__node:not(.react-flow__node-end)').count();
const alertText = () =>
  s.page
    .locator('[role=alert]')
    .allTextContents()
    .then((t) => t.join(' | '));
/** Opens the page on the bundled sample, drawn, with no banner and no page error yet. */
async function openSample() {
  await s.page.goto(s.baseUrl);
  await expect.poll(nodeCount, { timeout: 20_000 }).toBe(SAMPLE_NODES);
  pageErrors.length = 0;
}
async function pasteWithCtrlV(text: string) {
  await s.page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}
async function pasteInTheBox(text: string) {
  await s.page.getByRole('button', { name: 'Paste…' }).click();
  await s.page.getByLabel('Flow XML or JSON').fill(text);
  await s.page.getByRole('button', { name: 'Open pasted flow' }).click();
}
/** Opens a link's hash on the page already open (the hashchange path), as a pasted link would. */
async function openHash(hash: string) {
  await s.page.evaluate((h) => {
    location.hash = h;
  }, hash);
}
async function linkHash(text: string, name: string): Promise<string> {
  const built = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text, name } }, s.baseUrl);
  if (!built.ok) throw new Error(`${built.message} ${built.hint}`);
  return built.url.slice(built.url.indexOf('#'));
}
/** The deep case's link, made by hand: buildLink parses first and (rightly) refuses it. */
async function deepHash(depth: number): Promise<string> {
  const z = await compress(`{"a":{"n":"Deep","m":${deepMetadata(depth)}}}`);
  return formatHash({ route: 'view', z });
}
/** The new flow's picture (its nodes drawn) or a clear banner, never a blank canvas; and no uncaught page error. */
async function expectPictureOrBanner(name: string, nodes: string[]) {
  const drawn = async () => {
    for (const n of nodes) if ((await s.page.locator(`.react-flow__node ${n}`).count()) === 0) return false;
    return true;
  };
  await expect
    .poll(async () => (await drawn()) || /Could not .+\S/.test(await alertText()), { timeout: 30_000 })
    .toBe(true);
  await screenshot(s.page, `hostile-${name}`);
  expect(pageErrors).toEqual([]);
}
/** The banner says what failed, the sample is still drawn, and nothing threw. */
async function expectBannerAndSampleKept(name: string) {
  await expect.poll(alertText, { timeout: 30_000 }).toMatch(/Could not .+\S/);
  expect(await s.page.locator('.error-banner').count()).toBeGreaterThan(0);
  await expect.poll(nodeCount).toBe(SAMPLE_NODES);
  expect(await s.page.locator('[data-node-id="Check_Amount"]').count()).toBeGreaterThan(0);
  await screenshot(s.page, `hostile-${name}`);
  expect(pageErrors).toEqual([]);
}

for (const depth of [20_000, 3_000]) {
  describe(`(a) Tooling JSON nested ${depth.toLocaleString('en-US')} levels deep`, () => {
    it('pasted with Ctrl+V: the banner says why, the open flow stays drawn', async () => {
      await openSample();
      await pasteWithCtrlV(deepText(depth));
      await expectBannerAndSampleKept(`deep-${depth}-ctrl-v`);
    });

    it('pasted into the Paste… box: the same', async () => {
      await openSample();
      await pasteInTheBox(deepText(depth));
      await expectBannerAndSampleKept(`deep-${depth}-paste-box`);
    });

    it('opened as a link: the same', async () => {
      await openSample();
      await openHash(await deepHash(depth));
      await expectBannerAndSampleKept(`deep-${depth}-link`);
    });

    it('opened as the first page (a link, nothing open before): a banner, not a blank page', async () => {
      // A fresh page load (from the previous page's URL, only the hash would change).
      await s.page.goto('about:blank');
      pageErrors.length = 0;
      await s.page.goto(`${s.baseUrl}${await deepHash(depth)}`);
      await expect.poll(alertText, { timeout: 30_000 }).toMatch(/Could not .+\S/);
      // Nothing was open: the canvas invites a flow rather than staying blank.
      expect(await s.page.locator('.layout-status').textContent()).toMatch(/Drop a flow file anywhere/);
      await screenshot(s.page, `hostile-deep-${depth}-first-page`);
      expect(pageErrors).toEqual([]);
    });
  });
}

describe('(b)–(d) hostile names and shapes: a picture or a clear banner', () => {
  const id = (x: string) => `[data-node-id="${x}"]`;
  const cases: [string, string, string[]][] = [
    ['proto-keys', protoText, [id('__proto__'), id('constructor'), id('toString')]],
    // However the name comes out (kept, or its lone half replaced), the element is drawn.
    ['lone-surrogate', surrogateText, ['[data-node-id^="Lone"]']],
    ['fan-out', fanOutText, [id('Fan'), id('Target')]],
  ];
  for (const [name, text, nodes] of cases) {
    it(`${name}, pasted`, async () => {
      await openSample();
      await pasteWithCtrlV(text);
      await expectPictureOrBanner(`${name}-paste`, nodes);
    });

    it(`${name}, as a link`, async () => {
      await openSample();
      await openHash(await linkHash(text, 'Hostile'));
      await expectPictureOrBanner(`${name}-link`, nodes);
    });
  }
});
