import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChecksConfig, RULES, type RuleId, type RuleSetting, writeChecksConfig } from '../../src/checks/index';
import { checkFixture, of } from './run';

const read = (value: unknown) => readChecksConfig(JSON.stringify(value));
const config = (value: unknown) => {
  const r = read(value);
  if (!r.ok) throw new Error(r.error);
  return r.config;
};

describe('readChecksConfig', () => {
  it('reads a .flowscope.json: off, a severity, or an object with enabled and severity', () => {
    const c = config({
      checks: {
        rules: {
          'dml-in-loop': 'off',
          'missing-fault-path': 'error',
          'unused-resource': { severity: 'warning' },
          'hardcoded-id': { enabled: false },
        },
      },
    });
    expect(c.rules.get('dml-in-loop')).toEqual({ enabled: false });
    expect(c.rules.get('missing-fault-path')).toEqual({ enabled: true, severity: 'error' });
    expect(c.rules.get('unused-resource')).toEqual({ severity: 'warning' });
    expect(c.rules.get('hardcoded-id')).toEqual({ enabled: false });
    expect(c.rules.has('soql-in-loop')).toBe(false);
  });
  it('accepts a bare {"rules": …}, and a file with no checks at all', () => {
    expect(config({ rules: { 'soql-in-loop': 'note' } }).rules.get('soql-in-loop')?.severity).toBe('note');
    expect(config({ other: 1 }).rules.size).toBe(0);
  });
  it('names unknown rules and bad values in its error', () => {
    const r = read({
      checks: { rules: { 'dml-in-lop': 'off', 'soql-in-loop': 'loud', 'hardcoded-url': { level: 1 } } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('unknown rule "dml-in-lop"');
    expect(r.error).toContain('rule "soql-in-loop": "loud"');
    expect(r.error).toContain('"level"');
  });
  it('says so when the text is not JSON, or the shape is wrong', () => {
    expect(readChecksConfig('{').ok).toBe(false);
    expect(read([1]).ok).toBe(false);
    expect(read({ checks: { rules: [] } }).ok).toBe(false);
    expect(read({ rules: { 'dml-in-loop': { enabled: 'yes' } } }).ok).toBe(false);
  });
  it('treats __proto__ and constructor as the unknown rules they are', () => {
    const r = readChecksConfig('{"rules": {"__proto__": "off", "constructor": "error"}}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/unknown rule "__proto__".*unknown rule "constructor"/);
  });
});

describe('runChecks honours the settings', () => {
  it('a rule switched off reports nothing; a changed severity shows on every finding', () => {
    const off = checkFixture('missing-fault-path', 'with', config({ rules: { 'missing-fault-path': 'off' } }));
    expect(of(off, 'missing-fault-path')).toEqual([]);
    const loud = checkFixture('unused-resource', 'with', config({ rules: { 'unused-resource': 'error' } }));
    const unused = loud.filter((f) => f.rule === 'unused-resource');
    expect(unused.length).toBe(2);
    for (const f of unused) expect(f.severity).toBe('error');
  });
  it('an object setting with enabled: true and no severity keeps the default severity', () => {
    const f = checkFixture('dml-in-loop', 'with', config({ rules: { 'dml-in-loop': { enabled: true } } }));
    expect(f.find((x) => x.rule === 'dml-in-loop')?.severity).toBe('error');
  });
});

describe('writeChecksConfig', () => {
  const setting = fc.record(
    { enabled: fc.boolean(), severity: fc.constantFrom('error', 'warning', 'note' as const) },
    { requiredKeys: [] },
  );
  it('writes settings readChecksConfig reads back to the same effect', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...RULES.map((r) => r.id)), setting), (dict) => {
        const rules = new Map(Object.entries(dict) as [RuleId, RuleSetting][]);
        const back = config(JSON.parse(writeChecksConfig({ rules })));
        const effect = (s: RuleSetting | undefined, id: RuleId) =>
          s?.enabled === false ? 'off' : (s?.severity ?? RULES.find((r) => r.id === id)?.severity);
        for (const r of RULES) expect(effect(back.rules.get(r.id), r.id)).toBe(effect(rules.get(r.id), r.id));
      }),
    );
  });
  it('writes the short forms people type', () => {
    const text = writeChecksConfig({
      rules: new Map<RuleId, RuleSetting>([
        ['unused-resource', { enabled: false }],
        ['dml-in-loop', { enabled: true, severity: 'warning' }],
      ]),
    });
    expect(JSON.parse(text)).toEqual({ checks: { rules: { 'dml-in-loop': 'warning', 'unused-resource': 'off' } } });
  });
});
