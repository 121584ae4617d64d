/**
 * A comparison's code in the store (the flow slice's other half): diffing a pair and showing it, its change list
 * in the picture's order, stepping through the changes, Changes only. Loaded with the first comparison (its
 * differ beside it: flows.ts), never by a page that shows one flow; a comparison on screen means it is here.
 */
import { flowPropertyName } from '../describe/properties';
import { changeList } from '../model/diff/changes';
import { filterNoise } from '../model/diff/noise';
import { unionPositions } from '../model/diff/positions';
import type { FlowDiff } from '../model/diff/types';
import { elementKind } from '../model/elements';
import type { FlowGraph } from '../model/graph';
import { changesSlice } from './changes';
import { highlightOf, NO_HIGHLIGHT } from './highlight';
import { type LayoutChoice, usableChoice } from './layoutChoice';
import { ensureReaders } from '../model/parse/onDemand';
import { isFlow, open, withPositions } from './opening';
import { aboutComparison, internalError } from './screen';
import type { LayoutData } from './store';
import type { AppState, Comparison, FlowInput, GetState, LoadedFlow, SetState, StoreDeps } from './types';

/** The change list's words for types and properties (Builder's). */
export const words = { typeName: (t: string) => elementKind(t).builderName, propertyName: flowPropertyName };
const loadReverse = () => import('../model/diff/reverse');

/** What the flow slice shares with this code: showing a screen, laying it out, the newest load or compare. */
export interface Screens {
  show: (next: Partial<AppState>) => void;
  layOut: (graph: FlowGraph) => void;
  shownGraph: () => FlowGraph | undefined;
  /** Bumped by every load and compare: one that started before the newest does not show. */
  ticket: { n: number };
  /** The differ (the store's, loaded beside this code). */
  diffFlows: (before: LoadedFlow['doc'], after: LoadedFlow['doc']) => FlowDiff;
}

export type ComparingCode = ReturnType<typeof comparingCode>;

export function comparingCode(set: SetState, get: GetState, deps: StoreDeps, screens: Screens) {
  const { show, layOut, shownGraph, ticket, diffFlows } = screens;
  const goToChange = (index: number) => {
    const item = get().comparison?.changes[index];
    if (!item) return;
    const graph = shownGraph();
    const highlight = item.nodeId ? highlightOf(graph, item.nodeId) : NO_HIGHLIGHT;
    // A connector change highlights just its edges (and their ends), not every connector of the source.
    const edges = item.edgeIds && graph ? graph.edges.filter((e) => item.edgeIds?.includes(e.id)) : undefined;
    const focused = edges
      ? { nodes: new Set(edges.flatMap((e) => [e.source, e.target])), edges: new Set(edges.map((e) => e.id)) }
      : highlight;
    set({ changeIndex: index, selection: item.nodeId, selectedByStep: true, highlight: focused });
  };
  /**
   * Diffs the pair (or reads `reversed`, the diff of the pair the other way round) and shows it, unless a newer
   * load or compare started since.
   */
  const showComparison = async (
    before: LoadedFlow,
    after: LoadedFlow,
    layout: LayoutChoice | undefined,
    reversed?: FlowDiff,
  ) => {
    const mine = ++ticket.n;
    let comparison: Comparison;
    try {
      const compute = reversed
        ? await loadReverse().then((m) => () => m.reverseDiff(reversed))
        : () => diffFlows(before.doc, after.doc);
      // A newer compare or load since this one started wins.
      if (mine !== ticket.n) return false;
      const raw = compute();
      const { diff, hidden } = filterNoise(raw, get().noise);
      // One set of positions: the after version's, the before version's for removed elements.
      const positions = unionPositions(raw.graph, before.doc, after.doc);
      const changes = changeList(diff, undefined, words);
      comparison = { before, after, diff, changes, filtering: { raw, hidden }, ...withPositions(positions) };
    } catch (e) {
      // The differ (or the reverse reader) failed to load or threw: what is on screen stays, the banner says why.
      if (mine === ticket.n) set({ error: internalError('diff', e, aboutComparison(before, after)) });
      return false;
    }
    show({ comparison, layoutChoice: usableChoice(layout, comparison.positions) });
    layOut(comparison.diff.graph);
    return true;
  };
  /** Opens both sides (with their readers) and compares them, unless a load or compare came after `asked`. */
  const opened = async (asked: number, inputs: FlowInput[]) => {
    await ensureReaders(...inputs.map((i) => i.text));
    if (asked !== ticket.n) return undefined;
    return inputs.map((input) => open(input));
  };
  return {
    ...changesSlice(set, get, deps),
    compare: async (asked: number, beforeInput: FlowInput, afterInput: FlowInput, layout: LayoutChoice | undefined) => {
      const [before, after] = (await opened(asked, [beforeInput, afterInput])) ?? [];
      if (!before || !after) return false;
      if (!isFlow(before)) {
        set({ error: { ...before, side: 'before' } });
        return false;
      }
      if (!isFlow(after)) {
        set({ error: { ...after, side: 'after' } });
        return false;
      }
      return showComparison(before, after, layout);
    },
    compareWith: async (asked: number, afterInput: FlowInput) => {
      const before = get().flow;
      const [after] = (await opened(asked, [afterInput])) ?? [];
      if (!before || !after) return false;
      if (!isFlow(after)) {
        set({ error: { ...after, side: 'after' } });
        return false;
      }
      return showComparison(before, after, undefined);
    },
    swapSides: () => {
      const c = get().comparison;
      // The same diff read the other way round: no second diff.
      return c
        ? showComparison(c.after, c.before, get().layoutChoice, c.filtering?.raw ?? c.diff)
        : Promise.resolve(false);
    },
    /**
     * Once positions are known, the change list follows the picture top to bottom; the change being looked at
     * stays the same change ("3 of 11" before and after the re-sort).
     */
    sorted: (comparison: Comparison, layout: LayoutData): Partial<AppState> => {
      const changes = changeList(comparison.diff, layout.nodes, words);
      const at = get().changeIndex;
      const key = at === undefined ? undefined : comparison.changes[at]?.key;
      return {
        comparison: { ...comparison, changes },
        ...(key === undefined ? {} : { changeIndex: changes.findIndex((c) => c.key === key) }),
      };
    },
    stepChange: (delta: 1 | -1) => {
      const c = get().comparison;
      if (!c || c.changes.length === 0) return;
      const n = c.changes.length;
      const i = get().changeIndex;
      get().goToChange(i === undefined ? (delta === 1 ? 0 : n - 1) : (i + delta + n) % n);
    },
    goToChange,
  };
}
