import { lazyCode } from './lazyCode';
import type { SetActions } from './setActions';
import type { AppState, GetState, SetState, StoreDeps } from './types';

type SetSlice = Pick<AppState, 'set'> & SetActions;

/**
 * A flow set (issue 13). The actions' code (setActions.ts, and through it the set worker's client and the
 * repository reader) loads when a set is first opened, so the first screen carries none of it.
 */
export function setSlice(set: SetState, get: GetState, deps: StoreDeps): SetSlice {
  // A set opened a moment ago may still wait for this code: cancelling or closing it waits too (`later`).
  const { now, later, call } = lazyCode(() => import('./setActions').then((m) => m.setActions(set, get, deps)));
  return {
    set: undefined,
    openSet: call('openSet'),
    cancelSet: () => later((a) => a.cancelSet()),
    closeSet: () => {
      if (!now()) set({ set: undefined });
      later((a) => a.closeSet());
    },
    showSetList: () => now()?.showSetList(),
    searchSet: async (query) => now()?.searchSet(query),
    openSetFlow: call('openSetFlow'),
    setBreadcrumb: call('setBreadcrumb'),
  };
}
