import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  type Finding,
  fileUri,
  flowLines,
  parseFlow,
  readChecksConfig,
  RULES,
  runChecks,
  toSarif,
} from '../../src/index';
import { sarifErrors } from './sarifSchema';

const fixture = (rule: string, name: string) =>
  readFileSync(join(__dirname, '../fixtures/checks', rule, `${name}.flow-meta.xml`), 'utf8');

function checked(text: string) {
  const parsed = parseFlow(text, { fileName: 'x.flow-meta.xml' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return runChecks(parsed.doc, buildGraph(parsed.doc));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('toSarif', () => {
  it('is valid SARIF 2.1.0 whose driver lists every rule with its help, and whose results point at the <name>', () => {
    const text = fixture('dml-in-loop', 'with');
    const findings = checked(text);
    expect(findings.map((f) => f.rule)).toContain('dml-in-loop');
    const log = toSarif(
      [
        {
          name: 'Contact_Review',
          file: 'force-app\\main\\flows\\Contact Review.flow-meta.xml',
          lines: flowLines(text),
          findings,
        },
      ],
      { rules: RULES, version: '0.1.0', informationUri: 'https://example.com/flowscope/' },
    );
    expect(sarifErrors(log)).toEqual([]);
    const run = log.runs[0];
    const driver = run?.tool.driver;
    expect(driver?.name).toBe('Flowscope');
    expect(driver?.rules?.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of driver?.rules ?? []) {
      const rule = RULES.find((x) => x.id === r.id);
      expect(r.help?.text).toBe(rule?.help);
      expect(r.shortDescription?.text).toBe(rule?.name);
      expect(r.defaultConfiguration?.level).toBe(rule?.severity);
    }
    const dml = run?.results?.find((r) => r.ruleId === 'dml-in-loop');
    expect(dml?.level).toBe('error');
    expect(driver?.rules?.[dml?.ruleIndex ?? -1]?.id).toBe('dml-in-loop');
    expect(dml?.message.text).toMatch(/Update Contact \(Update_Contact\)/);
    const where = dml?.locations?.[0]?.physicalLocation;
    // Forward slashes, the space encoded: a path GitHub finds in the repository.
    expect(where?.artifactLocation?.uri).toBe('force-app/main/flows/Contact%20Review.flow-meta.xml');
    expect(where?.region?.startLine).toBe(lineOf(text, '<name>Update_Contact</name>'));
    expect(dml?.partialFingerprints).toBeDefined();
  });

  it('puts a finding on the flow at its API version line, and one without any place at line 1', () => {
    const text = '<?xml version="1.0"?>\n<Flow>\n  <label>Old</label>\n  <apiVersion>40.0</apiVersion>\n</Flow>\n';
    const flowFinding: Finding = { rule: 'outdated-api-version', severity: 'note', element: '', message: 'old' };
    const lost: Finding = { rule: 'unused-resource', severity: 'note', element: 'Gone', message: 'gone' };
    const log = toSarif([{ name: 'Old', file: 'Old.flow-meta.xml', lines: flowLines(text), findings: [flowFinding] }], {
      rules: RULES,
      version: '1.0.0',
    });
    expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(4);
    const none = toSarif([{ name: 'X', file: 'X.flow', lines: flowLines(''), findings: [lost] }], {
      rules: RULES,
      version: '1.0.0',
    });
    expect(none.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(1);
    expect(sarifErrors(none)).toEqual([]);
  });

  it('the second element of a repeated name (node Name~2) points at the second <name>', () => {
    const text =
      '<Flow>\n<assignments><name>A</name></assignments>\n<assignments><name>A</name></assignments>\n</Flow>';
    const f: Finding = { rule: 'unreachable-element', severity: 'warning', element: 'A', node: 'A~2', message: 'm' };
    const log = toSarif([{ name: 'F', file: 'F.flow', lines: flowLines(text), findings: [f] }], {
      rules: RULES,
      version: '1.0.0',
    });
    expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(3);
  });

  it("lists a rule the configuration switched off as not enabled, and a changed severity as the rule's level", () => {
    const read = readChecksConfig('{"checks": {"rules": {"dml-in-loop": "off", "missing-fault-path": "error"}}}');
    if (!read.ok) throw new Error(read.error);
    const log = toSarif([], { rules: RULES, version: '1.0.0', config: read.config });
    expect(sarifErrors(log)).toEqual([]);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.find((r) => r.id === 'dml-in-loop')?.defaultConfiguration?.enabled).toBe(false);
    expect(rules.find((r) => r.id === 'missing-fault-path')?.defaultConfiguration?.level).toBe('error');
    expect(log.runs[0]?.results).toEqual([]);
  });

  it('the schema check can fail: a result without a message, or a made-up level, is refused', () => {
    const log = toSarif([], { rules: RULES, version: '1.0.0' });
    const run = log.runs[0];
    if (!run) throw new Error('no run');
    run.results = [{ ruleId: 'dml-in-loop', level: 'fatal' as 'error', message: { text: 'x' } }];
    expect(sarifErrors(log).join('\n')).toMatch(/level/);
    run.results = [{ ruleId: 'dml-in-loop' } as never];
    expect(sarifErrors(log).join('\n')).toMatch(/message/);
  });

  it('fileUri: forward slashes, each segment encoded, a URL as it is', () => {
    expect(fileUri('.\\flows\\A #1.flow')).toBe('flows/A%20%231.flow');
    expect(fileUri('file:///tmp/a%20b.flow')).toBe('file:///tmp/a%20b.flow');
    expect(fileUri('pkg.zip/flows/A.flow')).toBe('pkg.zip/flows/A.flow');
  });
});
