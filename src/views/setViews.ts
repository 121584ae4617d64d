/**
 * A flow set's screens (issue 13), loaded as one chunk with the first set: its screen (the list, shown while
 * the set is read, so it always comes first), the bar over one of its flows, and Called by. One dynamic import
 * in the first screen instead of three (views/lazyParts.ts).
 */
export { CalledBy } from './set/CalledBy';
export { SetBar } from './set/SetBar';
export { SetScreen } from './set/SetScreen';
