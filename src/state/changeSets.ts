import { lazyCode } from './lazyCode';
import type { AppState, GetState, SetState, StoreDeps } from './types';

type ChangeSlice = Pick<
  AppState,
  'changeSet' | 'openChanges' | 'cancelChanges' | 'closeChanges' | 'showChangeList' | 'openChangedFlow' | 'stepChange'
>;

/**
 * A change set (issue 14). The actions' code (changeSetActions.ts, and through it the worker's client and the
 * readers) loads with the first change set; until then `stepChange` is the flow slice's (`plain`), after it
 * goes on across the change set's flows.
 */
export function changeSetSlice(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  plain: AppState['stepChange'],
): ChangeSlice {
  // A change set opened a moment ago may still wait for this code: cancelling or closing it waits too (`later`).
  const { now, later, call } = lazyCode(() =>
    import('./changeSetActions').then((m) => m.changeSetActions(set, get, deps, plain)),
  );
  return {
    changeSet: undefined,
    openChanges: call('openChanges'),
    cancelChanges: () => later((a) => a.cancelChanges()),
    closeChanges: () => {
      set({ changeSet: undefined });
      later((a) => a.closeChanges());
    },
    showChangeList: () => now()?.showChangeList(),
    openChangedFlow: call('openChangedFlow'),
    stepChange: (delta) => (now() ?? { stepChange: plain }).stepChange(delta),
  };
}
