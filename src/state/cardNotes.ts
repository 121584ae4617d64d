/**
 * Notes a card shows under its label besides the built-in badges (Fault, Go To, Unreachable): review checks'
 * findings (issue 15) and interviews standing at the element (issue 16). Each is told by a mark and a word,
 * never colour alone. Keyed by the node id of what is drawn (a flow's graph, or a comparison's union graph).
 */
export interface CardNote {
  /** Stable within the card: React's key, and a test's handle. */
  key: string;
  /** A short mark before the text: "⚠", "✖", "⏸". */
  mark: string;
  /** The words on the card: "2 warnings", "12 paused · 2 error". */
  text: string;
  /** The tooltip: the findings' or interviews' words in full. */
  title: string;
  tone: 'error' | 'warning' | 'note' | 'info';
}

export type CardNotes = ReadonlyMap<string, readonly CardNote[]>;
export const NO_CARD_NOTES: CardNotes = new Map();
