/** The store's path shapes (issue 15): How do we get here? / What runs after. */

export interface PathActionsState {
  /** The path asked for on screen, drawn as the highlight; absent when none is. */
  paths?: { kind: 'to' | 'after'; node: string };
}
