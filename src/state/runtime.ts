import { formatOf } from '../model/parse/read';
import { NO_CARD_NOTES } from './cardNotes';
import type { RuntimeActions } from './runtimeActions';
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
  let actions: RuntimeActions | undefined;
  let loading: Promise<RuntimeActions> | undefined;
  let failed = false;
  const real = () => {
    loading ??= import('./runtimeActions')
      .then((m) => m.runtimeActions(set, get, deps))
      .then(
        (a) => {
          actions = a;
          return a;
        },
        (e: unknown) => {
          loading = undefined; // a failed load (of either part) is tried again by the next action
          throw e;
        },
      );
    return loading;
  };
  /** An action of the lazy code, called once it is here. */
  const later = <K extends 'overlayInterviews' | 'queryOrgInterviews'>(k: K) =>
    ((...a: unknown[]) => real().then((r) => (r[k] as (...x: unknown[]) => unknown)(...a))) as RuntimeActions[K];
  return {
    runtimeNotes: NO_CARD_NOTES,
    overlayInterviews: later('overlayInterviews'),
    queryOrgInterviews: later('queryOrgInterviews'),
    cancelOrgInterviews: () => actions?.cancelOrgInterviews(),
    clearRuntime: () => set(NO_RUNTIME),
    closeRestView: () => set({ restView: undefined }),
    openPayload: (text, source, retry, early) => {
      if (formatOf(text) !== 'json' || (early && !INTERVIEWS.test(text.slice(0, 2000)))) return false;
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
