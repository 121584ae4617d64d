import type { StoreApi } from 'zustand/vanilla';
import { NO_CARD_NOTES } from './cardNotes';
import { lazyCode } from './lazyCode';
import type { ChecksActionsState } from './checkTypes';
import type { AppState, GetState, SetState, StoreDeps } from './types';

/** How long after the first canvas is drawn the checks' code is fetched: never part of the first screen. */
const FIRST_FETCH_MS = 1000;

/**
 * Review checks (issue 15): the slice. Its code (checkRun.ts, and through it src/checks/) is fetched a moment
 * after the first canvas is drawn (at once without a layout: nothing is drawn) or when the Checks panel asks;
 * from then on it runs the checks on whatever comes on screen.
 */
export function checksSlice(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  subscribe: StoreApi<AppState>['subscribe'],
): ChecksActionsState {
  const { real, pending, call } = lazyCode(() =>
    import('./checkRun').then((m) => m.checkActions(set, get, deps, subscribe)),
  );
  const stop = subscribe((s) => {
    if (pending() || !(deps.layout ? s.layout.status === 'done' : s.flow || s.comparison)) return;
    stop();
    // Failing to fetch is said by the Checks panel, whose prepareChecks fetches again.
    setTimeout(() => void real().catch(() => undefined), deps.layout ? FIRST_FETCH_MS : 0);
  });
  return {
    checkNotes: NO_CARD_NOTES,
    checkNotesBefore: NO_CARD_NOTES,
    checks: { status: 'idle', findings: [], ran: 0 },
    checkRules: [],
    checkSettings: new Map(),
    prepareChecks: call('prepare'),
    setCheckRule: call('setCheckRule'),
    resetCheckRules: call('resetCheckRules'),
    selectFinding: (node) => {
      get().select(node);
      set({ selectedByStep: true });
    },
  };
}
