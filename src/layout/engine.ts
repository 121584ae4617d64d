/**
 * Chooses the engine and caches results. No ELK import here: the caller supplies ELK (Node: `elkjs`;
 * the worker: `elk-api` with its own worker), and only graphs the structured engine declines load it.
 */
import { analyse } from './structured/analyse';
import { LayoutCache, graphKey } from './cache';
import { layoutWithElk } from './elk';
import { buildPlan } from './structured/plan';
import { layoutStructured } from './structured/index';
import type { ElkLike, LayoutGraphInput, LayoutOptions, LayoutResult, LayoutTimings } from './types';

/**
 * When more than this share of a flow's connectors (and more than MAX_JUMPS_ANYWAY of them) would have
 * to be drawn as Go To jumps, the flow is free-form at heart and ELK draws it instead.
 */
const MAX_JUMP_SHARE = 0.25;
const MAX_JUMPS_ANYWAY = 2;
/**
 * ELK takes about a second at 230 elements and a minute at 2,000 on this kind of machine: bigger
 * free-form flows keep the structured picture (with jumps) rather than freeze or time out.
 */
const MAX_ELK_NODES = 400;

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
): Promise<LayoutResult & { ms: LayoutTimings }> {
  let reason = 'ELK was asked for';
  if (engine !== 'elk') {
    const t0 = performance.now();
    const a = analyse(graph);
    const plan = buildPlan(a);
    const connectors = a.edges.filter((e) => !e.goTo).length;
    const analyseMs = performance.now() - t0;
    const freeForm = plan.demoted > MAX_JUMPS_ANYWAY && plan.demoted > MAX_JUMP_SHARE * connectors;
    if (engine === 'structured' || !freeForm || graph.nodes.length > MAX_ELK_NODES) {
      progress(0.3, 'place');
      const { timings, ...picture } = layoutStructured(a, plan);
      return { ...picture, engine: 'structured', ms: { totalMs: 0, analyseMs, ...timings } };
    }
    reason = `${plan.demoted} of ${connectors} connectors would have to be drawn as Go To jumps`;
  }
  progress(0.1, 'elk');
  const t1 = performance.now();
  const picture = await layoutWithElk(graph, await elk());
  return { ...picture, engine: 'elk', fallbackReason: reason, ms: { totalMs: 0, elkMs: performance.now() - t1 } };
}
