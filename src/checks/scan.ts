/** What every rule reads: the flow, its graph, which element each node is, and where elements sit in the file. */
import { type ElementIndex, elementIndex, type FlowGraph } from '../model/graph';
import type { FlowDoc, FlowElement } from '../model/types';
import type { CheckContext } from './types';
import type { Draft } from './words';

export interface Scan {
  doc: FlowDoc;
  graph: FlowGraph;
  index: ElementIndex;
  /** Each element's place in document order. */
  position: ReadonlyMap<FlowElement, number>;
  context: CheckContext;
  /** Cache of loops.ts's reading (both loop rules use it). */
  loopsAround?: Map<FlowElement, FlowElement[]>;
}

export function scanOf(doc: FlowDoc, graph: FlowGraph, context: CheckContext = {}): Scan {
  const position = new Map<FlowElement, number>();
  doc.elements.forEach((el, i) => {
    position.set(el, i);
  });
  return { doc, graph, index: elementIndex(doc), position, context };
}

/** A rule's reading of a flow (configuration and ordering are applied by runChecks). */
export type RuleCheck = (scan: Scan) => Draft[];
