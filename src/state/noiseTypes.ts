/** The store's noise-filter shapes (issue 15): which kinds of change a comparison hides. */
import type { NoiseKind } from '../model/diff/noise';
import type { FlowDiff } from '../model/diff/types';

/** `Comparison.filtering`: its diff before the noise filters took changes out, and what each one hides. */
export interface NoiseFiltering {
  raw: FlowDiff;
  hidden: Record<NoiseKind, number>;
}

export interface NoiseActionsState {
  /**
   * The kinds of change the comparison on screen hides (none by default; a link may carry some). It stays
   * from one comparison to the next (Swap, another pair, a change set's next flow) until changed.
   */
  noise: ReadonlySet<NoiseKind>;
  /** Hides these kinds of change: the comparison on screen is filtered again at once (its layout stays). */
  setNoise: (kinds: ReadonlySet<NoiseKind>) => Promise<void>;
  /** Turns one filter on or off. */
  toggleNoise: (kind: NoiseKind) => Promise<void>;
}
