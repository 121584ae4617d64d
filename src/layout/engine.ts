/**
 * Chooses the engine and caches results. No ELK import here: the caller supplies ELK (Node: `elkjs`;
 * the worker: `elk-api` with its own worker), and only graphs the structured engine declines load it.
 */
import { analyse } from './structured/analyse';
import { bundleParallel, unbundle } from './bundle';
import { LayoutCache, graphKey } from './cache';
import { layoutWithElk } from './elk';
import { layoutFast } from './fast';
import { buildPlan } from './structured/plan';
import { layoutSaved } from './saved/index';
import { layoutStructured } from './structured/index';
import type { ElkLike, LayoutGraphInput, LayoutOptions, LayoutResult, LayoutTimings } from './types';

/**
 * Auto-Layout is the structured engine, as Builder's Auto-Layout draws any flow: what cannot be drawn as
 * branches that merge and loops that loop back becomes Go To stubs, cleanly. (It used to hand flows with
 * many such connectors to ELK, whose pictures can put labels on cards; ELK is now the user's choice.)
 *
 * ELK takes about a second at 230 elements and a minute at 2,000 on this kind of machine: asked for a
 * bigger flow, the structured picture (with jumps) is drawn instead, and says so, rather than freeze.
 */
const MAX_ELK_NODES = 400;
/**
 * ELK's time grows with connectors too, parallel ones above all (between the same two elements: 1.6 s
 * for 100 of them among 21 elements, 11 s for 400), while a 400-element flow's 566 connectors take
 * 0.6 s. Past either bound the structured picture (with jumps) is drawn instead. Real flows stay far
 * below: the corpus has at most 323 connectors and 15 parallel ones.
 */
const MAX_ELK_EDGES = 600;
const MAX_ELK_PARALLEL = 60;
/**
 * Past this many elements the fast layout (fast.ts) draws the flow: the structured engine took 1.1 s at
 * 20,000 generated elements, 4.9 s at 40,000 and 13.7 s at 60,000 (its Go To routing grows faster than
 * the flow); the fast layout takes about 0.3 s at 100,000.
 */
const FAST_OVER_NODES = 30_000;
/**
 * Past this placement cost (`Plan.cost`, the elements' nesting depths summed) the fast layout draws the
 * flow: 2,000 Decisions nested in one another (cost 2M) took 1.9 s to place, 5,000 (12.5M) 13 s, while
 * a generated 20,000-element flow costs 0.2M.
 */
const MAX_PLAN_COST = 3_000_000;
/**
 * Past this many jumps the fast layout draws the flow: each jump's channel keeps clear of the channels
 * before it, so routing grows with their square — 20,000 jumps back to the top took 2 s, 29,000 took
 * 4.2 s; a generated 30,000-element flow has about 4,700.
 */
const MAX_JUMPS = 15_000;

const count = (n: number) => n.toLocaleString('en-US');

// Pure: the browser bundle imports layout/index for the client only, and must drop the engine and its cache.
export const sharedCache = /* @__PURE__ */ new LayoutCache(16);

export async function runLayout(
  graph: LayoutGraphInput,
  options: LayoutOptions & { elk: () => Promise<ElkLike> },
): Promise<LayoutResult> {
  const t0 = performance.now();
  const engine = options.engine ?? 'auto';
  const useCache = options.cache !== false;
  const key = useCache ? graphKey(graph, engine) : '';
  if (useCache) {
    const hit = sharedCache.get(key);
    if (hit) return { ...hit, ms: { totalMs: performance.now() - t0, cacheHit: true } };
  }
  const progress = options.onProgress ?? (() => undefined);
  progress(0, 'analyse');
  const result = await compute(graph, engine, options.elk, progress);
  progress(1, 'done');
  const ms: LayoutTimings = { ...result.ms, totalMs: performance.now() - t0 };
  if (useCache) sharedCache.set(key, { ...result, ms: { totalMs: ms.totalMs } });
  return { ...result, ms };
}

async function compute(
  graph: LayoutGraphInput,
  engine: NonNullable<LayoutOptions['engine']>,
  elk: () => Promise<ElkLike>,
  progress: (f: number, phase: string) => void,
): Promise<Computed> {
  const bundles = bundleParallel(graph);
  if (!bundles) return computeBundled(graph, engine, elk, progress);
  const result = await computeBundled(bundles.graph, engine, elk, progress);
  unbundle(result, bundles.members);
  return { ...result, notice: result.notice ? `${bundles.notice}; ${result.notice}` : bundles.notice };
}

type Computed = LayoutResult & { ms: LayoutTimings };

/** Whether any node of the graph has a saved position. */
function hasPositions(graph: LayoutGraphInput): boolean {
  const positions = graph.positions;
  return positions !== undefined && graph.nodes.some((n) => Object.hasOwn(positions, n.id));
}

/** Each parallel connector counted once: the ones beyond the first between the same two elements. */
function parallelCount(graph: LayoutGraphInput): number {
  const pairs = new Set<string>();
  for (const e of graph.edges) pairs.add(JSON.stringify([e.source, e.target]));
  return graph.edges.length - pairs.size;
}

function fast(graph: LayoutGraphInput, why: string): Computed {
  const t0 = performance.now();
  const picture = layoutFast(graph);
  const notice = `${why}: drawn with the fast layout (rows in flow order, no connector labels)`;
  return { ...picture, engine: 'fast', notice, ms: { totalMs: 0, placeMs: performance.now() - t0 } };
}

async function computeBundled(
  graph: LayoutGraphInput,
  engine: NonNullable<LayoutOptions['engine']>,
  elk: () => Promise<ElkLike>,
  progress: (f: number, phase: string) => void,
): Promise<Computed> {
  const n = graph.nodes.length;
  if (engine === 'fast' || (engine === 'auto' && n > FAST_OVER_NODES)) return fast(graph, `${count(n)} elements`);
  if (engine === 'saved') {
    // No saved positions (an Auto-Layout flow, Process Builder, one element): Auto-Layout draws it.
    if (!hasPositions(graph)) return computeBundled(graph, 'auto', elk, progress);
    progress(0.2, 'place');
    const { timings, ...picture } = layoutSaved(graph);
    return { ...picture, engine: 'saved', ms: { totalMs: 0, ...timings } };
  }
  const tooBigForElk =
    n > MAX_ELK_NODES || graph.edges.length > MAX_ELK_EDGES || parallelCount(graph) > MAX_ELK_PARALLEL;
  if (engine !== 'elk' || tooBigForElk) {
    const t0 = performance.now();
    const a = analyse(graph);
    const plan = buildPlan(a);
    const analyseMs = performance.now() - t0;
    if (engine === 'auto' && plan.cost > MAX_PLAN_COST)
      return fast(graph, `${count(n)} elements, paths nested ${count(plan.deepest)} deep`);
    const jumps = engine === 'auto' ? plan.jump.filter(Boolean).length : 0;
    if (jumps > MAX_JUMPS) return fast(graph, `${count(n)} elements, ${count(jumps)} Go To connectors`);
    progress(0.3, 'place');
    const { timings, ...picture } = layoutStructured(a, plan);
    const declined =
      engine === 'elk'
        ? {
            notice:
              `${count(n)} elements, ${count(graph.edges.length)} connectors: ` +
              'too big for ELK here, drawn with Auto-Layout',
          }
        : {};
    return { ...picture, ...declined, engine: 'structured', ms: { totalMs: 0, analyseMs, ...timings } };
  }
  progress(0.1, 'elk');
  const t1 = performance.now();
  const picture = await layoutWithElk(graph, await elk());
  return { ...picture, engine: 'elk', ms: { totalMs: 0, elkMs: performance.now() - t1 } };
}
