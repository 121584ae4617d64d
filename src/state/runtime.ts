import { formatOf } from '../model/parse/read';
import { NO_CARD_NOTES } from './cardNotes';
import { lazyCode } from './lazyCode';
import type { RuntimeActionsState } from './runtimeTypes';
import type { AppState, GetState, SetState, StoreDeps } from './types';

/** What FlowInterview records start with (their type, or their fields), as a query's answer gives them. */
const INTERVIEWS = /"(InterviewStatus|CurrentElement|FlowInterview)"/;

/** What a new screen starts without: interviews belong to the flow they were overlaid on. */
export const NO_RUNTIME: Partial<AppState> = { runtime: undefined, runtimeNotes: NO_CARD_NOTES, restView: undefined };

/**
 * Interviews and the other Flow REST payloads (issue 16): the slice. Its code (runtimeActions.ts, the payload
 * detection and placement) loads on first use: a pasted JSON text that is no flow, the Interviews dialog.
 */
export function runtimeSlice(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
): Omit<RuntimeActionsState, 'readOrgInterviews'> {
  const { real, now, call } = lazyCode(() => import('./runtimeActions').then((m) => m.runtimeActions(set, get, deps)));
  let failed = false;
  return {
    runtimeNotes: NO_CARD_NOTES,
    overlayInterviews: call('overlayInterviews'),
    queryOrgInterviews: call('queryOrgInterviews'),
    cancelOrgInterviews: () => now()?.cancelOrgInterviews(),
    clearRuntime: () => set(NO_RUNTIME),
    closeRestView: () => set({ restView: undefined }),
    openPayload: (text, source, retry, early) => {
      if (formatOf(text) !== 'json' || (early && !INTERVIEWS.test(text.slice(0, 2000)))) return false;
      const actions = now();
      if (actions) return actions.openPayload(text, source);
      // Code that could not load: the retry says the text is no flow (the next paste tries loading it again).
      if (failed) {
        if (!early) failed = false;
        return false;
      }
      real()
        .catch(() => {
          failed = true;
        })
        .then(retry);
      return true;
    },
    preparePayload: async (text) => {
      if (formatOf(text) === 'json') await real().catch(() => undefined);
    },
  };
}
