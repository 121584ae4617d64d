/**
 * action.yml's own shell steps, run as a runner runs them (bash, the step's env, GITHUB_ENV between steps) in a
 * pull request's checkout, against the mock comment API: the first run creates the comment, the second (after
 * one more commit) updates that same one. The CLI is the bundle, built from this checkout into the action's folder;
 * "Set up Node" (a `uses:`) and "Install Flowscope" (`npm ci` from the registry) are the runner's part and skipped.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangesLink } from '../../src/share/changes/link';
import { startMockCommentHost } from '../helpers/mockCommentHost';
import { generateFlow } from '../support/generate';

const ROOT = join(__dirname, '../..');
const exec = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'flowscope-action-'));
const actionPath = join(root, 'action');
const work = join(root, 'work');
const temp = join(root, 'runner-temp');
const git = (...a: string[]) =>
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...a], {
    cwd: work,
    encoding: 'utf8',
  });
const flow = (name: string, size: number, seed: number) =>
  writeFileSync(join(work, 'force-app/flows', `${name}.flow-meta.xml`), generateFlow(size, seed).xml);

type SarifResult = { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };

interface Step {
  name: string;
  run?: string;
  env: Record<string, string>;
}
/** The steps of action.yml: name, run script, and env entries that read an input. */
const steps: Step[] = readFileSync(join(ROOT, 'action.yml'), 'utf8')
  .split(/\n {4}- name: /)
  .slice(1)
  .map((s) => ({
    name: s.split('\n')[0] as string,
    run: /run: \|\n((?: {8}.*\n?|\n)*)/.exec(s)?.[1]?.replace(/^ {8}/gm, ''),
    env: Object.fromEntries([...s.matchAll(/^ {8}(\w+): \$\{\{ inputs\.(\w+) \}\}$/gm)].map((m) => [m[1], m[2]])),
  }));

beforeAll(() => {
  // The action's folder: the bundle built from these sources, the runtime dependencies beside it.
  mkdirSync(actionPath);
  symlinkSync(join(ROOT, 'node_modules'), join(actionPath, 'node_modules'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'vite.cli.config.ts'),
      '--logLevel',
      'warn',
      '--outDir',
      join(actionPath, 'dist/cli'),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  // A pull request's checkout: origin has main; the checkout has the PR head only, as actions/checkout leaves it.
  mkdirSync(join(work, 'force-app/flows'), { recursive: true });
  mkdirSync(temp);
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', join(root, 'origin.git')]);
  git('init', '-q', '-b', 'main');
  flow('A', 10, 1);
  flow('B', 8, 2);
  git('add', '.');
  git('commit', '-qm', 'base');
  git('remote', 'add', 'origin', join(root, 'origin.git'));
  git('push', '-q', 'origin', 'main');
  git('checkout', '-qb', 'feature');
  flow('A', 13, 1);
  flow('C', 4, 3);
  git('add', '.');
  git('commit', '-qm', 'feature');
  git('branch', '-qD', 'main');
  git('update-ref', '-d', 'refs/remotes/origin/main');
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('action.yml, run', () => {
  it('creates the comment on the first run and updates the same one on the next', async () => {
    const TOKEN = 'ghs_actionT0ken';
    const host = await startMockCommentHost({ token: TOKEN });
    const inputs: Record<string, string> = {
      site: 'https://acme.github.io/flowscope/',
      base: '',
      paths: 'force-app/flows/*.flow-meta.xml',
      limit: '65536',
      token: TOKEN,
      sarif: join(temp, 'flowscope.sarif'),
    };
    const summary = join(temp, 'summary.md');
    const outputs: string[] = [];
    try {
      for (let round = 1; round <= 2; round++) {
        const envFile = join(temp, `env-${round}`);
        writeFileSync(envFile, '');
        let fromEnvFile: Record<string, string> = {};
        for (const step of steps) {
          if (!step.run || step.name === 'Install Flowscope') continue;
          const env = {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? root,
            INIT_CWD: ROOT, // left over from an npm wrapper: the step must not follow it
            GITHUB_ACTION_PATH: actionPath,
            GITHUB_BASE_REF: 'main',
            GITHUB_ENV: envFile,
            GITHUB_STEP_SUMMARY: summary,
            RUNNER_TEMP: temp,
            GITHUB_REF: 'refs/pull/7/merge',
            GITHUB_REPOSITORY: 'acme/crm',
            GITHUB_SERVER_URL: 'https://github.com',
            GITHUB_API_URL: host.url,
            ...fromEnvFile,
            ...Object.fromEntries(Object.entries(step.env).map(([k, input]) => [k, inputs[input] ?? ''])),
          };
          const r = await exec('bash', ['-e', '-c', step.run], { cwd: work, env, encoding: 'utf8' });
          outputs.push(r.stdout);
          fromEnvFile = Object.fromEntries(
            readFileSync(envFile, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => l.split('=', 2) as [string, string]),
          );
        }
        if (round === 1) {
          flow('B', 9, 2);
          git('commit', '-qam', 'one more change');
        }
      }
      expect(outputs.join('')).toMatch(/Created the Flowscope comment[\s\S]*Updated the Flowscope comment/);
      expect(host.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
      expect(host.comments).toHaveLength(1);
      const body = host.comments[0]?.body ?? '';
      expect(body.split('\n')[0]).toBe('<!-- flowscope:changes -->');
      expect(body).toContain('### Flowscope: 3 flows changed');
      const first = /\[Open all 3 changed flows in Flowscope\]\(([^)]+)\)/.exec(body)?.[1] ?? '';
      const read = readChangesLink(first);
      expect(read.ok && read.state).toEqual({ src: 'https://github.com/acme/crm/pull/7' });
      expect(readFileSync(summary, 'utf8')).toContain('3 flows changed');
      expect(host.requests.some((r) => r.url.includes(TOKEN) || r.body.includes(TOKEN))).toBe(false);
      // The sarif input: the checkout's flows checked, as SARIF, each result on a flow file of the checkout.
      const sarif = JSON.parse(readFileSync(inputs.sarif as string, 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      const uris = sarif.runs[0].results.map((r: SarifResult) => r.locations[0]?.physicalLocation.artifactLocation.uri);
      expect(uris.length).toBeGreaterThan(0);
      for (const uri of uris) expect(uri).toMatch(/^force-app\/flows\/\w+\.flow-meta\.xml$/);
    } finally {
      await host.close();
    }
  }, 60_000);
});
