/**
 * A change set's screens (issue 14), one chunk loaded with the first change set: its screen (the list, shown
 * while it is read) and the bar over one of its flows' comparison.
 */
export { ChangeBar } from './changes/ChangeBar';
export { ChangeScreen } from './changes/ChangeScreen';
