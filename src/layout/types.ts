/**
 * The layout contract: plain data in (a FlowGraph, or the union graph of a diff — any graph with this
 * shape), plain data out. Shared by Node (CLI, tests, bench), the Web Worker and the views; it imports
 * no ELK, so the main bundle can use these types for free.
 */
import type { EdgeKind } from '../model/graph';

interface LayoutNodeInput {
  id: string;
  /** Metadata array name (`decisions`, …), `start`, `missing`: decides the node's fixed size. */
  type: string;
  label?: string;
}

export interface LayoutEdgeInput {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label?: string;
  /** A Go To connector: routed after the layout, never shapes it. */
  goTo?: boolean;
}

export interface LayoutGraphInput {
  nodes: readonly LayoutNodeInput[];
  edges: readonly LayoutEdgeInput[];
  /**
   * A free-form flow's saved positions (node id → top-left, Builder's canvas px; model/positions.ts), for
   * the `saved` engine. A null-prototype record: ids may be `__proto__`. Other engines ignore it.
   */
  positions?: Readonly<Record<string, Point>>;
  /**
   * Paths that end (model/ends.ts): the structured engine (Auto-Layout) draws an End after each, as Flow
   * Builder does; the other engines ignore them (Builder draws no Ends on a free-form canvas).
   */
  openPaths?: readonly OpenPathInput[];
}

export interface OpenPathInput {
  source: string;
  kind: EdgeKind;
  key?: string;
  label?: string;
}

/**
 * An End the layout added after a path that ends: a box in `nodes` under `id` and the connector to it in
 * `edges` under `edge`. Neither is an element or a connector of the flow: views draw them as Ends.
 */
export interface EndMark {
  id: string;
  edge: string;
  source: string;
  kind: EdgeKind;
  label?: string;
}

export interface Point {
  x: number;
  y: number;
}

/** A box: x/y is the top-left corner (React Flow's node position). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface EdgeLabelBox extends Box {
  text: string;
}

export interface EdgeRoute {
  /** Start (on the source's boundary), bends, end (on the target's boundary): an orthogonal polyline. */
  points: Point[];
  label?: EdgeLabelBox;
  /**
   * Set on jumps — Go To connectors, and connectors the structured picture draws as Go To (cycles that
   * are not Loops, paths meeting before their merge). `points` still run to the target (out to a
   * channel right of everything in between, into the target's right side), but they may cross other
   * elements: views may draw only `stub` (the route's first points) with a "Go to <target>" marker,
   * as Flow Builder does, and show the whole route on hover.
   */
  jump?: { stub: Point[] };
  /** The first connector of a bundle of parallel ones: how many connectors its route stands for. */
  bundle?: number;
  /** A connector drawn as part of a bundle: the first connector's id (this route is a copy of its route). */
  bundledWith?: string;
}

/**
 * Which engine drew the picture: `structured` is Flowscope's own Flow-Builder-style placement (Auto-Layout:
 * branches that merge, loops that loop back, every other connector a Go To stub); `saved` draws a free-form
 * flow at its saved positions (saved/); `elk` (elkjs layered) draws any graph, when asked for; `fast`
 * (fast.ts) is the degraded picture of flows too big for the others in time: rows in flow order, no labels.
 */
export type LayoutEngine = 'structured' | 'elk' | 'fast' | 'saved';

/**
 * The Layout choice a user makes (the picker, links' `layout=`, `render --layout`): `saved` — a free-form
 * flow where its author put it (the `saved` engine); `auto` — Auto-Layout (the structured engine); `elk` —
 * ELK layered, for any flow. The default is `saved` when the graph has positions.
 */
export type LayoutChoice = 'saved' | 'auto' | 'elk';
export const LAYOUT_CHOICES: readonly LayoutChoice[] = ['saved', 'auto', 'elk'];

export interface LayoutTimings {
  totalMs: number;
  /** Structure analysis (back edges, post-dominators, branch/merge plan). */
  analyseMs?: number;
  placeMs?: number;
  routeMs?: number;
  elkMs?: number;
  cacheHit?: boolean;
}

/**
 * The one layout geometry: what state, the canvas and the SVG export use of a layout (they import this
 * type, type-only) — boxes, edge routes with their points, label boxes and jump stubs.
 *
 * `nodes` and `edges` are keyed by element and connector ids, and an element may be called `__proto__`
 * or `constructor`: the layout hands them out as null-prototype records (records.ts; the worker client
 * makes them so again after the structured clone), so index them by id; never test ids with `in`.
 */
export interface LayoutGeometry {
  /** Size of the whole picture; every box and route point lies in [0, width] × [0, height]. */
  width: number;
  height: number;
  /** Element id → its box. */
  nodes: Record<string, Box>;
  /** Connector id → its route (none for a connector whose ends are not both in the graph). */
  edges: Record<string, EdgeRoute>;
  /** The Ends the structured engine added (their boxes and connectors are in `nodes` and `edges`). */
  ends?: EndMark[];
  /**
   * Set when the picture was degraded on purpose to stay fast (parallel connectors bundled, the fast
   * layout): one sentence for the user, e.g. "1,000 parallel connectors drawn as 1 bundle". The views
   * show it above the canvas; `flowscope render` prints it to stderr.
   */
  notice?: string;
}

export interface LayoutResult extends LayoutGeometry {
  engine: LayoutEngine;
  /** Timings of this call: differ run to run, so compare results without `ms`. */
  ms?: LayoutTimings;
}

/** Something that lays out an ELK graph: the Node `elkjs` instance or `elk-api` in the browser. */
export type ElkLike = Pick<import('elkjs/lib/elk-api').ELK, 'layout'>;

export interface LayoutOptions {
  /** Use (and fill) the result cache keyed by a hash of the graph (default true). */
  cache?: boolean;
  /** Force an engine: `auto` (default) uses `structured` when the graph allows it, else ELK. */
  engine?: 'auto' | LayoutEngine;
  /** Supplies ELK lazily; only called when ELK is needed. Node's default is `import('elkjs')`. */
  elk?: () => Promise<ElkLike>;
  /** Called with a fraction 0..1 and a phase name on big graphs. */
  onProgress?: (fraction: number, phase: string) => void;
}
