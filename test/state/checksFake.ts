import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { ChecksApi, ChecksConfig, Finding, Rule, RuleId, RuleSetting, Severity } from '../../src/checks/types';
import type { FlowGraph } from '../../src/model/graph';
import type { FlowDoc } from '../../src/model/types';

/** Our own fixtures: a loop that updates after it (v1), and one that updates inside it (v2). */
export const contactSync = (v: 1 | 2) =>
  readFileSync(
    join(__dirname, '../fixtures/checks-ui', v === 1 ? 'Contact_Sync.flow-meta.xml' : 'Contact_Sync.v2.flow-meta.xml'),
    'utf8',
  );

const rule = (id: RuleId, name: string, severity: Severity): Rule => ({
  id,
  name,
  severity,
  summary: `Finds ${name.toLowerCase()}.`,
  help: `Why ${name.toLowerCase()} matters, and how to fix it.`,
});

/**
 * A stand-in for src/checks/ with three simple rules, so the store and the views are tested apart from the
 * real rules: an update right after a loop's For Each connector, a data element or action without a fault
 * connector, an output variable (a finding on no element).
 */
export const FAKE_RULES: Rule[] = [
  rule('dml-in-loop', 'DML statement in a loop', 'error'),
  rule('missing-fault-path', 'Missing fault path', 'warning'),
  rule('unused-resource', 'Unused resource', 'note'),
];

function run(doc: FlowDoc, graph: FlowGraph, config?: ChecksConfig): Finding[] {
  const setting = (id: RuleId) => config?.rules.get(id);
  const on = (id: RuleId) => setting(id)?.enabled !== false;
  const severity = (id: RuleId) => setting(id)?.severity ?? (FAKE_RULES.find((r) => r.id === id)?.severity as Severity);
  const out: Finding[] = [];
  const inLoop = new Set(graph.edges.filter((e) => e.kind === 'loopNext').map((e) => e.target));
  for (const el of doc.elements) {
    if (on('dml-in-loop') && el.type === 'recordUpdates' && inLoop.has(el.name))
      out.push({
        rule: 'dml-in-loop',
        severity: severity('dml-in-loop'),
        element: el.name,
        node: el.name,
        message: `${el.label} (${el.name}) runs inside a loop`,
      });
    if (
      on('missing-fault-path') &&
      ['recordUpdates', 'recordLookups', 'actionCalls'].includes(el.type) &&
      el.data.faultConnector === undefined
    )
      out.push({
        rule: 'missing-fault-path',
        severity: severity('missing-fault-path'),
        element: el.name,
        node: el.name,
        message: `${el.label} (${el.name}) has no fault path`,
      });
  }
  for (const r of doc.resources)
    if (on('unused-resource') && r.data.isOutput === 'true')
      out.push({
        rule: 'unused-resource',
        severity: severity('unused-resource'),
        element: r.name,
        message: `<b>${r.name}</b> is never used`,
      });
  return out;
}

const key = (f: Finding) => `${f.rule}|${f.element}`;

function readConfig(text: string): ReturnType<ChecksApi['readChecksConfig']> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: String(e) };
  }
  const rules = (json as { checks?: { rules?: Record<string, unknown> } })?.checks?.rules;
  if (typeof rules !== 'object' || rules === null) return { ok: false, error: 'no checks.rules' };
  const m = new Map<RuleId, RuleSetting>();
  for (const [id, v] of Object.entries(rules)) {
    if (v === 'off') m.set(id as RuleId, { enabled: false });
    else if (v === 'error' || v === 'warning' || v === 'note') m.set(id as RuleId, { severity: v });
    else if (typeof v === 'object' && v !== null) m.set(id as RuleId, v as RuleSetting);
    else return { ok: false, error: `${id}: ${String(v)}` };
  }
  return { ok: true, config: { rules: m } };
}

/** Two lists of the fake's findings compared by key (the fake has no renames). */
function compareLists(b: readonly Finding[], a: readonly Finding[]) {
  const had = new Set(b.map(key));
  const has = new Set(a.map(key));
  return {
    introduced: a.filter((f) => !had.has(key(f))),
    fixed: b.filter((f) => !has.has(key(f))),
    remaining: a.filter((f) => had.has(key(f))),
  };
}

/** The fake's API, each function a spy. */
export function fakeChecks() {
  const api = {
    RULES: FAKE_RULES,
    runChecks: vi.fn(run),
    compareChecks: vi.fn((before: FlowDoc, after: FlowDoc, _diff: unknown, config?: ChecksConfig) => {
      const graphOf = (d: FlowDoc) => ({
        nodes: [],
        edges: d.elements.flatMap((e) => {
          const t = (e.data.nextValueConnector as { targetReference?: string } | undefined)?.targetReference;
          return t ? [{ id: `${e.name}-${t}`, source: e.name, target: t, kind: 'loopNext' as const, goTo: false }] : [];
        }),
      });
      const b = run(before, graphOf(before) as unknown as FlowGraph, config);
      const a = run(after, graphOf(after) as unknown as FlowGraph, config);
      return compareLists(b, a);
    }),
    compareFindings: vi.fn(compareLists),
    readChecksConfig: vi.fn(readConfig),
  } satisfies ChecksApi;
  return { api, service: vi.fn(async () => api) };
}

/** A `localStorage` in memory (Node has none). */
export function memoryStorage(initial: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(initial));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}
