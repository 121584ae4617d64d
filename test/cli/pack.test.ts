/**
 * The CLI as a package: what `npm pack` ships, installed with production dependencies only (what an Action
 * or `npx` from a tarball gets), runs. `npm pack` runs `prepare`, which builds dist/cli/flowscope.mjs from
 * the sources of this checkout, so the test always runs the CLI as it is now. The install lives in a fresh
 * folder under the system's temp dir, far from this checkout's node_modules: a CLI that needed tsx, vite or
 * any other devDependency could not find it there and fails here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fx, run } from './helpers';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
// Without npm's own variables: `npm test` sets INIT_CWD (the CLI would move there) and npm_config_* would
// reach the inner npm. The cache setting stays, so the install reads what `npm ci` put there.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'INIT_CWD' && (!k.startsWith('npm_') || k === 'npm_config_cache')),
);

let tmp = '';
let app = '';
let packed: string[] = [];

function npm(args: string[], cwd: string) {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 90_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** Runs the installed `flowscope` as npm links it: node_modules/.bin/flowscope, from the install's folder. */
function flowscope(args: string[], extra: Record<string, string> = {}) {
  return spawnSync(join(app, 'node_modules/.bin/flowscope'), args, {
    cwd: app,
    env: { ...env, ...extra },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'flowscope-pack-'));
  const out = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp, '--loglevel=error'], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const first = out[0] as (typeof out)[number];
  packed = first.files.map((f) => f.path);
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name": "empty-project", "private": true}\n');
  npm(
    [
      'install',
      join(tmp, first.filename),
      '--omit=dev',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    app,
  );
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('flowscope installed from its packed tarball with production dependencies only', () => {
  it('ships the built CLI, the README and package.json, and neither sources nor tests', () => {
    expect(packed).toContain('dist/cli/flowscope.mjs');
    expect(packed).toContain('package.json');
    expect(packed).toContain('README.md');
    expect(packed.filter((p) => /^(src|test|bench|scripts|bin)\//.test(p) || p.startsWith('dist/assets'))).toEqual([]);
    expect(pkg.bin.flowscope).toBe('dist/cli/flowscope.mjs');
  });

  it('has no devDependency in the install, and the bundle imports only Node and runtime dependencies', () => {
    const modules = join(app, 'node_modules');
    for (const dev of ['tsx', 'vite', 'typescript', 'vitest', 'fast-xml-parser'])
      expect(existsSync(join(modules, dev)), dev).toBe(false);
    const bundle = readFileSync(join(modules, 'flowscope/dist/cli/flowscope.mjs'), 'utf8');
    const specifiers = new Set(
      [...bundle.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map(
        (m) => (m[1] ?? m[2]) as string,
      ),
    );
    const packageOf = (s: string) =>
      (s.startsWith('@') ? s.split('/').slice(0, 2) : s.split('/').slice(0, 1)).join('/');
    const foreign = [...specifiers].filter(
      (s) => !s.startsWith('node:') && !builtinModules.includes(s) && !['fflate', 'elkjs'].includes(packageOf(s)),
    );
    expect(foreign).toEqual([]);
    expect(specifiers.has('fflate')).toBe(true);
    // The app's packages never come into the CLI: not imported, not bundled.
    expect(bundle).not.toMatch(/@xyflow|from ["']react|zustand|createRoot|useSyncExternalStore/);
  });

  it('answers --help with the usage and every command', () => {
    const r = flowscope(['--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: flowscope <command>/);
    for (const command of ['graph', 'diff', 'render', 'link', 'index', 'pr', 'check'])
      expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('diffs two fixture flows to the same JSON as the sources, a renamed element among it', async () => {
    const before = fx('diff/renamed-element--before.flow-meta.xml');
    const after = fx('diff/renamed-element--after.flow-meta.xml');
    const r = flowscope(['diff', before, after, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const diff = JSON.parse(r.stdout) as { summary: { nodes: { renamed: number } }; nodes: { status: string }[] };
    expect(diff.summary.nodes.renamed).toBe(1);
    expect(diff.nodes.some((n) => n.status === 'renamed')).toBe(true);
    const fromSources = await run('diff', before, after, '--json');
    expect(diff).toEqual(JSON.parse(fromSources.out));
  });

  it('checks a flow to SARIF naming Flowscope at the installed package version', () => {
    const r = flowscope(['check', fx('checks/dml-in-loop/with.flow-meta.xml'), '--sarif']);
    expect(r.stderr).toBe('');
    // An error finding (DML in a loop): exit 1 by default.
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'Flowscope', version });
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('dml-in-loop');
  });

  it('lays out with ELK in-process, from the installed elkjs', async () => {
    const flow = fx('Lead_Routing.freeform.flow-meta.xml');
    const r = flowscope(['render', flow, '--layout', 'elk']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(r.stdout).toBe((await run('render', flow, '--layout', 'elk')).out);
  });

  it('reads paths from where the caller ran npm (INIT_CWD), and says what is wrong with bad input', () => {
    const r = flowscope(['graph', 'Opportunity_Review.flow-meta.xml', '--json'], {
      INIT_CWD: join(ROOT, 'test/fixtures'),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { flow: { name: string } }).flow.name).toBe('Opportunity_Review');
    const bad = flowscope(['graph', join(ROOT, 'package.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toBe('');
  });
});
