import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export const DIST = join(__dirname, '../..', process.env.FLOWSCOPE_DIST ?? 'dist');

export interface ScriptLoad {
  file: string;
  bytes: number;
  gzip: number;
  worker: boolean;
}

/** Records every script the page and its workers fetch, with its gzip size, from now on. */
export function recordScripts(page: Page): ScriptLoad[] {
  const loads: ScriptLoad[] = [];
  const add = (url: string, worker: boolean) => {
    const path = new URL(url).pathname;
    if (!path.endsWith('.js')) return;
    const file = path.slice(path.lastIndexOf('/assets/') + 1);
    const body = readFileSync(join(DIST, file));
    loads.push({ file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, worker });
  };
  page.on('request', (r) => {
    if (r.resourceType() === 'script') add(r.url(), false);
  });
  // A worker's own script is also requested as a 'script': count it as the worker's, not the page's.
  page.on('worker', (w) => {
    const file = new URL(w.url()).pathname.replace(/^.*\/(assets\/)/, '$1');
    for (const l of loads) if (l.file === file) l.worker = true;
  });
  return loads;
}

export const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
