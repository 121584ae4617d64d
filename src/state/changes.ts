import type { FlowDiff } from '../model/diff/types';
import { aboutScreen, internalError, messageOf } from './screen';
import type { AppState, ChangesView, GetState, SetState, StoreDeps } from './types';

type ChangesSlice = Pick<AppState, 'showChanges' | 'expandFold'>;

/**
 * Changes only draws its own graph (`model/diff/fold.ts`: the changes, their neighbours, folds between),
 * laid out by the same layout service as everything else. It is asked for only once the union layout is
 * done: the browser's layout worker answers only its newest request, so asking earlier would drop that one.
 */
export function changesSlice(set: SetState, get: GetState, deps: StoreDeps): ChangesSlice {
  const layOut = async (diff: FlowDiff, revealed: ReadonlySet<string>) => {
    if (get().layout.status !== 'done') return;
    // The folding code loads the first time Changes only opens: a page that never asks for it does not pay.
    let foldChanges: typeof import('../model/diff/fold').foldChanges;
    try {
      ({ foldChanges } = await import('../model/diff/fold'));
    } catch (e) {
      set({ changesView: undefined, error: internalError('diff', e, aboutScreen(get().flow, get().comparison)) });
      return;
    }
    const union = get().layout;
    // Something else came on screen while it loaded.
    if (union.status !== 'done' || get().comparison?.diff !== diff) return;
    const folded = foldChanges(diff.graph, revealed);
    const view = (layout: ChangesView['layout']): ChangesView => ({ diff, revealed, folded, layout });
    // Nothing folded: every other mode's picture, as a new object so the canvas takes it as new and fits it.
    if (folded.folds.length === 0) {
      set({ changesView: view({ status: 'done', layout: { ...union.layout }, ms: 0 }) });
      return;
    }
    const service = deps.layout;
    if (!service) {
      set({ changesView: view({ status: 'idle' }) });
      return;
    }
    set({ changesView: view({ status: 'running' }) });
    const started = performance.now();
    const current = () => get().changesView?.folded === folded;
    let running: ReturnType<typeof service>;
    try {
      running = service(
        folded.graph,
        (progress) => current() && set({ changesView: view({ status: 'running', progress }) }),
      );
    } catch (e) {
      running = Promise.reject(e);
    }
    running.then(
      (layout) => current() && set({ changesView: view({ status: 'done', layout, ms: performance.now() - started }) }),
      (e: unknown) => current() && set({ changesView: view({ status: 'error', message: messageOf(e) }) }),
    );
  };
  return {
    showChanges: async () => {
      const c = get().comparison;
      if (c && get().changesView?.diff !== c.diff) await layOut(c.diff, new Set());
    },
    expandFold: async (foldId) => {
      const c = get().comparison;
      const v = get().changesView;
      const fold = v?.folded.folds.find((f) => f.id === foldId);
      if (c && v && fold && v.diff === c.diff) await layOut(c.diff, new Set([...v.revealed, ...fold.members]));
    },
  };
}
