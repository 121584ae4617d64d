import { NO_CARD_NOTES } from './cardNotes';
import type { RuntimeActionsState } from './runtimeTypes';
import type { GetState, SetState, StoreDeps } from './types';

/** Interviews and the other Flow REST payloads (issue 16): the slice; its code loads on first use. */
export function runtimeSlice(set: SetState, get: GetState, deps: StoreDeps): RuntimeActionsState {
  void set;
  void get;
  void deps;
  return { runtimeNotes: NO_CARD_NOTES };
}
