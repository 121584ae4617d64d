/**
 * Review checks in the store (issue 15), loaded after the first canvas is drawn (checks.ts): runs the checks
 * on whatever comes on screen — a flow, or a comparison's two versions — once it is laid out and painted,
 * and keeps their findings and card notes; a new flow or comparison clears the old notes at once. The
 * panel's settings are remembered in this browser (checkSettings.ts) and re-run the checks when changed.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { DiffGraph } from '../model/diff/types';
import { NO_CARD_NOTES } from './cardNotes';
import { checkNotesOf } from './checkNotes';
import { browserStorage, readSettings, storeSettings, withoutDefaults } from './checkSettings';
import type { ChecksApi, ChecksResult, CheckComparison, Finding, RuleId, RuleSetting } from './checkTypes';
import { messageOf } from './screen';
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

/** A comparison's findings on its union graph: introduced and remaining on after nodes, fixed on before ones. */
function compared(api: ChecksApi, c: Comparison, config: { rules: ReadonlyMap<RuleId, RuleSetting> }) {
  const result = api.compareChecks(c.before.doc, c.after.doc, c.diff, config);
  const after = unionIds(c.diff.graph, 'afterId');
  const before = unionIds(c.diff.graph, 'beforeId');
  const comparison: CheckComparison = {
    introduced: result.introduced.map((f) => onUnion(f, after)),
    fixed: result.fixed.map((f) => onUnion(f, before)),
    remaining: result.remaining.map((f) => onUnion(f, after)),
  };
  const findings = [...comparison.introduced, ...comparison.remaining];
  return { findings, comparison, notes: checkNotesOf(findings, new Set(comparison.introduced)) };
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
    const config = { rules: s.checkSettings };
    const ran = a.RULES.filter((r) => s.checkSettings.get(r.id)?.enabled !== false).length;
    const started = performance.now();
    try {
      const done = s.comparison
        ? compared(a, s.comparison, config)
        : (() => {
            const findings = s.flow ? a.runChecks(s.flow.doc, s.flow.graph, config) : [];
            return { findings, comparison: undefined, notes: checkNotesOf(findings) };
          })();
      const checks: ChecksResult = { status: 'done', findings: done.findings, ran, ms: performance.now() - started };
      if (done.comparison) checks.comparison = done.comparison;
      set({ checks, checkNotes: done.notes });
    } catch (e) {
      set({ checks: { ...IDLE, status: 'error', ran, error: messageOf(e) }, checkNotes: NO_CARD_NOTES });
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
    if (s.checks.status !== 'idle' || s.checkNotes.size > 0) set({ checks: IDLE, checkNotes: NO_CARD_NOTES });
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
