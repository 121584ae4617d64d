/** The store's noise-filter shapes (issue 15): which kinds of change a comparison hides. */
import type { NoiseKind } from '../model/diff/noise';

export interface NoiseActionsState {
  /** The kinds of change the comparison on screen hides (none by default; a link may carry some). */
  noise: ReadonlySet<NoiseKind>;
}
