import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The CI files users copy: action.yml (a composite GitHub Action) and ci/gitlab-flowscope.yml. Read with a few
 * lines of YAML-by-indentation (no YAML dependency): the keys a runner needs, the commands it runs, and no input
 * pasted into a shell script (inputs go through env:, so a value cannot inject commands).
 */
const root = join(__dirname, '../..');
const action = readFileSync(join(root, 'action.yml'), 'utf8');
const gitlab = readFileSync(join(root, 'ci/gitlab-flowscope.yml'), 'utf8');

/** The block under a key at the given indentation: its lines until the next line indented as little. */
function block(text: string, key: string, indent: number): string {
  const lines = text.split('\n');
  const start = lines.findIndex(
    (l) => l === `${' '.repeat(indent)}${key}:` || l.startsWith(`${' '.repeat(indent)}${key}: `),
  );
  if (start < 0) throw new Error(`no ${key}: at indent ${indent}`);
  const out: string[] = [lines[start] as string];
  for (const l of lines.slice(start + 1)) {
    if (l.trim() !== '' && !l.startsWith(' '.repeat(indent + 1))) break;
    out.push(l);
  }
  return out.join('\n');
}
/** Top-level keys of a block's children at the given indentation. */
const keysAt = (text: string, indent: number) =>
  [...text.matchAll(new RegExp(`^ {${indent}}([\\w-]+):`, 'gm'))].map((m) => m[1]);

/** The action's steps: each `- name:` item with its uses / run / env. */
function steps(): { name: string; uses?: string; run?: string; text: string }[] {
  const body = block(block(action, 'runs', 0), 'steps', 2);
  return body
    .split(/\n {4}- /)
    .slice(1)
    .map((text) => {
      const name = /^name: (.+)$/m.exec(text)?.[1] ?? '';
      const uses = /^ {6}uses: (.+)$/m.exec(text)?.[1] ?? /^uses: (.+)$/m.exec(text)?.[1];
      const run = /^ {6}run: \|\n((?: {8}.*\n?|\n)*)/m.exec(text)?.[1]?.replace(/^ {8}/gm, '');
      return { name, uses, run, text };
    });
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action).toMatch(/^runs:\n {2}using: composite$/m);
    const inputs = block(action, 'inputs', 0);
    expect(keysAt(inputs, 2)).toEqual(['site', 'base', 'paths', 'limit', 'token', 'sarif']);
    expect(block(inputs, 'sarif', 2)).toMatch(/default: ""/);
    expect(block(inputs, 'site', 2)).toMatch(/required: true/);
    expect(block(inputs, 'token', 2)).toMatch(/default: \$\{\{ github\.token \}\}/);
    expect(block(inputs, 'limit', 2)).toMatch(/default: "65536"/);
  });

  it('sets up Node 20, builds the CLI from its own folder, then writes and posts the comment', () => {
    const s = steps();
    expect(s.map((x) => x.name)).toHaveLength(6);
    expect(s.filter((x) => x.run)).toHaveLength(5);
    expect(s[0]).toMatchObject({ uses: 'actions/setup-node@v4' });
    expect(s[0]?.text).toMatch(/node-version: 20/);
    const install = s.find((x) => x.run?.includes('npm ci'))?.run ?? '';
    expect(install).toMatch(/cd "\$GITHUB_ACTION_PATH"/);
    expect(install).toMatch(/npm run build:cli/);
    const runs = s.map((x) => x.run ?? '').join('\n');
    expect(runs).toMatch(/git fetch [^\n]*origin "\+refs\/heads\/\$base:refs\/remotes\/origin\/\$base"/);
    const pr = runs.indexOf('flowscope.mjs" pr --cwd "$PWD" --base');
    const comment = runs.indexOf('flowscope.mjs" comment --provider github');
    expect(pr).toBeGreaterThan(runs.indexOf('npm run build:cli'));
    expect(comment).toBeGreaterThan(pr);
    expect(s.find((x) => x.run?.includes('comment --provider github'))?.text).toMatch(
      /GITHUB_TOKEN: \$\{\{ inputs\.token \}\}/,
    );
    // Last, and only with the sarif input: the review checks as SARIF, never failing the job on a finding.
    const checks = s[s.length - 1];
    expect(checks?.run).toMatch(/flowscope\.mjs" check --sarif --fail-on never/);
    expect(checks?.text).toMatch(/FLOWSCOPE_SARIF: \$\{\{ inputs\.sarif \}\}/);
  });

  it('never pastes an input into a script, and every script is valid bash', () => {
    for (const step of steps()) {
      if (!step.run) continue;
      expect(step.run, step.name).not.toMatch(/\$\{\{/);
      execFileSync('bash', ['-n'], { input: step.run });
    }
  });
});

describe('ci/gitlab-flowscope.yml', () => {
  it('runs the flowscope job in merge request pipelines: pr, then comment --provider gitlab', () => {
    const job = block(gitlab, 'flowscope', 0);
    expect(job).toMatch(/rules:\n {4}- if: \$CI_PIPELINE_SOURCE == "merge_request_event"/);
    expect(job).toMatch(/image: node:20/);
    expect(job).toMatch(/GIT_DEPTH: 0/);
    const script = block(job, 'script', 2);
    expect(script).toMatch(/npm ci[^\n]*&& npm run build:cli/);
    const pr = script.indexOf('flowscope.mjs pr --cwd');
    expect(pr).toBeGreaterThan(0);
    expect(script.indexOf('comment --provider gitlab --body-file flowscope-comment.md')).toBeGreaterThan(pr);
    expect(script).toMatch(/--site "\$FLOWSCOPE_SITE"/);
    expect(gitlab).toMatch(/GITLAB_TOKEN/);
  });
});
