import { createStore } from 'zustand/vanilla';
import type { FlowGraph } from '../model/graph';
import type { FlowDoc } from '../model/types';
import type { FlowDiff } from '../model/diff/types';
import { flowSlice } from './flows';
import { linkSlice } from './links';
import { loadingSlice } from './loading';
import { orgSlice } from './org';
import { setSlice } from './sets';
import { changeSetSlice } from './changeSets';
import { checksSlice } from './checks';
import { noiseSlice } from './noise';
import { pathSlice } from './paths';
import { runtimeSlice } from './runtime';
import type { AppState, StoreDeps } from './types';

/**
 * The app's state and its use-cases (load, compare, open a link or an org version…), one store per page.
 * Views render its state and call its actions; the sources, the link codec, the layout and the differ
 * come in through `createAppStore(deps)`, the real ones by default.
 */
export type * from './types';

/** The differ, loaded on first use: a page opened on one flow does not pay for it. */
export type DiffService = () => Promise<(before: FlowDoc, after: FlowDoc) => FlowDiff>;

import type { LayoutGeometry, LayoutGraphInput } from '../layout/types';
import { type LayoutRequest, noSavedPositionsReason } from './layoutChoice';

export type { LayoutChoice, LayoutRequest, Positions } from './layoutChoice';
export { ELK_MAX_ELEMENTS, LAYOUT_CHOICES } from './layoutChoice';

/** A laid-out graph as the canvas draws it: node boxes, edge routes and label boxes (from src/layout). */
export type LayoutData = LayoutGeometry;

/**
 * Lays out a graph (in the browser: in a Web Worker) with the engine the Layout choice asks for (and, for
 * `saved`, the positions; for Auto-Layout, the paths that end in an End); injected so tests can use a fake.
 */
export type LayoutService = (
  graph: FlowGraph & Pick<LayoutGraphInput, 'openPaths'>,
  onProgress: (message: string) => void,
  request?: LayoutRequest,
) => Promise<LayoutData>;

export type LayoutState =
  | { status: 'idle' }
  | { status: 'running'; progress?: string }
  | { status: 'done'; layout: LayoutData; ms: number }
  | { status: 'error'; message: string };

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(deps: StoreDeps = {}) {
  return createStore<AppState>()((set, get, api) => {
    const flows = flowSlice(set, get, deps);
    return {
      ...flows,
      ...loadingSlice(get, deps),
      ...linkSlice(get, deps),
      ...orgSlice(set, get, deps),
      ...setSlice(set, get, deps),
      // After the flow slice: its stepChange goes on across a change set's flows.
      ...changeSetSlice(set, get, deps, flows.stepChange),
      ...checksSlice(set, get, deps, api.subscribe),
      ...noiseSlice(set, get, deps),
      ...pathSlice(set, get, deps),
      ...runtimeSlice(set, get, deps),
    };
  });
}

/** Named selectors: components subscribe to the narrow slice they draw. */
export const selectFlow = (s: AppState) => s.flow;
export const selectError = (s: AppState) => s.error;
export const selectSelection = (s: AppState) => s.selection;
export const selectLayout = (s: AppState) => s.layout;
export const selectComparison = (s: AppState) => s.comparison;
export const selectOrg = (s: AppState) => s.org;
export const selectLayoutChoice = (s: AppState) => s.layoutChoice;
/** Whether what is on screen has saved positions to draw (a free-form flow, or a comparison whose after one is). */
export const selectHasSavedPositions = (s: AppState) =>
  (s.comparison ? s.comparison.positions : s.flow?.positions) !== undefined;
/** How many elements are drawn: the ELK choice is not offered past ELK_MAX_ELEMENTS. */
/** Why Saved positions cannot be chosen for what is on screen (a comparison: its after version), if it cannot. */
export const selectNoSavedReason = (s: AppState): string | undefined => {
  const shown = s.comparison ? s.comparison.after : s.flow;
  if (!shown || (s.comparison ? s.comparison.positions : shown.positions)) return undefined;
  return noSavedPositionsReason(shown.doc);
};
export const selectShownSize = (s: AppState) => (s.comparison?.diff.graph ?? s.flow?.graph)?.nodes.length ?? 0;

/** The flow set, when one is open (loading, ready or failed). */
export const selectSet = (s: AppState) => s.set;
/**
 * Whether a link can carry the open set (the Share menu): `url` for a repository's (a `#/set` link), `local`
 * for one read from this computer's files or an org (the link shares the flow on screen, with a warning).
 */
export const selectSetLinkable = (s: AppState): 'url' | 'local' | undefined =>
  s.set ? (s.set.source.kind === 'repo' ? 'url' : 'local') : undefined;
/** A loading set's progress in words: "Fetching flow files 40 / 120", "Listing the repository…". */
export const selectSetProgress = (s: AppState): string | undefined => {
  const p = s.set?.status === 'loading' ? s.set.progress : undefined;
  if (!p) return undefined;
  if (p.total <= 0) return p.phase;
  return `${p.phase} ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')}`;
};
