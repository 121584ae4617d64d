/**
 * Which flow of an open set is on screen (issue 13), for the set's views only (their chunk, not the first
 * screen's): kept out of store.ts so the page that never opens a set does not carry it.
 */
import { withoutVersion } from '../model/set';
import type { AppState } from './types';

/**
 * The set's flow named by the breadcrumb's last step when that flow is what is on screen — not a flow opened
 * from elsewhere over it (a sample, a file, a paste), nor a comparison. Its "Called by" and crumb are its own.
 */
export const selectSetFlowShown = (s: AppState): string | undefined => {
  const set = s.set;
  const name = set?.status === 'ready' && !set.listing ? set.path.at(-1) : undefined;
  if (name === undefined || s.comparison) return undefined;
  // A Tooling record's flow is named in the set without the version its FullName may carry (sets/read.ts).
  const shown = s.flow?.doc.name;
  return shown === undefined || shown === name || withoutVersion(shown) === name ? name : undefined;
};
