/**
 * The flow-set rows of `npm run bench:browser` (issue 13), in the built site in headless Chromium:
 * - open a 2,000-flow project folder (corpus flows + generated ones + files that are not flows) through
 *   Open set… → Folder: the input's change → the title "… — 2,000 flows" and the first rows painted;
 * - the page's long tasks (and long animation frames) during that open, during search and during scroll;
 * - search per keystroke: "Opportunity.StageName" and "Send_Email" typed a character at a time into
 *   "Search all flows", each key → the status "N results in M flows" (and the hits) updated for that query;
 * - scrolling the 2,000-row list with the wheel: requestAnimationFrame intervals.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { readFlowText } from '../src/sets/read';
import { corpusSet, generatedSet } from '../test/support/generateSet';

const SET_FLOWS = 2000;
const WORDS = ['Opportunity.StageName', 'Send_Email'];

const sorted = (xs: number[]) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[sorted(xs).length >> 1] ?? NaN;
const pct = (xs: number[], p: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
/** Appends to a named series. */
const add = (into: Record<string, number[]>, key: string, ...values: number[]) => {
  into[key] = [...(into[key] ?? []), ...values];
};
/** Where the first run's screenshots go (.tmp is not committed). */
const shot = (name: string) => join(import.meta.dirname, '../.tmp', `bench-set-${name}.png`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/**
 * What the page keeps for the bench, installed before the app's scripts: every long task and long animation
 * frame (with when it began), and helpers that time the set's open, one keystroke and frames. A string, not a
 * function: tsx's name-keeping helper does not exist inside the page.
 */
const PAGE_SCRIPT = `(() => {
  const b = (window.__bench = { long: [], loaf: [], supported: PerformanceObserver.supportedEntryTypes || [] });
  const watch = (type, into) => {
    if (!b.supported.includes(type)) return;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        into.push({ start: e.startTime, ms: e.duration, blocking: e.blockingDuration,
          scripts: (e.scripts || []).slice(0, 3).map((s) => ({ ms: Math.round(s.duration),
            what: String(s.invoker || s.name || '').slice(0, 80), src: String(s.sourceURL || '').split('/').pop(),
            fn: s.sourceFunctionName || '', style: Math.round(s.forcedStyleAndLayoutDuration || 0) })),
          render: e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : undefined,
          style: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : undefined });
    }).observe({ type, buffered: true });
  };
  watch('longtask', b.long);
  watch('long-animation-frame', b.loaf);
  b.frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))));
  /** Resolves once the set's title says flowsText and its list has rows: times from the input's change. */
  b.armOpen = (flowsText) => {
    b.open = new Promise((done) => {
      const marks = {};
      let t0;
      document.addEventListener('change', () => { if (t0 === undefined) t0 = performance.now(); }, true);
      let lastPhase = '';
      const check = () => {
        if (t0 === undefined) return;
        const now = performance.now() - t0;
        const title = document.querySelector('.set-screen h1')?.textContent || '';
        if (marks.dialogClosed === undefined && !document.querySelector('[role=dialog]')) marks.dialogClosed = now;
        if (marks.loading === undefined && title.startsWith('Opening')) marks.loading = now;
        const phase = (document.querySelector('.set-phase-words')?.textContent || '').split(' ')[0];
        if (phase && phase !== lastPhase && phase !== 'Opening') { marks['phase ' + phase] = now; lastPhase = phase; }
        if (title.includes(flowsText) && document.querySelector('.set-list tbody tr:not(.set-spacer)')) {
          mo.disconnect();
          marks.dom = now;
          b.frames().then((t) => done({ t0, ms: t - t0, marks, title }));
        }
      };
      const mo = new MutationObserver(check);
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  };
  /** Resolves once the search's status and hits are for query q, timed from the next key pressed in the box. */
  b.armKey = (q) => {
    const input = document.querySelector('input[aria-label="Search all flows"]');
    const root = input.closest('.set-search');
    const status = root.querySelector('[role=status]');
    let t0;
    input.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
    const ok = () => {
      const s = status.textContent || '';
      if (!/^[\\d,]+ results? in /.test(s)) return false;
      const m = root.querySelector('mark');
      return m ? m.textContent.toLowerCase() === q.trim().toLowerCase() : /^0 results/.test(s);
    };
    b.key = new Promise((done) => {
      const timer = setTimeout(() => { mo.disconnect(); done({ t0, dom: NaN, paint: NaN }); }, 20000);
      const mo = new MutationObserver(() => {
        if (t0 === undefined || !ok()) return;
        mo.disconnect();
        clearTimeout(timer);
        const dom = performance.now() - t0;
        b.frames().then((t) => done({ t0, dom, paint: t - t0, status: status.textContent }));
      });
      mo.observe(root, { subtree: true, childList: true, characterData: true });
    });
  };
  /** Resolves once selector matches after the next click: times from the click. */
  b.armShown = (selector) => {
    b.shown = new Promise((done) => {
      let t0;
      document.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
      const mo = new MutationObserver(() => {
        if (t0 === undefined || !document.querySelector(selector)) return;
        mo.disconnect();
        b.frames().then((t) => done({ t0, ms: t - t0 }));
      });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  };
  b.recordFrames = () => {
    b.frameList = [];
    b.run = true;
    let last = performance.now();
    const tick = (t) => { b.frameList.push(t - last); last = t; if (b.run) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  };
})()`;

interface Long {
  start: number;
  ms: number;
  blocking?: number;
  scripts?: { ms: number; what: string; src: string; fn: string; style: number }[];
  render?: number;
  style?: number;
}

/** The long tasks and long animation frames that began between `from` and `to` (page time), from `origin`. */
/** The longest of each kind of long frame (named by the script that began it) and how many there were. */
function byKind(xs: Long[]) {
  const kinds = new Map<
    string,
    { kind: string; longestMs: number; times: number; scriptMs?: number; renderMs?: number }
  >();
  for (const x of xs) {
    const first = x.scripts?.[0];
    const kind = first ? `${first.what} (${first.src})` : 'no script: rendering, or the thread not scheduled';
    const had = kinds.get(kind);
    const times = (had?.times ?? 0) + 1;
    if (had && had.longestMs >= x.ms) had.times = times;
    else kinds.set(kind, { kind, longestMs: r1(x.ms), times, scriptMs: first?.ms, renderMs: x.render });
  }
  return [...kinds.values()].sort((a, b) => b.longestMs - a.longestMs).slice(0, 4);
}

async function longSince(page: Page, from: number, to: number, origin: number) {
  const { long, loaf, supported } = (await page.evaluate(
    '({ long: window.__bench.long, loaf: window.__bench.loaf, supported: window.__bench.supported })',
  )) as {
    long: Long[];
    loaf: Long[];
    supported: string[];
  };
  const inside = (xs: Long[]) => xs.filter((x) => x.start >= from && x.start <= to);
  const l = inside(long);
  const f = inside(loaf);
  return {
    longestTaskMs: r1(Math.max(0, ...l.map((x) => x.ms))),
    tasksOver50: l.filter((x) => x.ms > 50).length,
    ...(supported.includes('long-animation-frame')
      ? {
          longestFrameMs: r1(Math.max(0, ...f.map((x) => x.ms))),
          framesOver50: f.filter((x) => x.ms > 50).length,
        }
      : {}),
    // Long animation frames say what ran (scripts, rendering); long tasks only how long.
    worst: [...(f.length > 0 ? f : l)].filter((x) => x.ms > 50).map((x) => ({ ...x, start: r1(x.start - origin) })),
  };
}

/** A project folder: every corpus flow that reads as a flow, generated ones up to SET_FLOWS, other files. */
export function writeProject(): { dir: string; flows: number; others: number } {
  const root = mkdtempSync(join(tmpdir(), 'flowscope-bench-set-'));
  const dir = join(root, 'big-project');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const corpus = corpusSet().files.filter((f) => 'entry' in readFlowText(f.path, f.text));
  for (const f of corpus) write(f.path, f.text);
  for (const f of generatedSet(SET_FLOWS - corpus.length, 5)) write(f.path, f.text);
  let others = 0;
  const other = (path: string, text: string) => {
    write(path, text);
    others++;
  };
  other('README.md', '# A big project\n');
  other('sfdx-project.json', '{"packageDirectories":[{"path":"force-app"}]}\n');
  for (let i = 0; i < 40; i++) {
    other(`force-app/main/default/classes/Helper${i}.cls`, `public class Helper${i} {}\n`);
    other(`force-app/main/default/classes/Helper${i}.cls-meta.xml`, '<ApexClass/>\n');
  }
  return { dir, flows: SET_FLOWS, others };
}

async function openSetPage(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(PAGE_SCRIPT);
  await page.goto(base);
  await page.locator('.react-flow__node').first().waitFor();
  return page;
}

/** Open set… → Folder → the folder chosen; resolves with the page's timings. */
async function openFolder(page: Page, dir: string) {
  await page.getByRole('button', { name: 'Open set…' }).click();
  await page.getByRole('dialog').getByRole('tab', { name: 'Folder' }).click();
  await page.evaluate(`window.__bench.armOpen(${JSON.stringify(`— ${SET_FLOWS.toLocaleString('en-US')} flows`)})`);
  await page.getByLabel('Project folder').setInputFiles(dir);
  return (await page.evaluate('window.__bench.open')) as {
    t0: number;
    ms: number;
    marks: Record<string, number>;
    title: string;
  };
}

/** Types `word` a character at a time; each key timed until the results are for the query typed so far. */
async function typeTimed(page: Page, word: string) {
  const box = page.getByLabel('Search all flows');
  await box.fill('');
  await box.focus();
  const keys: { t0: number; dom: number; paint: number; status?: string }[] = [];
  for (let i = 1; i <= word.length; i++) {
    await page.evaluate(`window.__bench.armKey(${JSON.stringify(word.slice(0, i))})`);
    await page.keyboard.type(word.charAt(i - 1));
    keys.push(
      (await page.evaluate('window.__bench.key')) as { t0: number; dom: number; paint: number; status?: string },
    );
  }
  return keys;
}

/** Frame intervals while the list is scrolled with the wheel, down a long way then back up. */
async function scrollFrames(
  page: Page,
  shoot: boolean,
): Promise<{ frames: number[]; scrolledTo: number; blank: boolean }> {
  const list = page.locator('.set-table-scroll');
  const box = await list.boundingBox();
  if (!box) throw new Error('no list');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  if (shoot) await page.screenshot({ path: shot('list') });
  await page.evaluate('window.__bench.recordFrames()');
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, i < 40 ? 400 : -400);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(300);
  const scrolledTo = await list.evaluate((el) => el.scrollTop);
  // After the scroll, the rows on screen are drawn (not the blank spacer).
  const blank = await list.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 3, r.top + r.height / 2);
    return !hit?.closest('tr:not(.set-spacer)');
  });
  const frames = (await page.evaluate('(window.__bench.run = false, window.__bench.frameList.slice(1))')) as number[];
  return { frames, scrolledTo, blank };
}

export async function setRows(context: BrowserContext, base: string, runs: number): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  const project = writeProject();
  const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
  console.log(`set bench: ${project.flows} flows + ${project.others} other files; ${uptime()}`);
  const opens: number[] = [];
  const domMs: number[] = [];
  const marks: Record<string, number[]> = {};
  const openLong: Awaited<ReturnType<typeof longSince>>[] = [];
  const first: Record<string, number[]> = {};
  /** How long after the list was painted the first key was pressed (the search may still be being built). */
  const firstAfter: Record<string, number[]> = {};
  const rest: Record<string, number[]> = {};
  const restPaint: Record<string, number[]> = {};
  const searchLong: Awaited<ReturnType<typeof longSince>>[] = [];
  const scroll: { frames: number[]; scrolledTo: number; blank: boolean }[] = [];
  const scrollLong: Awaited<ReturnType<typeof longSince>>[] = [];
  const tabBack: number[] = [];
  const tabLong: Awaited<ReturnType<typeof longSince>>[] = [];
  let title = '';
  try {
    for (let run = 0; run < runs; run++) {
      const page = await openSetPage(context, base);
      const open = await openFolder(page, project.dir);
      title = open.title;
      opens.push(open.ms);
      domMs.push(open.marks.dom ?? NaN);
      for (const [k, v] of Object.entries(open.marks)) add(marks, k, v);
      // Straight on to the search, as a user would: the first key may wait for the search to be built.
      await page.getByRole('tab', { name: 'Search' }).click();
      for (const word of WORDS) {
        const keys = await typeTimed(page, word);
        add(first, word, keys[0]?.dom ?? NaN);
        add(firstAfter, word, (keys[0]?.t0 ?? NaN) - open.t0 - open.ms);
        add(rest, word, ...keys.slice(1).map((k) => k.dom));
        add(restPaint, word, ...keys.slice(1).map((k) => k.paint));
        if (run === 0) console.log(`  "${word}": ${keys.map((k) => r1(k.dom)).join(' ')} ms; ${keys.at(-1)?.status}`);
      }
      if (run === 0) await page.screenshot({ path: shot('search') });
      // The open: from the input's change to the list painted; the search: from then on.
      openLong.push(await longSince(page, open.t0 - 50, open.t0 + open.ms, open.t0));
      searchLong.push(await longSince(page, open.t0 + open.ms, Infinity, open.t0));
      // Back to the list from the search: its 2,000 rows worked out and sorted again.
      await page.evaluate(`window.__bench.armShown('.set-list tbody tr:not(.set-spacer)')`);
      await page.getByRole('tab', { name: /^Flows/ }).click();
      const back = (await page.evaluate('window.__bench.shown')) as { t0: number; ms: number };
      tabBack.push(back.ms);
      tabLong.push(await longSince(page, back.t0 - 50, back.t0 + back.ms, back.t0));
      const scrollFrom = (await page.evaluate('performance.now()')) as number;
      scroll.push(await scrollFrames(page, run === 0));
      scrollLong.push(await longSince(page, scrollFrom, Infinity, scrollFrom));
      if (run === 0) await page.screenshot({ path: shot('scrolled') });
      await page.close();
    }
  } finally {
    rmSync(dirname(project.dir), { recursive: true, force: true });
  }
  const worstOf = (xs: Awaited<ReturnType<typeof longSince>>[]) => ({
    longestTaskMs: Math.max(...xs.map((x) => x.longestTaskMs)),
    tasksOver50: xs.map((x) => x.tasksOver50),
    ...(xs[0] && 'longestFrameMs' in xs[0]
      ? {
          longestFrameMs: Math.max(...xs.map((x) => x.longestFrameMs ?? 0)),
          framesOver50: xs.map((x) => x.framesOver50 ?? 0),
        }
      : {}),
    // The longest of each kind (what ran first in it), and how many over 50 ms in all runs.
    worst: byKind(xs.flatMap((x) => x.worst)),
  });
  rows.push({
    case: `set: open folder of ${project.flows} flows + ${project.others} others → list painted`,
    elements: project.flows,
    medianMs: r1(median(opens)),
    goalMs: 2000,
    runs: opens.length,
    allMs: opens.map(r1),
    domMedianMs: r1(median(domMs)),
    marks: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, r1(median(v))])),
    title,
    load: load(),
  });
  rows.push({ case: 'set: main thread during the open', elements: project.flows, goalMs: 50, ...worstOf(openLong) });
  for (const word of WORDS) {
    rows.push({
      case: `set: search per keystroke "${word}" (key → results for it in the DOM)`,
      elements: project.flows,
      firstKeyMs: r1(median(first[word] ?? [])),
      firstKeyAllMs: (first[word] ?? []).map(r1),
      firstKeyPressedAfterListMs: r1(median(firstAfter[word] ?? [])),
      medianMs: r1(median(rest[word] ?? [])),
      maxMs: r1(Math.max(...(rest[word] ?? []))),
      paintMedianMs: r1(median(restPaint[word] ?? [])),
      paintMaxMs: r1(Math.max(...(restPaint[word] ?? []))),
      goalMs: 50,
      keys: (rest[word] ?? []).length,
    });
  }
  rows.push({ case: 'set: main thread while searching', elements: project.flows, goalMs: 50, ...worstOf(searchLong) });
  rows.push({
    case: 'set: Search tab → Flows tab (the list drawn again)',
    elements: project.flows,
    medianMs: r1(median(tabBack)),
    maxMs: r1(Math.max(...tabBack)),
    ...worstOf(tabLong),
  });
  const frames = scroll.flatMap((s) => s.frames);
  rows.push({
    case: `set: scroll the ${project.flows}-row list (wheel)`,
    elements: project.flows,
    frames: frames.length,
    p50Ms: r1(pct(frames, 0.5)),
    p95Ms: r1(pct(frames, 0.95)),
    maxMs: r1(Math.max(...frames)),
    scrolledToPx: scroll.map((s) => s.scrolledTo),
    blankAfter: scroll.some((s) => s.blank),
    ...worstOf(scrollLong),
  });
  console.log(`set bench done; ${uptime()}`);
  return rows;
}
