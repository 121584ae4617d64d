/** The store's review-checks shapes (issue 15). */
import type { CardNotes } from './cardNotes';

export interface ChecksActionsState {
  /** The checks' notes on the cards of what is on screen (by node id); empty until the checks have run. */
  checkNotes: CardNotes;
}
