// Loaded with the first path asked for (state/paths.ts): none of this is on the first screen.
import { pathConditions, type PathSource } from '../describe/pathConditions';
import type { DiffGraphNode } from '../model/diff/types';
import { elementIndex } from '../model/graph';
import { pathsTo, runsAfter } from '../model/paths';
import { highlightOf, NO_HIGHLIGHT } from './highlight';
import { selectPaths } from './pathSelect';
import type { PathKind, PathView } from './pathTypes';
import type { AppState, GetState, SetState } from './types';

/** Where a graph node's element lives: the flow, or in a comparison the after version (the before one if removed). */
function sourceOf(s: AppState): PathSource | undefined {
  const c = s.comparison;
  if (c) {
    const nodes = new Map(c.diff.graph.nodes.map((n) => [n.id, n as DiffGraphNode]));
    const before = elementIndex(c.before.doc).elements;
    const after = elementIndex(c.after.doc).elements;
    const start = c.after.doc.start ?? c.before.doc.start;
    return {
      element: (id) => {
        const n = nodes.get(id);
        if (!n) return undefined;
        if (n.status === 'removed') return before.get(n.beforeId ?? id);
        return after.get(n.afterId ?? id) ?? before.get(n.beforeId ?? id);
      },
      ...(start ? { start } : {}),
    };
  }
  if (!s.flow) return undefined;
  const elements = elementIndex(s.flow.doc).elements;
  const start = s.flow.doc.start;
  return { element: (id) => elements.get(id), ...(start ? { start } : {}) };
}

/**
 * The path of `kind` from or to `node` on what is on screen (a comparison: its union graph), as the store keeps
 * it. What runs after also lights the Ends the layout drew after it.
 */
export function pathView(s: AppState, kind: PathKind, node: string): PathView | undefined {
  const graph = s.comparison?.diff.graph ?? s.flow?.graph;
  const source = sourceOf(s);
  if (!graph || !source || !graph.nodes.some((n) => n.id === node)) return undefined;
  if (kind === 'after') {
    const set = runsAfter(graph, node);
    const nodes = new Set(set.nodes);
    const edges = new Set(set.edges);
    const ends = s.layout.status === 'done' ? (s.layout.layout.ends ?? []) : [];
    for (const end of ends)
      if (nodes.has(end.source)) {
        nodes.add(end.id);
        edges.add(end.edge);
      }
    return { kind, node, highlight: { nodes, edges }, reachable: true, conditions: [], elements: set.nodes.size };
  }
  const found = pathsTo(graph, node);
  if (!found.reachable)
    return {
      kind,
      node,
      highlight: { nodes: new Set([node]), edges: new Set() },
      reachable: false,
      conditions: [],
      elements: 1,
    };
  const conditions = pathConditions(graph, found, node, source);
  const highlight = { nodes: found.nodes, edges: found.edges };
  return { kind, node, highlight, reachable: true, count: found.count, conditions, elements: found.nodes.size };
}

/**
 * Shows the path of `kind` for what was selected when it was asked (`asked`), unless another ask (`ticket`), another
 * selection or another flow came since.
 */
export function showPaths(
  asked: AppState,
  mine: number,
  ticket: { n: number },
  kind: PathKind,
  get: GetState,
  set: SetState,
): void {
  const now = get();
  const node = asked.selection;
  const stale = mine !== ticket.n || now.flow !== asked.flow || now.comparison !== asked.comparison;
  if (node === undefined || stale || now.selection !== node) return;
  const view = pathView(now, kind, node);
  if (view) set({ paths: view, highlight: view.highlight });
}

/** Back to the selected element's own highlight (its connectors and their other ends). */
export function clearPaths(get: GetState, set: SetState): void {
  const s = get();
  if (!selectPaths(s)) {
    set({ paths: undefined });
    return;
  }
  const graph = s.comparison?.diff.graph ?? s.flow?.graph;
  set({ paths: undefined, highlight: s.selection === undefined ? NO_HIGHLIGHT : highlightOf(graph, s.selection) });
}
