/**
 * One set of saved positions for the comparison of two free-form versions (the union graph, laid out once):
 * an element kept or added stands where the after version put it, a removed one where the before version
 * had it. The saved layout pulls apart whatever lands on one spot.
 */
import { savedPositions, type SavedPoint } from '../positions';
import type { FlowDoc } from '../types';
import type { DiffGraph } from './types';

/**
 * Union node id → saved top-left (a null-prototype record), or undefined when the after version has no saved
 * positions worth drawing (an Auto-Layout flow, Process Builder…): then the comparison is drawn as Auto-Layout.
 */
export function unionPositions(
  graph: Pick<DiffGraph, 'nodes'>,
  before: FlowDoc,
  after: FlowDoc,
): Record<string, SavedPoint> | undefined {
  const afterPos = savedPositions(after);
  if (!afterPos) return undefined;
  const beforePos = savedPositions(before);
  const own = (record: Record<string, SavedPoint> | undefined, id: string | undefined) =>
    record && id !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
  const out: Record<string, SavedPoint> = Object.create(null);
  for (const n of graph.nodes) {
    // A kept element the after version left without a position keeps its before one.
    const p = own(afterPos, n.afterId) ?? own(beforePos, n.beforeId);
    if (p) out[n.id] = { x: p.x, y: p.y };
  }
  return out;
}
