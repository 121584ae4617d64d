import type { ChangeSetActions } from './changeSetActions';
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
  let actions: ChangeSetActions | undefined;
  let loading: Promise<ChangeSetActions> | undefined;
  const real = () =>
    (loading ??= import('./changeSetActions').then(
      (m) => (actions = m.changeSetActions(set, get, deps, plain)),
      (e: unknown) => {
        loading = undefined; // tried again by the next action
        throw e;
      },
    ));
  /** A change set opened a moment ago may still wait for this code: cancelling or closing it waits too. */
  const later = (f: (a: ChangeSetActions) => void) => (actions ? f(actions) : void loading?.then(f, () => undefined));
  return {
    changeSet: undefined,
    openChanges: async (input) => (await real()).openChanges(input),
    cancelChanges: () => later((a) => a.cancelChanges()),
    closeChanges: () => {
      set({ changeSet: undefined });
      later((a) => a.closeChanges());
    },
    showChangeList: () => actions?.showChangeList(),
    openChangedFlow: async (name, options) => (await real()).openChangedFlow(name, options),
    stepChange: (delta) => (actions ?? { stepChange: plain }).stepChange(delta),
  };
}
