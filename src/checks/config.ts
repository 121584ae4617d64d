/**
 * Rule settings: a `.flowscope.json`'s `checks` (or the Checks panel's stored settings) read and written, and
 * the severity a rule has once they apply.
 */
import { isRuleId, RULE_IDS, ruleOf } from './rules';
import type { ChecksConfig, RuleId, RuleSetting, Severity } from './types';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'note']);
const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && SEVERITIES.has(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const EMPTY_CONFIG: ChecksConfig = { rules: new Map() };

type Read = { ok: true; config: ChecksConfig } | { ok: false; error: string };

/**
 * `{"checks": {"rules": {…}}}` or a bare `{"rules": {…}}`; each rule `"off"`, a severity, or
 * `{"enabled": bool, "severity": "…"}`. Unknown rule ids and bad values are errors that name them.
 */
export function readChecksConfig(text: string): Read {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The checks settings are not valid JSON: ${(e as Error).message}` };
  }
  return checksConfigOf(parsed);
}

/** The same reading of an already parsed value (a `.flowscope.json` read for other settings too). */
export function checksConfigOf(parsed: unknown): Read {
  if (!isRecord(parsed)) return { ok: false, error: 'The checks settings must be a JSON object.' };
  let holder: Record<string, unknown> = parsed;
  if (Object.hasOwn(parsed, 'checks')) {
    const checks = parsed.checks;
    if (!isRecord(checks)) return { ok: false, error: '"checks" must be an object with "rules".' };
    holder = checks;
  }
  if (!Object.hasOwn(holder, 'rules')) return { ok: true, config: { rules: new Map() } };
  const rules = holder.rules;
  if (!isRecord(rules)) return { ok: false, error: '"rules" must be an object of rule ids.' };
  const out = new Map<RuleId, RuleSetting>();
  const errors: string[] = [];
  for (const [id, value] of Object.entries(rules)) {
    if (!isRuleId(id)) {
      errors.push(`unknown rule "${id}"`);
      continue;
    }
    const setting = settingOf(value);
    if (typeof setting === 'string') errors.push(`rule "${id}": ${setting}`);
    else out.set(id, setting);
  }
  if (errors.length > 0) return { ok: false, error: `The checks settings are wrong: ${errors.join('; ')}.` };
  return { ok: true, config: { rules: out } };
}

const WANT = '"off", "error", "warning", "note" or {"enabled": true|false, "severity": "error"|"warning"|"note"}';

function settingOf(value: unknown): RuleSetting | string {
  if (value === 'off') return { enabled: false };
  if (value === 'on') return { enabled: true };
  if (isSeverity(value)) return { enabled: true, severity: value };
  if (!isRecord(value)) return `${JSON.stringify(value) ?? String(value)} is not ${WANT}`;
  const setting: RuleSetting = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'enabled') {
      if (typeof v !== 'boolean') return `"enabled" must be true or false, not ${JSON.stringify(v)}`;
      setting.enabled = v;
    } else if (key === 'severity') {
      if (!isSeverity(v)) return `"severity" must be "error", "warning" or "note", not ${JSON.stringify(v)}`;
      setting.severity = v;
    } else return `unknown setting "${key}" (expected "enabled" and "severity")`;
  }
  return setting;
}

/**
 * The settings as `.flowscope.json` text (`{"checks": {"rules": …}}`), rules in table order, each in its
 * shortest form; readChecksConfig reads it back to the same settings.
 */
export function writeChecksConfig(config: ChecksConfig): string {
  const rules: Record<string, unknown> = {};
  const ids = [...config.rules.keys()].sort((a, b) => order(a) - order(b));
  for (const id of ids) {
    const s = config.rules.get(id) as RuleSetting;
    if (s.enabled === false && s.severity === undefined) rules[id] = 'off';
    else if (s.enabled !== false && s.severity !== undefined) rules[id] = s.severity;
    else rules[id] = { ...s };
  }
  return `${JSON.stringify({ checks: { rules } }, null, 2)}\n`;
}

const order = (id: RuleId): number => RULE_IDS.indexOf(id);

/** A rule's severity under the settings, or undefined when it is off. */
export function severityOf(id: RuleId, config: ChecksConfig | undefined): Severity | undefined {
  const rule = ruleOf(id);
  if (!rule) return undefined;
  const s = config?.rules.get(id);
  if (s?.enabled === false) return undefined;
  return s?.severity ?? rule.severity;
}
