/**
 * The change-set rows of `npm run bench:browser` (issue 14), in the built site in headless Chromium:
 * a mock GitHub (test/helpers/mockGitHost.ts, the page's api.github.com and raw.githubusercontent.com requests
 * routed to it by test/e2e/gitRoute.ts) holds a pull request changing 50 generated flows (46 edited by
 * test/support/mutate.ts, 2 added, 2 removed; 20 more unchanged), opened by its `#/changes?src=<PR URL>` link.
 * Timed from the mock's last answer (the last file, or the tree for the unchanged count if later) to the list
 * painted (all 50 rows in the DOM, two frames on), and to the list ready (every row a link, every diff done);
 * the longest main-thread task in that time. The last answer goes through Playwright's route (one more hop than
 * a real page has), so the figures are if anything high.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { parseFlow } from '../src/model/parse/index';
import { docToMetadata } from '../src/share/metadata';
import { type MockGitHost, startMockGitHost } from '../test/helpers/mockGitHost';
import { routeGitHubToMock } from '../test/e2e/gitRoute';
import { FLOWS_DIR, generatedSet } from '../test/support/generateSet';
import { mutateFlow } from '../test/support/mutate';

const EDITED = 46;
const ADDED = 2;
const REMOVED = 2;
const UNCHANGED = 20;
const ROWS = EDITED + ADDED + REMOVED;
const EDITS_PER_FLOW = 6;
const PR = 'https://github.com/acme/bench/pull/50';

const sorted = (xs: number[]) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[sorted(xs).length >> 1] ?? NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** The pull request's two branches: flows as `{FullName, Metadata}` JSON files in the flows folder. */
export function changeBranches(): { main: Record<string, string>; feature: Record<string, string> } {
  const flows = generatedSet(EDITED + REMOVED + UNCHANGED + ADDED, 14);
  const json = (f: (typeof flows)[number], edits: number, seed: number) => {
    const parsed = parseFlow(f.text, { fileName: `${f.name}.flow-meta.xml` });
    if (!parsed.ok) throw new Error(`${f.name}: ${parsed.error.message}`);
    const doc = edits > 0 ? mutateFlow(parsed.doc, edits, seed).doc : parsed.doc;
    return `${JSON.stringify({ FullName: f.name, Metadata: docToMetadata(doc) }, null, 2)}\n`;
  };
  const main: Record<string, string> = { 'README.md': '# bench\n', 'sfdx-project.json': '{}\n' };
  const feature: Record<string, string> = { 'README.md': '# bench, changed\n', 'sfdx-project.json': '{}\n' };
  flows.forEach((f, i) => {
    const path = `${FLOWS_DIR}/${f.name}.json`;
    if (i < EDITED) {
      main[path] = json(f, 0, 0);
      feature[path] = json(f, EDITS_PER_FLOW, 1000 + i);
    } else if (i < EDITED + REMOVED) main[path] = json(f, 0, 0);
    else if (i < EDITED + REMOVED + UNCHANGED) {
      main[path] = json(f, 0, 0);
      feature[path] = main[path];
    } else feature[path] = json(f, 0, 0);
  });
  return { main, feature };
}

/**
 * Installed before the app: long tasks kept with their epoch start, and `__bench.armList(n)` resolving once n rows
 * are in the change list (two frames on: painted) and once every row is a link (ready), in epoch ms.
 */
const PAGE_SCRIPT = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const b = (window.__bench = { long: [] });
  if ((PerformanceObserver.supportedEntryTypes || []).includes('longtask'))
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push({ at: performance.timeOrigin + e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(now()))));
  b.list = new Promise((done) => {
    const marks = {};
    const check = () => {
      const rows = document.querySelectorAll('.cs-table tbody tr.cs-row').length;
      const links = document.querySelectorAll('.cs-table tbody tr.cs-row .set-link').length;
      if (marks.firstRow === undefined && rows > 0) marks.firstRow = now();
      if (marks.rows === undefined && rows >= b.want) {
        marks.rowsDom = now();
        marks.rows = -1;
        frames().then((t) => { marks.rows = t; });
      }
      if (marks.ready === undefined && links >= b.want) {
        marks.ready = -1;
        frames().then((t) => {
          marks.ready = t;
          mo.disconnect();
          const wait = () => (marks.rows > 0 ? done({ ...marks, title: document.querySelector('.cs-screen h1')?.textContent || '' }) : setTimeout(wait, 5));
          wait();
        });
      }
    };
    const mo = new MutationObserver(check);
    const start = () => mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
  });
})()`;

interface Marks {
  firstRow: number;
  rowsDom: number;
  rows: number;
  ready: number;
  title: string;
}

async function oneRun(context: BrowserContext, base: string, mock: MockGitHost, shoot?: string) {
  const page: Page = await context.newPage();
  await page.addInitScript(`${PAGE_SCRIPT}; window.__bench.want = ${ROWS};`);
  const t0 = Date.now();
  await page.goto(`${base}#/changes?v=1&src=${encodeURIComponent(PR)}`);
  const marks = (await page.evaluate('window.__bench.list')) as Marks;
  const wall = Date.now() - t0;
  // Every answer the page waited for came before its last row; the tree for the unchanged count may be last.
  const last = Math.max(mock.lastFileAt, mock.lastAnswerAt > marks.ready ? 0 : mock.lastAnswerAt);
  const long = ((await page.evaluate('window.__bench.long')) as { at: number; ms: number }[]).filter(
    (x) => x.at + x.ms >= last && x.at <= marks.ready,
  );
  if (shoot) await page.screenshot({ path: shoot });
  await page.close();
  return {
    rowsMs: marks.rows - last,
    readyMs: marks.ready - last,
    firstRowMs: marks.firstRow - last,
    wallMs: wall,
    longestTaskMs: Math.max(0, ...long.map((x) => x.ms)),
    tasksOver50: long.filter((x) => x.ms > 50).length,
    title: marks.title,
  };
}

export async function changeRows(
  context: BrowserContext,
  base: string,
  runs: number,
  shoot?: string,
): Promise<Record<string, unknown>[]> {
  const { main, feature } = changeBranches();
  const mock = await startMockGitHost({
    repos: [
      {
        host: 'github',
        project: 'acme/bench',
        branches: { main: { files: main }, 'feature/fifty': { files: feature } },
        pulls: { 50: { base: 'main', head: 'feature/fifty', title: 'Fifty flows' } },
      },
    ],
  });
  const unroute = await routeGitHubToMock(context, mock.url);
  const results: Awaited<ReturnType<typeof oneRun>>[] = [];
  try {
    // One run to warm the browser's cache of the site's scripts and workers, not counted.
    await oneRun(context, base, mock);
    for (let i = 0; i < runs; i++) results.push(await oneRun(context, base, mock, i === 0 ? shoot : undefined));
  } finally {
    await unroute();
    await mock.close();
  }
  const of = (k: 'rowsMs' | 'readyMs' | 'firstRowMs' | 'wallMs' | 'longestTaskMs') => results.map((r) => r[k]);
  return [
    {
      case: `changes: a ${ROWS}-flow pull request from its #/changes link → list painted after the last API answer`,
      elements: ROWS,
      medianMs: r1(median(of('rowsMs'))),
      goalMs: 1000,
      runs: results.length,
      allMs: of('rowsMs').map(r1),
      readyMedianMs: r1(median(of('readyMs'))),
      firstRowMedianMs: r1(median(of('firstRowMs'))),
      linkToListMedianMs: r1(median(of('wallMs'))),
      unchanged: UNCHANGED,
      title: results[0]?.title,
    },
    {
      case: 'changes: main thread from the last API answer to the list ready',
      elements: ROWS,
      goalMs: 50,
      longestTaskMs: r1(Math.max(...of('longestTaskMs'))),
      longestTaskMedianMs: r1(median(of('longestTaskMs'))),
      tasksOver50: results.map((r) => r.tasksOver50),
    },
  ];
}
