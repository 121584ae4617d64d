import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { sarifPath } from '../../src/cli/check';
import { sarifErrors } from '../checks/sarifSchema';
import { CORPUS } from '../helpers/corpus';
import { run } from './helpers';

const FIX = join(__dirname, '../fixtures/checks');
const fx = (rule: string, name: string) => join(FIX, rule, `${name}.flow-meta.xml`);
const root = mkdtempSync(join(tmpdir(), 'flowscope-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface CheckJson {
  flows: {
    name: string;
    file: string;
    interface: { inputs: Record<string, unknown>[]; outputs: Record<string, unknown>[] };
    findings: { rule: string; element: string; severity: string; message: string }[];
  }[];
}

describe('flowscope check', () => {
  it('prints each flow with findings and exits 1 on an error finding; --fail-on never exits 0', async () => {
    const r = await run('check', fx('dml-in-loop', 'with'), fx('dml-in-loop', 'without'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✖ error\s+dml-in-loop\s+Update_Contact\s+.*Update Contact \(Update_Contact\)/);
    expect(r.out).not.toMatch(/without\.flow-meta\.xml/);
    expect(r.out).toMatch(/1 finding in 1 of 2 flows: 1 error, 0 warnings, 0 notes/);
    expect((await run('check', fx('dml-in-loop', 'with'), '--fail-on', 'never')).code).toBe(0);
  });

  it('warnings pass by default and fail with --fail-on warning', async () => {
    const file = fx('missing-fault-path', 'with');
    const plain = await run('check', file, '--json');
    const rules = (JSON.parse(plain.out) as CheckJson).flows[0]?.findings.map((f) => f.severity);
    expect(rules?.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(['warning']));
    expect(plain.code).toBe(0);
    expect((await run('check', file, '--fail-on', 'warning')).code).toBe(1);
  });

  it('--json has exactly the contract keys, the interface as index --json has it', async () => {
    const dir = join(root, 'iface');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'Iface.flow-meta.xml'),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Flow xmlns="http://soap.sforce.com/2006/04/metadata">',
        '  <apiVersion>62.0</apiVersion><label>Iface</label><processType>AutoLaunchedFlow</processType>',
        '  <start><connector><targetReference>Go</targetReference></connector></start>',
        '  <assignments><name>Go</name><label>Go</label></assignments>',
        '  <variables><name>recordId</name><dataType>String</dataType><isCollection>false</isCollection>',
        '    <isInput>true</isInput><isOutput>false</isOutput></variables>',
        '  <variables><name>accounts</name><dataType>SObject</dataType><isCollection>true</isCollection>',
        '    <objectType>Account</objectType><isInput>true</isInput><isOutput>true</isOutput></variables>',
        '  <variables><name>secret</name><dataType>String</dataType><isInput>false</isInput></variables>',
        '</Flow>',
      ].join('\n'),
    );
    const r = await run('check', dir, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as CheckJson;
    expect(Object.keys(json)).toEqual(['flows']);
    const flow = json.flows[0];
    expect(Object.keys(flow ?? {})).toEqual(['name', 'file', 'interface', 'findings']);
    expect(flow?.interface).toEqual({
      inputs: [
        { name: 'recordId', isCollection: false, dataType: 'String' },
        { name: 'accounts', isCollection: true, dataType: 'SObject', objectType: 'Account' },
      ],
      outputs: [{ name: 'accounts', isCollection: true, dataType: 'SObject', objectType: 'Account' }],
    });
    const index = JSON.parse((await run('index', dir, '--json')).out) as CheckJson;
    expect(flow?.interface).toEqual(index.flows[0]?.interface);
    const withFinding = JSON.parse((await run('check', fx('dml-in-loop', 'with'), '--json')).out) as CheckJson;
    for (const f of withFinding.flows[0]?.findings ?? [])
      expect(Object.keys(f)).toEqual(['rule', 'element', 'severity', 'message']);
  });

  it('reads folders and zips; a path that cannot be read is said on stderr and exits 1', async () => {
    const zip = join(root, 'flows.zip');
    writeFileSync(
      zip,
      zipSync({ 'flows/Zipped.flow-meta.xml': new Uint8Array(readFileSync(fx('soql-in-loop', 'with'))) }),
    );
    const r = await run('check', zip, '--json', '--fail-on', 'never');
    const json = JSON.parse(r.out) as CheckJson;
    expect(json.flows.map((f) => f.name)).toEqual(['Zipped']);
    expect(json.flows[0]?.file).toMatch(/flows\.zip\/flows\/Zipped\.flow-meta\.xml$/);
    expect(json.flows[0]?.findings.map((f) => f.rule)).toContain('soql-in-loop');
    const missing = await run('check', join(root, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nope: ENOENT/);
    const broken = join(root, 'Broken.flow-meta.xml');
    writeFileSync(broken, '<Flow><label>x</Flow>');
    const bad = await run('check', broken, fx('dml-in-loop', 'without'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Broken\.flow-meta\.xml/);
  });

  it('bad usage exits 2 and says what is wrong', async () => {
    for (const [argv, said] of [
      [['--frobnicate'], /unknown option --frobnicate/],
      [['--json', '--sarif'], /choose one/],
      [['--fail-on', 'sometimes'], /--fail-on takes/],
    ] as const) {
      const r = await run('check', FIX, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(said);
    }
  });

  it('--config FILE switches rules off and changes severities; a bad file is an error naming the problem', async () => {
    const file = join(root, 'checks.json');
    writeFileSync(file, JSON.stringify({ checks: { rules: { 'dml-in-loop': 'off', 'missing-fault-path': 'error' } } }));
    const r = await run(
      'check',
      fx('dml-in-loop', 'with'),
      fx('missing-fault-path', 'with'),
      '--json',
      '--config',
      file,
    );
    const findings = (JSON.parse(r.out) as CheckJson).flows.flatMap((f) => f.findings);
    expect(findings.map((f) => f.rule)).not.toContain('dml-in-loop');
    expect(findings.filter((f) => f.rule === 'missing-fault-path').map((f) => f.severity)).toContain('error');
    expect(r.code).toBe(1);
    writeFileSync(file, '{"checks": {"rules": {"dml-in-lop": "off"}}}');
    const bad = await run('check', fx('dml-in-loop', 'with'), '--config', file);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/checks\.json.*unknown rule "dml-in-lop"/);
  });

  it('--md summarises findings by severity, each naming its flow and element, with flow text escaped', async () => {
    const dir = join(root, 'md');
    mkdirSync(dir);
    const text = readFileSync(fx('dml-in-loop', 'with'), 'utf8').replace(
      '<label>Contact review (DML in a loop)</label>',
      '<label>Review &lt;img src=x&gt; @team</label>',
    );
    writeFileSync(join(dir, 'Review.flow-meta.xml'), text);
    writeFileSync(join(dir, 'Faults.flow-meta.xml'), readFileSync(fx('missing-fault-path', 'with')));
    const r = await run('check', dir, '--md');
    expect(r.out).toMatch(/^### Flowscope checks: \d+ findings in 2 of 2 flows/);
    expect(r.out.indexOf('#### ✖ Errors')).toBeLessThan(r.out.indexOf('#### ⚠ Warnings'));
    expect(r.out).toMatch(/\| `Update_Contact` \| DML statement in a loop \|/);
    expect(r.out).toContain('Review \\<img src=x\\> @\u2060team');
    expect(r.out).not.toMatch(/(?<!\\)<img/);
  });

  it('--sarif names Flowscope at its package version, the site as its information URI; help lists check', async () => {
    const version = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string })
      .version;
    const r = await run('check', fx('dml-in-loop', 'with'), '--sarif', '--site', 'https://acme.github.io/flowscope/');
    const driver = JSON.parse(r.out).runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'Flowscope', version, informationUri: 'https://acme.github.io/flowscope/' });
    const uri = JSON.parse(r.out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    // From the repository's root (this worktree), forward slashes.
    expect(uri).toBe('test/fixtures/checks/dml-in-loop/with.flow-meta.xml');
    expect((await run('help')).out).toMatch(/check \[PATH…\] \[--json\|--sarif\|--md\]/);
  });

  it('sarifPath: from the repository root with forward slashes; outside it a file URL', () => {
    expect(sarifPath('flows/A.flow', '/repo/force-app', '/repo')).toBe('force-app/flows/A.flow');
    expect(sarifPath('/elsewhere/A.flow', '/repo', '/repo')).toBe('file:///elsewhere/A.flow');
    expect(sarifPath('A.flow', '/work', undefined)).toBe('A.flow');
  });
});

describe('flowscope check over the corpus', () => {
  it('--sarif is valid SARIF 2.1.0 and every result points at a line naming its element', async () => {
    const r = await run('check', join(CORPUS, 'flows'), join(CORPUS, 'tooling-json'), '--sarif', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const log = JSON.parse(r.out);
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      logicalLocations?: unknown;
    }[];
    expect(results.length).toBeGreaterThan(500);
    const repo = relative(join(__dirname, '../..'), CORPUS);
    let named = 0;
    for (const res of results) {
      const where = res.locations[0]?.physicalLocation;
      expect(where?.region.startLine).toBeGreaterThanOrEqual(1);
      const uri = decodeURIComponent(where?.artifactLocation.uri ?? '');
      // The corpus sits beside the repository: outside it, so a file URL; inside, the path from the root.
      const path = uri.startsWith('file://') ? new URL(where?.artifactLocation.uri ?? '').pathname : join(repo, uri);
      const lines = readFileSync(decodeURIComponent(path), 'utf8').split('\n');
      const line = lines[(where?.region.startLine ?? 1) - 1] ?? '';
      // An element's or resource's finding on its name; the flow's on its API version or start, else line 1.
      if (/<name>|"name"/.test(line)) named++;
      else if (where?.region.startLine === 1) expect(lines.join('\n')).not.toMatch(/<apiVersion>|<start>/);
      else
        expect(line, `${uri}:${where?.region.startLine} ${res.ruleId}`).toMatch(
          /<apiVersion>|"apiVersion"|<start>|"start"/,
        );
    }
    expect(named).toBeGreaterThan(results.length * 0.8);
  });

  it("--json gives every flow's interface as an independent reading of its variables finds it", async () => {
    const r = await run('check', join(CORPUS, 'flows'), '--json', '--fail-on', 'never');
    const json = JSON.parse(r.out) as CheckJson;
    expect(json.flows.length).toBeGreaterThan(300);
    const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (n) => n === 'variables' });
    for (const flow of json.flows) {
      const doc = parser.parse(readFileSync(flow.file, 'utf8')) as { Flow?: { variables?: Record<string, string>[] } };
      const vars = doc.Flow?.variables ?? [];
      const param = (v: Record<string, string>) => ({
        name: v.name,
        isCollection: v.isCollection === 'true',
        ...(v.dataType ? { dataType: v.dataType } : {}),
        ...(v.objectType ? { objectType: v.objectType } : {}),
      });
      expect(flow.interface, flow.file).toEqual({
        inputs: vars.filter((v) => v.isInput === 'true').map(param),
        outputs: vars.filter((v) => v.isOutput === 'true').map(param),
      });
    }
  });
});
