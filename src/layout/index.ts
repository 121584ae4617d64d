/**
 * The layout's one entry for the rest of the app and the CLI:
 * - `layoutGraph` for Node (CLI, tests, bench): the same engine the worker runs, with ELK from the
 *   `elkjs` package in-process;
 * - `createLayoutClient` for the browser: the engine runs in a Web Worker (worker/client.ts →
 *   worker/worker.ts), so neither it nor ELK is in the main bundle (this module's other exports are
 *   tree-shaken away there);
 * - the types (types.ts): the layout's input and options, and the one geometry type `LayoutGeometry`
 *   (what state, canvas and render use of a `LayoutResult`; they import it type-only from types.ts).
 *
 * Folders: structured/ is the Flow-Builder-style engine, elk.ts the ELK fallback, engine.ts chooses
 * between them and caches, worker/ the browser's client, worker and their messages.
 */
import { runLayout } from './engine';
import type { ElkLike, LayoutGraphInput, LayoutOptions, LayoutResult } from './types';

export type {
  Box,
  EdgeRoute,
  ElkLike,
  LayoutEngine,
  LayoutGeometry,
  LayoutGraphInput,
  LayoutOptions,
  LayoutResult,
  Point,
} from './types';
export { createLayoutClient, isSuperseded, type LayoutClient, type LayoutWorkerLike } from './worker/client';

let nodeElk: Promise<ElkLike> | undefined;
/**
 * Node's ELK (`elkjs`'s main module, which runs ELK in-process) is named through a variable: the browser
 * build imports this module for the client and must not try to bundle it (the worker uses `elk-api`).
 */
const NODE_ELK: string = 'elkjs';

/** One in-process ELK instance, created on first need (Node only). */
function defaultElk(): Promise<ElkLike> {
  nodeElk ??= (import(/* @vite-ignore */ NODE_ELK) as Promise<typeof import('elkjs')>).then((m) => new m.default());
  return nodeElk;
}

/** Lays out a flow graph (or a diff's union graph). Deterministic; cached by graph hash unless `cache: false`. */
export function layoutGraph(graph: LayoutGraphInput, options: LayoutOptions = {}): Promise<LayoutResult> {
  return runLayout(graph, { ...options, elk: options.elk ?? defaultElk });
}
