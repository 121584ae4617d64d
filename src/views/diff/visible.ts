import type { Box } from '../../layout/types';
import { FOLD_TYPE, type FoldedGraph } from '../../model/diff/fold';
import type { DiffGraph } from '../../model/diff/types';
import type { DiffMode } from '../../state/store';

/** "… 12 unchanged": a run of unchanged elements drawn as one node of Changes only's graph. */
interface Fold {
  id: string;
  count: number;
  box: Box;
  /** The folded elements' ids (for tests). */
  members: string[];
  /** Their labels, for the fold's text and tooltip. */
  labels: string[];
}

export interface Visible {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  folds: Fold[];
}

/**
 * What a diff mode shows of the union graph. Positions never change between these modes: Before hides
 * what was added, After hides what was removed. Changes only draws its own graph (`changesFilter`).
 */
export function visibleIn(graph: DiffGraph, mode: DiffMode | 'side-before' | 'side-after'): Visible {
  const hide =
    mode === 'before' || mode === 'side-before' ? 'added' : mode === 'after' || mode === 'side-after' ? 'removed' : '';
  const nodes = new Set(graph.nodes.filter((n) => n.status !== hide).map((n) => n.id));
  const edges = new Set(
    graph.edges.filter((e) => e.status !== hide && nodes.has(e.source) && nodes.has(e.target)).map((e) => e.id),
  );
  return { nodes, edges, folds: [] };
}

/** Changes only: every node and connector of the folded graph, the folds drawn as fold markers. */
export function changesFilter(folded: FoldedGraph, union: DiffGraph, boxes: Record<string, Box | undefined>): Visible {
  const labels = new Map(union.nodes.map((n) => [n.id, n.label || n.id]));
  const folds: Fold[] = [];
  for (const f of folded.folds) {
    const box = boxes[f.id];
    if (!box) continue;
    const names = f.members.map((id) => labels.get(id) ?? id);
    folds.push({ id: f.id, count: f.members.length, box, members: f.members, labels: names });
  }
  return {
    nodes: new Set(folded.graph.nodes.filter((n) => n.type !== FOLD_TYPE).map((n) => n.id)),
    edges: new Set(folded.graph.edges.map((e) => e.id)),
    folds,
  };
}
