import type { SetActions } from './setActions';
import type { AppState, GetState, SetState, StoreDeps } from './types';

type SetSlice = Pick<AppState, 'set'> & SetActions;

/**
 * A flow set (issue 13). The actions' code (setActions.ts, and through it the set worker's client and the
 * repository reader) loads when a set is first opened, so the first screen carries none of it.
 */
export function setSlice(set: SetState, get: GetState, deps: StoreDeps): SetSlice {
  let actions: SetActions | undefined;
  let loading: Promise<SetActions> | undefined;
  const real = () => {
    loading ??= import('./setActions').then(
      (m) => {
        actions = m.setActions(set, get, deps);
        return actions;
      },
      (e: unknown) => {
        loading = undefined; // a failed load is tried again by the next action
        throw e;
      },
    );
    return loading;
  };
  /** A set opened a moment ago may still wait for this code: cancelling or closing it waits too. */
  const later = (f: (a: SetActions) => void) => (actions ? f(actions) : void loading?.then(f, () => undefined));
  return {
    set: undefined,
    openSet: async (input) => (await real()).openSet(input),
    cancelSet: () => later((a) => a.cancelSet()),
    closeSet: () => {
      if (!actions) set({ set: undefined });
      later((a) => a.closeSet());
    },
    showSetList: () => actions?.showSetList(),
    searchSet: async (query) => (actions ? actions.searchSet(query) : undefined),
    openSetFlow: async (name, options) => (await real()).openSetFlow(name, options),
    setBreadcrumb: async (index) => (await real()).setBreadcrumb(index),
  };
}
