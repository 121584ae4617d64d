// `npm test`: lint and format check, typecheck, unit + property + component tests, then end-to-end tests in headless Chromium.
// Ends with one plain line, "Tests: N passed, N failed", over both suites; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const node = process.execPath;
const tmp = '.tmp';
mkdirSync(tmp, { recursive: true });
const step = (name, args) => {
  console.log(`\n▶ ${name}`);
  return spawnSync(node, args, { stdio: 'inherit', env: process.env }).status ?? 1;
};
const counts = (file) => {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 };
};
for (const f of ['unit.json', 'e2e.json']) rmSync(`${tmp}/${f}`, { force: true });

let failed =
  step('lint and format (Biome)', ['node_modules/@biomejs/biome/bin/biome', 'check', '--error-on-warnings', '.']) !== 0;
failed = step('typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0 || failed;
const json = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${tmp}/${name}.json`];
failed =
  step('unit, property and component tests', ['node_modules/vitest/vitest.mjs', 'run', ...json('unit')]) !== 0 ||
  failed;
process.env.CHROMIUM_PATH = ensureChromium();
failed = step('build the site', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']) !== 0 || failed;
failed =
  step('end-to-end tests (headless Chromium)', [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'vitest.e2e.config.ts',
    ...json('e2e'),
  ]) !== 0 || failed;

const unit = counts(`${tmp}/unit.json`);
const e2e = counts(`${tmp}/e2e.json`);
const passed = unit.passed + e2e.passed;
// A failed step with no failed test (typecheck, build, a suite that did not load) still counts as a failure.
const failedTests = unit.failed + e2e.failed + (failed && unit.failed + e2e.failed === 0 ? 1 : 0);
console.log(
  `\nunit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed`,
);
console.log(`Tests: ${passed} passed, ${failedTests} failed`);
process.exit(failed || failedTests > 0 || passed === 0 ? 1 : 0);
