import type { PathView } from './pathTypes';
import type { AppState } from './types';

/** The path on screen: the one asked for last, while the canvas still draws its highlight for the selection. */
export const selectPaths = (s: AppState): PathView | undefined =>
  s.paths && s.paths.highlight === s.highlight && s.paths.node === s.selection ? s.paths : undefined;
