import type { Box } from '../../layout/types';
import type { DiffGraph } from '../../model/diff/types';
import type { DiffMode } from '../../state/store';

/** "… 12 unchanged": a run of unchanged elements folded into one marker where its first element stood. */
interface Fold {
  id: string;
  count: number;
  box: Box;
  /** The folded elements' ids (for the marker's tooltip and for tests). */
  members: string[];
}

export interface Visible {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  folds: Fold[];
}

/**
 * What a diff mode shows of the union graph. Positions never change between modes: Before hides what was
 * added, After hides what was removed, Changes only folds each connected run of unchanged elements into
 * one marker and keeps every changed element and connector.
 */
export function visibleIn(
  graph: DiffGraph,
  mode: DiffMode | 'side-before' | 'side-after',
  boxes: Record<string, Box | undefined>,
): Visible {
  const hideNode =
    mode === 'before' || mode === 'side-before'
      ? 'added'
      : mode === 'after' || mode === 'side-after'
        ? 'removed'
        : undefined;
  const nodes = new Set(graph.nodes.filter((n) => n.status !== hideNode).map((n) => n.id));
  const folds: Fold[] = [];
  // A fold's marker sits on its top element, so connectors into or out of that element still land on it.
  const anchors = new Set<string>();
  if (mode === 'changes') {
    // An element at either end of a changed connector is part of that change, and a changed element's
    // direct neighbours are its context (where it is entered from, where it leads): they stay on screen.
    const changed = new Set(graph.nodes.filter((n) => n.status !== 'unchanged').map((n) => n.id));
    const touched = new Set(
      graph.edges
        .filter((e) => e.status !== 'unchanged' || changed.has(e.source) || changed.has(e.target))
        .flatMap((e) => [e.source, e.target]),
    );
    const unchanged = new Set(
      graph.nodes.filter((n) => n.status === 'unchanged' && n.type !== 'start' && !touched.has(n.id)).map((n) => n.id),
    );
    // Chains: neighbours along ordinary connectors (not fault paths or Go To jumps, which tie far parts of
    // a flow together) between unchanged elements; each chain of two or more is one fold.
    const adj = new Map<string, string[]>();
    for (const e of graph.edges) {
      if (!unchanged.has(e.source) || !unchanged.has(e.target) || e.kind === 'fault' || e.goTo) continue;
      adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
      adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]);
    }
    const seen = new Set<string>();
    for (const n of graph.nodes) {
      if (!unchanged.has(n.id) || seen.has(n.id)) continue;
      const members: string[] = [];
      const stack = [n.id];
      seen.add(n.id);
      while (stack.length > 0) {
        const id = stack.pop() as string;
        members.push(id);
        for (const next of adj.get(id) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          stack.push(next);
        }
      }
      const placed = members
        .map((id) => ({ id, box: boxes[id] }))
        .filter((m): m is { id: string; box: Box } => m.box !== undefined);
      // A lone unchanged element is shown (dimmed) rather than replaced by "… 1 unchanged".
      if (placed.length < 2) continue;
      // The marker sits where the run's top element was, so the changed elements around it stay put.
      const top = placed.reduce((a, b) => (b.box.y < a.box.y || (b.box.y === a.box.y && b.box.x < a.box.x) ? b : a));
      for (const m of members) nodes.delete(m);
      anchors.add(top.id);
      folds.push({
        id: `fold:${top.id}`,
        count: members.length,
        box: { x: top.box.x, y: top.box.y + top.box.height / 2 - 14, width: top.box.width, height: 28 },
        members,
      });
    }
  }
  const shown = (id: string) => nodes.has(id) || anchors.has(id);
  const edges = new Set(
    graph.edges
      .filter(
        (e) =>
          shown(e.source) &&
          shown(e.target) &&
          !(anchors.has(e.source) && anchors.has(e.target)) &&
          e.status !== (hideNode === 'added' ? 'added' : hideNode === 'removed' ? 'removed' : ''),
      )
      .map((e) => e.id),
  );
  return { nodes, edges, folds };
}
