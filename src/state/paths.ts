import { highlightOf, NO_HIGHLIGHT } from './highlight';
import type { PathActionsState, PathView } from './pathTypes';
import type { AppState, GetState, SetState, StoreDeps } from './types';

/** The path code (model, conditions), loaded the first time a path is asked for. */
const loadActions = () => import('./pathActions');

/** The path on screen: the one asked for last, while the canvas still draws its highlight. */
export const selectPaths = (s: AppState): PathView | undefined =>
  s.paths && s.paths.highlight === s.highlight && s.paths.node === s.selection ? s.paths : undefined;

/** How do we get here? / What runs after (issue 15): the slice. */
export function pathSlice(set: SetState, get: GetState, deps: StoreDeps): PathActionsState {
  void deps;
  let ticket = 0;
  return {
    paths: undefined,
    showPaths: async (kind) => {
      const s = get();
      const node = s.selection;
      if (node === undefined) return;
      const mine = ++ticket;
      const { pathView } = await loadActions();
      const now = get();
      // Another ask, another selection or another flow since: this one is stale.
      if (mine !== ticket || now.selection !== node || now.flow !== s.flow || now.comparison !== s.comparison) return;
      const view = pathView(now, kind, node);
      if (view) set({ paths: view, highlight: view.highlight });
    },
    clearPaths: () => {
      ticket++;
      const s = get();
      if (!selectPaths(s)) return set({ paths: undefined });
      const graph = s.comparison?.diff.graph ?? s.flow?.graph;
      set({ paths: undefined, highlight: s.selection === undefined ? NO_HIGHLIGHT : highlightOf(graph, s.selection) });
    },
  };
}
