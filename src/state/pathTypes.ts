/** The store's path shapes (issue 15): How do we get here? / What runs after. */
import type { PathCondition } from '../describe/pathConditions';
import type { PathCount } from '../model/paths';
import type { Highlight } from './types';

export type PathKind = 'to' | 'after';

/** A path asked for on screen: what it highlights and what the panel says about it. */
export interface PathView {
  kind: PathKind;
  /** The element it was asked for (a graph node id; a comparison's union graph id). */
  node: string;
  /**
   * The highlight it drew on the canvas. The path is on screen while this is the store's `highlight`: selecting
   * another element, Esc or a new flow replace it, and so end the path (`selectPaths`).
   */
  highlight: Highlight;
  /** `to` only: false when Start does not reach the element. */
  reachable: boolean;
  /** `to` only: how many paths lead from Start to the element. */
  count?: PathCount;
  /** `to` only: the outcomes, filters, waits and loops on the way, from Start to the element. */
  conditions: PathCondition[];
  /** Elements in the set, the element itself and Start included. */
  elements: number;
}

export interface PathActionsState {
  /** The path asked for last; read it through `selectPaths` (`pathSelect.ts`): it drops one no longer drawn. */
  paths?: PathView;
  /** Highlights the way from Start to the selected element (`to`) or everything after it (`after`). */
  showPaths: (kind: PathKind) => Promise<void>;
  /** Back to the selected element's own highlight (once the path code is here: at once after a path was shown). */
  clearPaths: () => Promise<void>;
}
