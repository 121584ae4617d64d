import type { ChangeSetActions } from './changeSetActions';
import type { AppState, GetState, SetState, StoreDeps } from './types';

type ChangeSlice = Pick<
  AppState,
  'changeSet' | 'openChanges' | 'cancelChanges' | 'closeChanges' | 'showChangeList' | 'openChangedFlow' | 'stepChange'
>;

/**
 * A change set (issue 14). The actions' code (changeSetActions.ts, and through it the worker's client and the
 * readers) loads with the first change set. `stepChange` goes on across flows: past the last change of a
 * change set's flow, n opens the next flow's comparison at its first change (p the previous one's at its last);
 * any other comparison steps as `plain` does.
 */
export function changeSetSlice(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  plain: AppState['stepChange'],
): ChangeSlice {
  let actions: ChangeSetActions | undefined;
  let loading: Promise<ChangeSetActions> | undefined;
  const real = () => {
    loading ??= import('./changeSetActions').then(
      (m) => {
        actions = m.changeSetActions(set, get, deps);
        return actions;
      },
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    );
    return loading;
  };
  const later = (f: (a: ChangeSetActions) => void) => (actions ? f(actions) : void loading?.then(f, () => undefined));
  return {
    changeSet: undefined,
    openChanges: async (input) => (await real()).openChanges(input),
    cancelChanges: () => later((a) => a.cancelChanges()),
    closeChanges: () => {
      if (!actions) set({ changeSet: undefined });
      later((a) => a.closeChanges());
    },
    showChangeList: () => actions?.showChangeList(),
    openChangedFlow: async (name, options) => (await real()).openChangedFlow(name, options),
    stepChange: (delta) => {
      const s = get();
      const c = s.comparison;
      const next = actions && c && actions.owns(c) ? actions.neighbour(delta) : undefined;
      if (c && next !== undefined) {
        const n = c.changes.length;
        const i = s.changeIndex;
        const atEdge = n === 0 || (delta === 1 ? i === n - 1 : i === 0);
        if (atEdge) {
          void actions?.openChangedFlow(next, { at: delta === 1 ? 'first' : 'last' });
          return;
        }
      }
      plain(delta);
    },
  };
}
