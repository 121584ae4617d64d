import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFlow } from '../support/generate';
import { run } from './helpers';

/** The shape `changes --json` prints (docs/architecture.md, "changes --json"). */
interface ChangesJson {
  summary: { flows: { added: number; removed: number; changed: number; unchanged: number } };
  flows: {
    name: string;
    status: string;
    summary?: { nodes: Record<string, number>; edges: Record<string, number> };
    elements?: number;
    interface: { changes: { variable: string; kinds: string[] }[] };
    callers: { caller: string; element: string; variables: string[] }[];
    before?: string;
    after?: string;
    note?: string;
  }[];
  skipped: { side: string; file: string; reason: string }[];
}

const FLOWS = 'force-app/main/default/flows';
const root = mkdtempSync(join(tmpdir(), 'flowscope-changes-'));
const put = (base: string, path: string, text: string) => {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
};
const labelled = (xml: string, label: string) =>
  xml.replace('\n    <label>Generated flow</label>', `\n    <label>${label}</label>`);
const withVariable = (xml: string, type: string) =>
  xml.replace(
    '</Flow>\n',
    `    <variables>\n        <name>discount</name>\n        <dataType>${type}</dataType>\n` +
      '        <isCollection>false</isCollection>\n        <isInput>true</isInput>\n' +
      '        <isOutput>false</isOutput>\n    </variables>\n</Flow>\n',
  );
const caller = (callee: string) =>
  labelled(generateFlow(3, 77).xml, 'Caller').replace(
    '</Flow>\n',
    `    <subflows>\n        <name>Call_It</name>\n        <label>Call it</label>\n        <locationX>0</locationX>\n` +
      `        <locationY>0</locationY>\n        <flowName>${callee}</flowName>\n        <inputAssignments>\n` +
      '            <name>discount</name>\n            <value>\n                <numberValue>1</numberValue>\n' +
      '            </value>\n        </inputAssignments>\n    </subflows>\n</Flow>\n',
  );

/**
 * Base: Same, Grows, Typed (input `discount` Number), Gone; head: Same, Grows (regenerated larger), Typed
 * (`discount` Currency), New, and Caller (passes `discount` to Typed).
 */
const BASE: Record<string, string> = {
  Same: labelled(generateFlow(10, 1).xml, 'Same'),
  Grows: labelled(generateFlow(20, 2).xml, 'Grows'),
  Typed: withVariable(labelled(generateFlow(6, 3).xml, 'Typed'), 'Number'),
  Gone: labelled(generateFlow(5, 4).xml, 'Gone'),
};
const HEAD: Record<string, string> = {
  Same: BASE.Same as string,
  Grows: labelled(generateFlow(24, 2).xml, 'Grows'),
  Typed: withVariable(labelled(generateFlow(6, 3).xml, 'Typed'), 'Currency'),
  New: labelled(generateFlow(7, 5).xml, 'New'),
  Caller: caller('Typed'),
};
const baseDir = join(root, 'base');
const headDir = join(root, 'head');

beforeAll(() => {
  for (const [n, t] of Object.entries(BASE)) put(baseDir, `${FLOWS}/${n}.flow-meta.xml`, t);
  for (const [n, t] of Object.entries(HEAD)) put(headDir, `${FLOWS}/${n}.flow-meta.xml`, t);
  put(headDir, 'README.md', 'not a flow\n');
});
beforeAll(async () => {
  const grows = (dir: string) => join(dir, FLOWS, 'Grows.flow-meta.xml');
  const r = await run('diff', grows(baseDir), grows(headDir), '--json');
  growsDiff = JSON.parse(r.out).summary;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const json = async (...argv: string[]) => {
  const r = await run('changes', ...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as ChangesJson;
};

/** What `diff --json` says of Grows (the counts `changes` must repeat). */
let growsDiff: { nodes: Record<string, number>; edges: Record<string, number> };

function expectTheChangeSet(j: ChangesJson) {
  expect(j.summary.flows).toEqual({ added: 2, removed: 1, changed: 2, unchanged: 1 });
  const by = new Map(j.flows.map((f) => [f.name, f]));
  expect(by.has('Same')).toBe(false);
  const { unchanged: _u, ...nodes } = growsDiff.nodes;
  expect(by.get('Grows')).toMatchObject({ status: 'changed', summary: { nodes, edges: growsDiff.edges } });
  expect(by.get('Gone')).toMatchObject({ status: 'removed', elements: 5 });
  expect(by.get('New')).toMatchObject({ status: 'added', elements: 7 });
  const typed = by.get('Typed');
  expect(typed?.status).toBe('changed');
  expect(typed?.interface.changes).toMatchObject([{ variable: 'discount', kinds: ['type'] }]);
  expect(typed?.callers).toEqual([{ caller: 'Caller', element: 'Call_It', variables: ['discount'] }]);
  // Largest change first.
  expect(j.flows[0]?.name).toBe('Grows');
}

describe('flowscope changes (folders and zips)', () => {
  it('compares two folders flow by flow: statuses, diff counts, interface changes and callers', async () => {
    const j = await json(baseDir, headDir);
    expectTheChangeSet(j);
    expect(j.flows.find((f) => f.name === 'Grows')?.before).toBe(join(baseDir, FLOWS, 'Grows.flow-meta.xml'));
    expect(j.skipped).toEqual([{ side: 'head', file: join(headDir, 'README.md'), reason: 'not a flow file' }]);
  });

  it('--all lists the unchanged flows too, last', async () => {
    const j = await json(baseDir, headDir, '--all');
    expect(j.flows.at(-1)).toMatchObject({ name: 'Same', status: 'unchanged' });
    expect(j.flows).toHaveLength(6);
  });

  it('reads zips (a retrieved package) as it reads folders', async () => {
    const zipOf = (flows: Record<string, string>, file: string) => {
      const entries: Record<string, Uint8Array> = {};
      for (const [n, t] of Object.entries(flows)) entries[`unpackaged/flows/${n}.flow-meta.xml`] = strToU8(t);
      writeFileSync(join(root, file), zipSync(entries));
      return join(root, file);
    };
    expectTheChangeSet(await json(zipOf(BASE, 'base.zip'), zipOf(HEAD, 'head.zip')));
  });

  it('prints a readable table without --json', async () => {
    const r = await run('changes', baseDir, headDir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 added, 1 removed, 2 changed, 1 unchanged');
    expect(r.out).toMatch(/changed\s+Typed\s+\+0 -0 ~0\s+\+0 -0\s+1 interface change, breaking for 1 caller/);
    expect(r.out).toMatch(/added\s+New\s+\+7/);
    expect(r.out).toMatch(/removed\s+Gone\s+-5/);
    expect(r.out).not.toMatch(/\bSame\b/);
  });

  it('lists a second flow of the same API name in a set as skipped, comparing the first', async () => {
    const dup = join(root, 'dup');
    put(dup, `a/${FLOWS}/Same.flow-meta.xml`, BASE.Same as string);
    put(dup, `b/other/Same.flow-meta.xml`, BASE.Grows as string);
    const j = await json(dup, baseDir);
    expect(j.skipped).toEqual([
      {
        side: 'base',
        file: join(dup, 'b/other/Same.flow-meta.xml'),
        reason: 'another flow named Same was read first (that one is compared)',
      },
    ]);
    expect(j.summary.flows).toMatchObject({ unchanged: 1, added: 3 });
  });

  it('says when no flow changed', async () => {
    const r = await run('changes', baseDir, baseDir);
    expect(r.out).toContain('No flow changed.');
    expect(r.out).toContain('0 added, 0 removed, 0 changed, 4 unchanged');
  });

  it('exits 1 on a path it cannot read and 2 on bad usage', async () => {
    expect((await run('changes', join(root, 'missing'), headDir)).code).toBe(1);
    expect((await run('changes', baseDir)).code).toBe(2);
    expect((await run('changes', baseDir, headDir, '--bogus')).code).toBe(2);
    expect((await run('changes', '--git', 'nodots')).code).toBe(2);
    const help = await run('help');
    expect(help.out).toContain('changes BASE HEAD [--json] [--all]');
  });
});

describe('flowscope changes --git', () => {
  const repo = join(root, 'repo');
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, encoding: 'utf8' },
    ).trim();

  beforeAll(() => {
    mkdirSync(repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    for (const [n, t] of Object.entries(BASE)) put(repo, `${FLOWS}/${n}.flow-meta.xml`, t);
    put(repo, `${FLOWS}/Moved.flow-meta.xml`, labelled(generateFlow(9, 8).xml, 'Moved'));
    put(repo, `${FLOWS}/Edited_Move.flow-meta.xml`, labelled(generateFlow(30, 9).xml, 'Edited'));
    put(repo, 'package.json', '{"name": "not a flow"}\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    for (const n of Object.keys(BASE)) if (!(n in HEAD)) unlinkSync(join(repo, `${FLOWS}/${n}.flow-meta.xml`));
    for (const [n, t] of Object.entries(HEAD)) put(repo, `${FLOWS}/${n}.flow-meta.xml`, t);
    git('mv', `${FLOWS}/Moved.flow-meta.xml`, `${FLOWS}/Renamed.flow-meta.xml`);
    // Renamed and edited a little: git still sees a rename (similar content).
    unlinkSync(join(repo, `${FLOWS}/Edited_Move.flow-meta.xml`));
    put(repo, `${FLOWS}/Edited_Renamed.flow-meta.xml`, labelled(generateFlow(30, 9).xml, 'Edited after the move'));
    writeFileSync(join(repo, `${FLOWS}/Binary.flow-meta.xml`), Buffer.from([0x3c, 0, 1, 2, 0xff]));
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
  });

  it('reads the flows at both refs without a checkout, a renamed file as removed + added with a note', async () => {
    git('checkout', '-q', 'main'); // the work tree is at base: the refs are what is read
    const j = await json('--git', 'main..feature', '--cwd', repo);
    expect(j.summary.flows).toEqual({ added: 4, removed: 3, changed: 2, unchanged: 1 });
    const by = new Map(j.flows.map((f) => [f.name, f]));
    expect(by.get('Typed')?.callers).toEqual([{ caller: 'Caller', element: 'Call_It', variables: ['discount'] }]);
    expect(by.get('Grows')?.after).toBe(`${FLOWS}/Grows.flow-meta.xml`);
    expect(by.get('Moved')).toMatchObject({ status: 'removed' });
    expect(by.get('Moved')?.note).toContain('Renamed');
    expect(by.get('Renamed')).toMatchObject({ status: 'added' });
    expect(by.get('Renamed')?.note).toContain('Moved');
    expect(by.get('Edited_Move')?.note).toBe('renamed to Edited_Renamed (by git): shown as removed + added');
    expect(by.get('Edited_Renamed')?.note).toBe('renamed from Edited_Move (by git): shown as removed + added');
    expect(j.skipped).toEqual([{ side: 'head', file: `${FLOWS}/Binary.flow-meta.xml`, reason: 'a binary file' }]);
  });

  it('limits the set to the paths given, and reads BASE...HEAD from the merge base', async () => {
    const j = await json(
      '--git',
      'main...feature',
      `${FLOWS}/Grows.flow-meta.xml`,
      `${FLOWS}/Typed.flow-meta.xml`,
      '--cwd',
      repo,
    );
    expect(j.summary.flows).toEqual({ added: 0, removed: 0, changed: 2, unchanged: 0 });
  });

  it('exits 1 on a ref that names no commit', async () => {
    const r = await run('changes', '--git', 'main..no-such-branch', '--cwd', repo);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no-such-branch');
  });
});
