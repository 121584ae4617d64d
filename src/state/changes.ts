import { foldChanges } from '../model/diff/fold';
import type { FlowDiff } from '../model/diff/types';
import { messageOf } from './screen';
import type { AppState, ChangesView, GetState, SetState, StoreDeps } from './types';

type ChangesSlice = Pick<AppState, 'showChanges' | 'expandFold'>;

/**
 * Changes only draws its own graph (`model/diff/fold.ts`: the changes, their neighbours, folds between),
 * laid out by the same layout service as everything else. It is asked for only once the union layout is
 * done: the browser's layout worker answers only its newest request, so asking earlier would drop that one.
 */
export function changesSlice(set: SetState, get: GetState, deps: StoreDeps): ChangesSlice {
  const layOut = (diff: FlowDiff, revealed: ReadonlySet<string>) => {
    const union = get().layout;
    if (union.status !== 'done') return;
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
    showChanges: () => {
      const c = get().comparison;
      if (c && get().changesView?.diff !== c.diff) layOut(c.diff, new Set());
    },
    expandFold: (foldId) => {
      const c = get().comparison;
      const v = get().changesView;
      const fold = v?.folded.folds.find((f) => f.id === foldId);
      if (c && v && fold && v.diff === c.diff) layOut(c.diff, new Set([...v.revealed, ...fold.members]));
    },
  };
}
