#!/usr/bin/env node
// The CLI from this checkout's sources, through tsx (a devDependency): no build step, for bench/set.ts and
// test/cli/bin.test.ts, which run the code as it is now. Not the package's `flowscope` command: that is the
// built dist/cli/flowscope.mjs (package.json "bin", `npm run build:cli`), which needs no devDependency.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const r = spawnSync(process.execPath, [tsx, join(root, 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
