/**
 * The Checks panel's settings, remembered in this browser (`localStorage`) in a `.flowscope.json`'s shape —
 * `{"checks": {"rules": {"dml-in-loop": "off", "hardcoded-id": "error"}}}` — and read back with the checks'
 * own reader, so the app and the CLI agree on what a setting means. A stored value that is broken, or a
 * storage that cannot be read (a sandboxed frame, private mode), is ignored: the defaults apply.
 */
import type { ChecksApi, Rule, RuleId, RuleSetting } from './checkTypes';

export const CHECKS_STORAGE_KEY = 'flowscope.checks';

/** This browser's `localStorage`, when there is one and it may be touched. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The settings remembered in `storage`; none when there are none, or they cannot be read. */
export function readSettings(api: ChecksApi, storage: Storage | undefined): Map<RuleId, RuleSetting> {
  try {
    const text = storage?.getItem(CHECKS_STORAGE_KEY);
    if (!text) return new Map();
    const read = api.readChecksConfig(text);
    return read.ok ? new Map(read.config.rules) : new Map();
  } catch {
    return new Map();
  }
}

/** A setting without what is the rule's default anyway (`undefined`: nothing left to remember). */
export function withoutDefaults(rule: Rule | undefined, setting: RuleSetting): RuleSetting | undefined {
  const out: RuleSetting = {};
  if (setting.enabled === false) out.enabled = false;
  if (setting.severity && setting.severity !== rule?.severity) out.severity = setting.severity;
  return out.enabled === undefined && out.severity === undefined ? undefined : out;
}

/** The `.flowscope.json` text of the settings: a rule off is `"off"`, at another severity that severity. */
export function settingsText(settings: ReadonlyMap<RuleId, RuleSetting>): string {
  const rules: Record<string, string | RuleSetting> = Object.create(null);
  for (const [id, s] of settings) {
    if (s.enabled === false) rules[id] = s.severity ? { enabled: false, severity: s.severity } : 'off';
    else if (s.severity) rules[id] = s.severity;
  }
  return JSON.stringify({ checks: { rules } });
}

/** Remembers the settings (forgets them when there are none); a full or locked storage is left as it is. */
export function storeSettings(storage: Storage | undefined, settings: ReadonlyMap<RuleId, RuleSetting>): void {
  try {
    if (settings.size === 0) storage?.removeItem(CHECKS_STORAGE_KEY);
    else storage?.setItem(CHECKS_STORAGE_KEY, settingsText(settings));
  } catch {
    // Not remembered: the settings still apply in this tab.
  }
}
