/** The store's runtime shapes (issue 16): interviews on the flow on screen, and the other Flow REST payloads. */
import type { CardNotes } from './cardNotes';

export interface RuntimeActionsState {
  /** Interviews' notes on the cards of the flow on screen (by node id); empty without interviews. */
  runtimeNotes: CardNotes;
}
