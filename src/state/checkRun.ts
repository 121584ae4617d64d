/**
 * Review checks in the store (issue 15), loaded after the first canvas is drawn (checks.ts): runs the checks
 * on whatever comes on screen — a flow, or a comparison's two versions — once it is laid out and painted,
 * and keeps their findings and card notes; a new flow or comparison clears the old notes at once. The
 * panel's settings are remembered in this browser (checkSettings.ts) and re-run the checks when changed.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { DiffGraph } from '../model/diff/types';
import { type CardNotes, NO_CARD_NOTES } from './cardNotes';
import { checkNotesOf } from './checkNotes';
import { browserStorage, readSettings, storeSettings, withoutDefaults } from './checkSettings';
import type {
  CheckContext,
  ChecksApi,
  ChecksResult,
  CheckComparison,
  Finding,
  RuleId,
  RuleSetting,
} from './checkTypes';
import { messageOf } from './screen';
import { selectSetFlowShown } from './setShown';
import type { AppState, Comparison, GetState, SetState, StoreDeps } from './types';

export interface CheckActions {
  prepare: () => Promise<void>;
  setCheckRule: (rule: RuleId, setting: RuleSetting) => Promise<void>;
  resetCheckRules: () => Promise<void>;
}

const loadChecks = (): Promise<ChecksApi> => import('../checks/index');
const IDLE: ChecksResult = { status: 'idle', findings: [], ran: 0 };

/** What is on screen, as the checks see it: a comparison by its diff (its change list is re-sorted once laid out). */
const shownKey = (s: AppState): object | undefined => s.comparison?.diff ?? s.flow;

/** Runs `f` once the browser has painted what is on screen (at once where nothing paints). */
function afterPaint(f: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(f, 0));
  else setTimeout(f, 0);
}

/** A finding moved onto the union graph (`ids`: the version's node id → its union node id). */
const onUnion = (f: Finding, ids: ReadonlyMap<string, string>): Finding => {
  const node = f.node === undefined ? undefined : ids.get(f.node);
  const { node: _, ...rest } = f;
  return node === undefined ? rest : { ...rest, node };
};

function unionIds(graph: DiffGraph, side: 'beforeId' | 'afterId'): Map<string, string> {
  const ids = new Map<string, string>();
  for (const n of graph.nodes) {
    const id = n[side];
    if (id !== undefined) ids.set(id, n.id);
  }
  return ids;
}

/** A slice of checking takes about this long before the page gets a turn (a rule is never cut in two). */
const SLICE_MS = 12;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the rules one at a time (a config with only that rule on, at its setting) and gathers what each finds,
 * letting the page paint and answer between rules once a slice has taken SLICE_MS: a flow of thousands of
 * elements never holds the page for the whole run. Resolves undefined when `current()` turns false.
 */
async function byRule<T>(
  api: ChecksApi,
  settings: ReadonlyMap<RuleId, RuleSetting>,
  each: (config: { rules: ReadonlyMap<RuleId, RuleSetting> }) => T,
  current: () => boolean,
): Promise<T[] | undefined> {
  const out: T[] = [];
  let slice = performance.now();
  for (const rule of api.RULES) {
    if (settings.get(rule.id)?.enabled === false) continue;
    if (performance.now() - slice > SLICE_MS) {
      await yieldToPage();
      if (!current()) return undefined;
      slice = performance.now();
    }
    const only = new Map(api.RULES.map((r): [RuleId, RuleSetting] => [r.id, { enabled: false }]));
    only.set(rule.id, { ...settings.get(rule.id), enabled: true });
    out.push(each({ rules: only }));
  }
  return out;
}

/** One rule's answer on a comparison: its findings matched, and every finding of the before version. */
interface RulePart {
  compared: CheckComparison;
  before: readonly Finding[];
}

/** What tells a finding of one version apart (the fixed ones are the before version's, from a run of their own). */
const sameFinding = (f: Finding) => JSON.stringify([f.rule, f.node, f.element, f.detail, f.message]);

/**
 * A comparison's findings on its union graph: introduced and remaining on after nodes, fixed on before ones; the
 * notes of the after version (Overlay, After: the introduced said "new") and of the before version (Before: the
 * fixed said "fixed").
 */
function onUnionGraph(c: Comparison, results: readonly RulePart[]) {
  const after = unionIds(c.diff.graph, 'afterId');
  const before = unionIds(c.diff.graph, 'beforeId');
  const comparison: CheckComparison = {
    introduced: results.flatMap((r) => r.compared.introduced.map((f) => onUnion(f, after))),
    fixed: results.flatMap((r) => r.compared.fixed.map((f) => onUnion(f, before))),
    remaining: results.flatMap((r) => r.compared.remaining.map((f) => onUnion(f, after))),
  };
  const findings = [...comparison.introduced, ...comparison.remaining];
  const fixedKeys = new Set(comparison.fixed.map(sameFinding));
  const old = results.flatMap((r) => r.before.map((f) => onUnion(f, before)));
  const fixed = new Set(old.filter((f) => fixedKeys.has(sameFinding(f))));
  const notes = checkNotesOf(findings, new Set(comparison.introduced));
  return { findings, comparison, notes, notesBefore: checkNotesOf(old, undefined, fixed) };
}

/** A flow of the open set is checked against the set's newest `apiVersion` (`outdated-api-version`). */
function contextOf(s: AppState): CheckContext {
  // Not a flow opened from elsewhere over the set (a sample, a file): that one is judged alone.
  if (!s.set?.summary || selectSetFlowShown(s) === undefined) return {};
  let newest: number | undefined;
  for (const f of s.set.summary.flows) {
    if (f.apiVersion !== undefined && (newest === undefined || f.apiVersion > newest)) newest = f.apiVersion;
  }
  return newest === undefined ? {} : { newestApiVersion: newest };
}

export function checkActions(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  subscribe: StoreApi<AppState>['subscribe'],
): CheckActions {
  const storage = browserStorage();
  let loading: Promise<ChecksApi> | undefined;
  const ready = () =>
    (loading ??= (deps.checks ?? loadChecks)().then(
      (a) => {
        set({ checkRules: a.RULES, checkSettings: readSettings(a, storage) });
        return a;
      },
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    ));

  /** Runs the checks on what is on screen now, unless something else came on screen meanwhile. */
  const run = async () => {
    const key = shownKey(get());
    if (key === undefined) return;
    let a: ChecksApi;
    try {
      a = await ready();
    } catch (e) {
      if (shownKey(get()) === key) set({ checks: { ...IDLE, status: 'error', error: messageOf(e) } });
      return;
    }
    const s = get();
    if (shownKey(s) !== key) return;
    const settings = s.checkSettings;
    const ran = a.RULES.filter((r) => settings.get(r.id)?.enabled !== false).length;
    // Settings changed meanwhile: that run's answer counts, this one's is dropped.
    const current = () => shownKey(get()) === key && get().checkSettings === settings;
    const started = performance.now();
    try {
      const { comparison: c, flow } = s;
      type Shown = { findings: Finding[]; comparison?: CheckComparison; notes: CardNotes; notesBefore?: CardNotes };
      let shown: Shown | undefined;
      if (c) {
        // Each version checked once, on its own graph; the Before side shows `before`, the comparison pairs them.
        const each = (rules: Parameters<ChecksApi['runChecks']>[2]): RulePart => {
          const before = a.runChecks(c.before.doc, c.before.graph, rules);
          const after = a.runChecks(c.after.doc, c.after.graph, rules);
          return { compared: a.compareFindings(before, after, c.diff), before };
        };
        const parts = await byRule(a, settings, each, current);
        shown = parts && onUnionGraph(c, parts);
      } else if (flow) {
        const context = contextOf(s);
        const parts = await byRule(a, settings, (rules) => a.runChecks(flow.doc, flow.graph, rules, context), current);
        const findings = parts?.flat();
        shown = findings && { findings, notes: checkNotesOf(findings) };
      }
      if (!shown || !current()) return;
      const checks: ChecksResult = { status: 'done', findings: shown.findings, ran, ms: performance.now() - started };
      if (shown.comparison) checks.comparison = shown.comparison;
      set({ checks, checkNotes: shown.notes, checkNotesBefore: shown.notesBefore ?? NO_CARD_NOTES });
    } catch (e) {
      const none = { checkNotes: NO_CARD_NOTES, checkNotesBefore: NO_CARD_NOTES };
      if (current()) set({ checks: { ...IDLE, status: 'error', ran, error: messageOf(e) }, ...none });
    }
  };

  // What is on screen waits to be checked until it is laid out (and painted): `waiting` is its key.
  let shown = shownKey(get());
  let waiting = shown;
  let settled = true;
  const consider = () => {
    const s = get();
    if (waiting === undefined || !settled || s.layout.status === 'running' || shownKey(s) !== waiting) return;
    waiting = undefined;
    afterPaint(() => void run());
  };
  subscribe((s) => {
    const now = shownKey(s);
    if (now === shown) return consider();
    shown = now;
    waiting = now;
    // Its layout starts in the same turn as it comes on screen: looked at once that turn is over.
    settled = false;
    if (s.checks.status !== 'idle' || s.checkNotes.size > 0 || s.checkNotesBefore.size > 0) {
      set({ checks: IDLE, checkNotes: NO_CARD_NOTES, checkNotesBefore: NO_CARD_NOTES });
    }
    queueMicrotask(() => {
      settled = true;
      consider();
    });
  });
  consider();

  /** Settings changed: what is on screen is checked again at once (once it is laid out, if it is not yet). */
  const rerun = () => (waiting === undefined ? run() : undefined);
  return {
    prepare: async () => void (await ready()),
    setCheckRule: async (rule, setting) => {
      const a = await ready();
      const settings = new Map(get().checkSettings);
      const kept = withoutDefaults(
        a.RULES.find((r) => r.id === rule),
        { ...settings.get(rule), ...setting },
      );
      if (kept) settings.set(rule, kept);
      else settings.delete(rule);
      storeSettings(storage, settings);
      set({ checkSettings: settings });
      await rerun();
    },
    resetCheckRules: async () => {
      await ready();
      storeSettings(storage, new Map());
      set({ checkSettings: new Map() });
      await rerun();
    },
  };
}
