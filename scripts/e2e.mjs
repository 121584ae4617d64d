// `npm run test:e2e`: make sure Chromium is there, build the site, then run the end-to-end suite
// (test/e2e, Vitest + playwright-core) against the built site served on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

process.env.CHROMIUM_PATH = ensureChromium();
const node = process.execPath;
const run = (args) => {
  const r = spawnSync(node, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
run(['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
