/**
 * `npm run bench:browser`: what a user feels in headless Chromium (Debian's, software rendering):
 * - first paint: a generated flow handed to the file picker → every node on screen drawn (median of runs);
 * - pan/zoom frame times over a generated 3,000-element flow (p50/p95 of requestAnimationFrame intervals);
 * - the first screen's JavaScript, gzip;
 * - flow sets (scripts/bench-set-browser.ts): a 2,000-flow folder opened, searched per keystroke, scrolled;
 * - change sets (scripts/bench-changes-browser.ts): a 50-flow pull request opened from its link, on a mock GitHub.
 * Builds the site first. Prints a table and writes bench/browser-results.json. BENCH_ONLY=flow|set|changes|js runs one
 * part (its rows replace that part's rows in the file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { mutateFlow } from '../test/support/mutate';
import { generateFlow } from '../test/support/generate';
import { parseFlow } from '../src/model/parse/index';
import { docToMetadata } from '../src/share/metadata';
import { setRows } from './bench-set-browser';
import { changeRows } from './bench-changes-browser';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;
const ONLY = process.env.BENCH_ONLY;
const PARTS = ['flow', 'set', 'changes', 'js'] as const;
const want = (part: (typeof PARTS)[number]) => !ONLY || ONLY === part;
const partOf = (row: { case?: unknown }) => {
  const c = String(row.case);
  if (c.startsWith('set:')) return 'set';
  if (c.startsWith('changes:')) return 'changes';
  return c.startsWith('first screen JS') ? 'js' : 'flow';
};

const DIST = process.env.FLOWSCOPE_DIST ?? 'dist';
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'],
  { cwd: ROOT, stdio: 'inherit' },
);
const server = await preview({
  root: ROOT,
  build: { outDir: DIST },
  preview: { host: '127.0.0.1', port: 0 },
  logLevel: 'warn',
});
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}/`;

const profile = mkdtempSync(join(tmpdir(), 'flowscope-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

async function freshPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(base);
  await page.locator('.react-flow__node').first().waitFor();
  return page;
}

/** Hands a flow to the file picker; resolves with ms until the canvas shows that flow's nodes, painted. */
async function openAndTime(page: Page, name: string, xml: string, expectNode: string): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __t0: number }).__t0 = performance.now();
  });
  await page.setInputFiles('input[type=file]', { name, mimeType: 'text/xml', buffer: Buffer.from(xml) });
  await page
    .locator(`.react-flow__node [data-node-id="${expectNode}"]`)
    .first()
    .waitFor({ state: 'attached', timeout: 120_000 });
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        // Two frames after the nodes are in the DOM: they have been painted.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => done(performance.now() - (window as unknown as { __t0: number }).__t0)),
        );
      }),
  );
}

const rows: Record<string, unknown>[] = [];
for (const size of want('flow') ? [200, 1000, 3000] : []) {
  const gen = generateFlow(size, 1);
  const first = '$start';
  const times: number[] = [];
  for (let i = 0; i < (size >= 3000 ? Math.min(RUNS, 3) : RUNS); i++) {
    const page = await freshPage();
    times.push(await openAndTime(page, `${gen.name}.flow-meta.xml`, gen.xml, first));
    await page.close();
  }
  rows.push({
    case: `first paint: generated ${size}`,
    elements: size,
    medianMs: r1(median(times)),
    runs: times.length,
    allMs: times.map(r1),
  });
}

if (want('flow')) {
  // Compare two versions of a generated 1,000-element flow (40 random edits): Compare clicked → the
  // union graph drawn with its statuses.
  const parsed = parseFlow(generateFlow(1000, 1).xml, { fileName: 'Generated.flow-meta.xml' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const edited = mutateFlow(parsed.doc, 40, 7);
  const json = (doc: typeof parsed.doc) =>
    Buffer.from(JSON.stringify({ FullName: doc.name, Metadata: docToMetadata(doc) }));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await freshPage();
    await page.getByRole('button', { name: 'Compare…' }).click();
    await page.setInputFiles('input[aria-label="Before (older): flow file"]', {
      name: 'before.json',
      mimeType: 'application/json',
      buffer: json(parsed.doc),
    });
    await page.setInputFiles('input[aria-label="After (newer): flow file"]', {
      name: 'after.json',
      mimeType: 'application/json',
      buffer: json(edited.doc),
    });
    await page.locator('.compare-slot .slot-name').nth(1).waitFor();
    await page.evaluate(() => {
      (window as unknown as { __t0: number }).__t0 = performance.now();
    });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('.react-flow__node [data-status]').first().waitFor({ timeout: 120_000 });
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((done) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => done(performance.now() - (window as unknown as { __t0: number }).__t0)),
            ),
          ),
      ),
    );
    await page.close();
  }
  rows.push({
    case: `compare: generated 1000, ${edited.applied.length} edits (diff + layout + paint)`,
    elements: 1000,
    medianMs: r1(median(times)),
    runs: times.length,
    allMs: times.map(r1),
  });
}

/** Frame intervals while zooming with the wheel and panning by drag, at the given zoom. */
async function frames(page: Page, jumpTo: string | undefined): Promise<number[]> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.keyboard.press('f'); // the whole flow …
  await page.waitForTimeout(600);
  if (jumpTo) {
    // … or jump to an element by search, which zooms to a readable level around it.
    await page.keyboard.press('/');
    await page.keyboard.type(jumpTo);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(400);
  // A string, not a function: tsx's name-keeping helper does not exist inside the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__run = true;
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__run) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, i % 2 ? 120 : -120);
    await page.waitForTimeout(60);
  }
  await page.mouse.down();
  for (let i = 0; i < 40; i++) {
    await page.mouse.move(cx + Math.sin(i / 6) * 200, cy + Math.cos(i / 6) * 150);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __run: boolean };
    w.__run = false;
    return w.__frames.slice(1);
  });
}

if (want('flow')) {
  const gen = generateFlow(3000, 1);
  const page = await freshPage();
  await openAndTime(page, `${gen.name}.flow-meta.xml`, gen.xml, '$start');
  await page.waitForTimeout(500);
  const middle = gen.elements[Math.floor(gen.elements.length / 2)]?.name;
  for (const [label, jump] of [
    ['fitted (whole flow)', undefined],
    ['zoomed in (readable)', middle],
  ] as const) {
    const f = await frames(page, jump);
    const zoom = await page.evaluate(
      () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '',
    );
    rows.push({
      case: `pan/zoom 3000: ${label}`,
      elements: 3000,
      frames: f.length,
      p50Ms: r1(pct(f, 0.5)),
      p95Ms: r1(pct(f, 0.95)),
      maxMs: r1(Math.max(...f)),
      viewport: /scale\(([\d.]+)\)/.exec(zoom)?.[1],
    });
  }
  await page.close();
}

if (want('set')) rows.push(...(await setRows(context, base, RUNS)));
if (want('changes'))
  rows.push(...(await changeRows(context, base, Math.max(RUNS, 7), join(ROOT, '.tmp/bench-changes-list.png'))));

if (want('js')) {
  const page = await context.newPage();
  const files = new Set<string>();
  const workers = new Set<string>();
  page.on('request', (r) => r.resourceType() === 'script' && files.add(new URL(r.url()).pathname));
  page.on('worker', (w) => workers.add(new URL(w.url()).pathname));
  await page.goto(base);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('tab', { name: 'Flow' }).waitFor();
  const size = (p: string) =>
    gzipSync(readFileSync(join(ROOT, DIST, p.replace(/^.*\/assets\//, 'assets/'))), { level: 9 }).length;
  const pageFiles = [...files].filter((f) => !workers.has(f));
  rows.push({
    case: 'first screen JS (gzip)',
    kb: r1(pageFiles.reduce((n, f) => n + size(f), 0) / 1024),
    files: pageFiles.length,
    workerKb: r1([...workers].reduce((n, f) => n + size(f), 0) / 1024),
  });
  await page.close();
}

await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });
for (const r of rows)
  console.log(
    Object.entries(r)
      .map(
        ([k, v]) =>
          `${k}=${Array.isArray(v) && typeof v[0] !== 'object' ? v.join('/') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
      )
      .join('  '),
  );
const RESULTS = join(ROOT, 'bench/browser-results.json');
const kept: Record<string, unknown>[] =
  ONLY && existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { rows: { case?: unknown }[] }).rows.filter(
        (r) => partOf(r) !== ONLY,
      )
    : [];
const order = (r: { case?: unknown }) => (PARTS as readonly string[]).indexOf(partOf(r));
const all = [...kept, ...rows].sort((a, b) => order(a) - order(b));
writeFileSync(
  RESULTS,
  `${JSON.stringify({ machine: 'headless Debian Chromium, --disable-gpu, 2 cores', rows: all }, null, 2)}\n`,
);
