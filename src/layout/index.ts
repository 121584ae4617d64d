/**
 * `layoutGraph` for Node (CLI, tests, bench): the same engine the worker runs, with ELK from the `elkjs`
 * package in-process. The browser never imports this file: it goes through worker/client.ts → worker/worker.ts.
 */
import { runLayout } from './engine';
import type { ElkLike, LayoutGraphInput, LayoutOptions, LayoutResult } from './types';

export type {
  Box,
  EdgeLabelBox,
  EdgeRoute,
  LayoutEdgeInput,
  LayoutEngine,
  LayoutGraphInput,
  LayoutNodeInput,
  LayoutOptions,
  LayoutResult,
  LayoutTimings,
  Point,
} from './types';

let nodeElk: Promise<ElkLike> | undefined;

/** One in-process ELK instance, created on first need. */
export function defaultElk(): Promise<ElkLike> {
  nodeElk ??= import('elkjs').then((m) => new m.default());
  return nodeElk;
}

/** Lays out a flow graph (or a diff's union graph). Deterministic; cached by graph hash unless `cache: false`. */
export function layoutGraph(graph: LayoutGraphInput, options: LayoutOptions = {}): Promise<LayoutResult> {
  return runLayout(graph, { ...options, elk: options.elk ?? defaultElk });
}
