import type { PathActionsState } from './pathTypes';
import type { GetState, SetState, StoreDeps } from './types';

/** How do we get here? / What runs after (issue 15): the slice. */
export function pathSlice(set: SetState, get: GetState, deps: StoreDeps): PathActionsState {
  void set;
  void get;
  void deps;
  return { paths: undefined };
}
