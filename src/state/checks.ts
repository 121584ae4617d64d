import { NO_CARD_NOTES } from './cardNotes';
import type { ChecksActionsState } from './checkTypes';
import type { GetState, SetState, StoreDeps } from './types';

/** Review checks (issue 15): the slice; its code loads on first use. */
export function checksSlice(set: SetState, get: GetState, deps: StoreDeps): ChecksActionsState {
  void set;
  void get;
  void deps;
  return { checkNotes: NO_CARD_NOTES };
}
