import type { PathActionsState } from './pathTypes';
import type { GetState, SetState, StoreDeps } from './types';

/**
 * How do we get here? / What runs after (issue 15): the slice. Its code (the model, the conditions, Clear) loads
 * with the first path asked for: `pathActions.ts`; the views read it through `pathSelect.ts`.
 */
export function pathSlice(set: SetState, get: GetState, deps: StoreDeps): PathActionsState {
  void deps;
  const ticket = { n: 0 };
  const actions = () => import('./pathActions');
  return {
    showPaths: (kind) => {
      const asked = get();
      const mine = ++ticket.n;
      return actions().then((m) => m.showPaths(asked, mine, ticket, kind, get, set));
    },
    clearPaths: () => {
      ticket.n++;
      return actions().then((m) => m.clearPaths(get, set));
    },
  };
}
