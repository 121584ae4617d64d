/** The typed protocol between the layout client (UI thread) and the layout worker. */
import type { LayoutGraphInput, LayoutOptions, LayoutResult } from '../types';

/** Options that cross the worker boundary (no functions). */
export type WorkerLayoutOptions = Pick<LayoutOptions, 'engine' | 'cache'>;

export interface LayoutRequest {
  type: 'layout';
  /** Increases with every request; responses carry it back. */
  id: number;
  graph: LayoutGraphInput;
  options?: WorkerLayoutOptions;
}

export type LayoutResponse =
  | { type: 'progress'; id: number; fraction: number; phase: string }
  | { type: 'result'; id: number; result: LayoutResult }
  | { type: 'error'; id: number; message: string };

/** Graphs with at least this many elements report progress. */
export const PROGRESS_MIN_NODES = 300;
