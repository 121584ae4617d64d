/**
 * `npx tsx scripts/elk-tune.ts [CONFIG…] [--flow NAME] [--pairs]`: lays out every corpus flow with ELK
 * (src/layout/elk.ts, engine forced) under candidate settings and counts, over the rendered SVG
 * (test/support/picture.ts), crossings and what a reader sees wrong, plus checkLayout's violations and
 * ELK's time. A tuning aid for issue 12: the candidates rewrite the ELK graph elk.ts builds, so the
 * product code is measured as it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ELK from 'elkjs';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { layoutWithElk } from '../src/layout/elk';
import { buildGraph, diffFlows, parseFlow, renderSvg } from '../src/index';
import type { ElkLike, LayoutResult } from '../src/layout/types';
import { checkLayout, checkOutcomeOrder } from '../test/layout/invariants';
import { generateFlow } from '../test/support/generate';
import { checkPicture } from '../test/support/picture';

type Rewrite = (root: ElkNode) => void;
const set =
  (options: Record<string, string>): Rewrite =>
  (root) => {
    root.layoutOptions = { ...root.layoutOptions, ...options };
  };
const drop =
  (...keys: string[]): Rewrite =>
  (root) => {
    // A copy: elk.ts hands ELK its one options object.
    root.layoutOptions = Object.fromEntries(
      Object.entries(root.layoutOptions ?? {}).filter(([k]) => !keys.includes(k)),
    );
  };
const noSpine: Rewrite = (root) => {
  for (const e of root.edges ?? []) delete e.layoutOptions;
};
/** Without issue 12's Start constraint (layerConstraint FIRST). */
const startFree: Rewrite = (root) => {
  const start = root.children?.find((c) => c.id === '$start');
  if (start?.layoutOptions) delete start.layoutOptions['elk.layered.layering.layerConstraint'];
};
const PLAIN_KEEP = new Set([
  'elk.algorithm',
  'elk.direction',
  'elk.spacing.nodeNode',
  'elk.layered.spacing.nodeNodeBetweenLayers',
  'elk.spacing.edgeLabel',
  'elk.edgeLabels.placement',
  'elk.layered.edgeLabels.centerLabelPlacementStrategy',
]);
const plain: Rewrite = (root) => {
  root.layoutOptions = Object.fromEntries(Object.entries(root.layoutOptions ?? {}).filter(([k]) => PLAIN_KEEP.has(k)));
};
const ORDER = 'elk.layered.considerModelOrder.strategy';
const CYCLE = 'elk.layered.cycleBreaking.strategy';
const LAYERING = 'elk.layered.layering.strategy';
const THOROUGH = 'elk.layered.thoroughness';
const soft = {
  'elk.layered.considerModelOrder.crossingCounterNodeInfluence': '0.001',
  'elk.layered.considerModelOrder.crossingCounterPortInfluence': '0.001',
};
const BEST = { [ORDER]: 'NODES_AND_EDGES', [CYCLE]: 'GREEDY_MODEL_ORDER', [THOROUGH]: '10' };
const TIDY = {
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.spacing.edgeEdge': '16',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '16',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
};
/** ELK's options before issue 12's tuning. */
const BEFORE = {
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
  'elk.layered.thoroughness': '1',
};
const BEFORE_DROPPED = [
  'elk.spacing.edgeEdge',
  'elk.layered.spacing.edgeEdgeBetweenLayers',
  'elk.layered.spacing.edgeNodeBetweenLayers',
];
const CONFIGS: Record<string, Rewrite[]> = {
  current: [],
  before: [drop(...BEFORE_DROPPED), set(BEFORE), startFree],
  currentStartFree: [startFree],
  greedyCycles: [set({ 'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER' })],
  best: [plain, set(BEST)],
  bestBalanced: [plain, set({ ...BEST, 'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED' })],
  bestSoftPort: [plain, set({ ...BEST, 'elk.layered.considerModelOrder.crossingCounterPortInfluence': '0.001' })],
  bestT20: [plain, set({ ...BEST, [THOROUGH]: '20' })],
  bestLps: [plain, set({ ...BEST, [LAYERING]: 'LONGEST_PATH_SOURCE' })],
  bestNoOrder: [plain, set({ [CYCLE]: 'GREEDY_MODEL_ORDER', [THOROUGH]: '10' })],
  bestPreferEdges: [plain, set({ ...BEST, [ORDER]: 'PREFER_EDGES' })],
  bestEdgeSpacing: [
    plain,
    set({
      ...BEST,
      'elk.spacing.edgeEdge': '16',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '16',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
    }),
  ],
  bestNoSpine: [plain, noSpine, set(BEST)],
  chosen: [plain, set({ ...BEST, ...TIDY })],
  chosenT20: [plain, set({ ...BEST, ...TIDY, [THOROUGH]: '20' })],
  greedyT7: [drop(CYCLE, THOROUGH)],
  greedyT10: [drop(CYCLE), set({ [THOROUGH]: '10' })],
  greedyMoT7: [drop(THOROUGH), set({ [CYCLE]: 'GREEDY_MODEL_ORDER' })],
  greedyMoT10: [set({ [CYCLE]: 'GREEDY_MODEL_ORDER', [THOROUGH]: '10' })],
  depthFirstT10: [set({ [CYCLE]: 'DEPTH_FIRST', [THOROUGH]: '10' })],
  plainOrder: [plain, set({ [ORDER]: 'NODES_AND_EDGES' })],
  plainOrderT10: [plain, set({ [ORDER]: 'NODES_AND_EDGES', [THOROUGH]: '10' })],
  plainGreedyMoT10: [plain, set({ [ORDER]: 'NODES_AND_EDGES', [CYCLE]: 'GREEDY_MODEL_ORDER', [THOROUGH]: '10' })],
  plainSoftOrderT10: [plain, set({ [ORDER]: 'NODES_AND_EDGES', ...soft, [THOROUGH]: '10' })],
  greedyNoLayeringT10: [drop(CYCLE, LAYERING), set({ [THOROUGH]: '10' })],
  plain: [plain],
  plainNoSpine: [plain, noSpine],
  noOrder: [drop(ORDER)],
  noLayering: [drop(LAYERING)],
  noOrderNoLayering: [drop(ORDER, LAYERING)],
  noOrderNoLayeringT7: [drop(ORDER, LAYERING, THOROUGH)],
  noOrderT7: [drop(ORDER, THOROUGH)],
  noOrderNoLayeringT10: [drop(ORDER, LAYERING), set({ [THOROUGH]: '10' })],
  noOrderNoLayeringT20: [drop(ORDER, LAYERING), set({ [THOROUGH]: '20' })],
  softOrder: [set(soft)],
  softOrderNoLayering: [drop(LAYERING), set(soft)],
  softOrderNoLayeringT10: [drop(LAYERING), set({ ...soft, [THOROUGH]: '10' })],
  plainCycle: [plain, set({ [CYCLE]: 'MODEL_ORDER' })],
  plainCycleT10: [plain, set({ [CYCLE]: 'MODEL_ORDER', [THOROUGH]: '10' })],
  plainCycleSoftT10: [plain, set({ [CYCLE]: 'MODEL_ORDER', ...soft, [ORDER]: 'NODES_AND_EDGES', [THOROUGH]: '10' })],
  plainCycleBalancedT10: [
    plain,
    set({ [CYCLE]: 'MODEL_ORDER', [THOROUGH]: '10', 'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED' }),
  ],
  plainCycleGreedyT10: [
    plain,
    set({
      [CYCLE]: 'MODEL_ORDER',
      [THOROUGH]: '10',
      'elk.layered.crossingMinimization.greedySwitch.type': 'TWO_SIDED',
    }),
  ],
  plainCycleNsT10: [
    plain,
    set({ [CYCLE]: 'MODEL_ORDER', [THOROUGH]: '10', 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX' }),
  ],
};

const corpus = resolve(import.meta.dirname, '../../shared/corpus/flows');
const argv = process.argv.slice(2);
const only = argv.includes('--flow') ? argv[argv.indexOf('--flow') + 1] : undefined;
const pairs = argv.includes('--pairs');
const chosen = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--flow' && argv[i - 1] !== '--generated');
const names = chosen.length > 0 ? chosen : Object.keys(CONFIGS);

const real = new ELK();
const doc = (path: string) => {
  const parsed = parseFlow(readFileSync(path, 'utf8'));
  return parsed.ok ? parsed.doc : undefined;
};
const parseDoc = (text: string) => {
  const parsed = parseFlow(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.doc;
};
const graphs = (
  pairs
    ? readdirSync(join(corpus, '../pairs'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => {
          const a = doc(join(corpus, '../pairs', d.name, 'a.flow-meta.xml'));
          const b = doc(join(corpus, '../pairs', d.name, 'b.flow-meta.xml'));
          return { name: d.name, graph: a && b ? diffFlows(a, b).graph : undefined };
        })
    : readdirSync(corpus)
        .filter((f) => /\.(flow-meta\.xml|flow)$/.test(f))
        .map((f) => {
          const d = doc(join(corpus, f));
          return { name: f.replace(/\.(flow-meta\.xml|flow)$/, ''), graph: d ? buildGraph(d) : undefined };
        })
)
  .filter((g) => g.graph && g.graph.nodes.length > 1 && g.graph.nodes.length <= 400)
  .filter((g) => !only || g.name.includes(only));
// --generated N: a generated flow-shaped graph of N elements instead (ELK's time at the size the app allows).
if (argv.includes('--generated')) {
  const n = Number(argv[argv.indexOf('--generated') + 1]);
  graphs.splice(0, graphs.length, { name: `generated ${n}`, graph: buildGraph(parseDoc(generateFlow(n, 11).xml)) });
}

for (const name of names) {
  const rewrites = CONFIGS[name];
  if (!rewrites) throw new Error(`unknown config ${name}`);
  const elk: ElkLike = {
    layout: (root) => {
      for (const r of rewrites) r(root);
      return real.layout(root);
    },
  };
  const t = {
    flows: 0,
    crossings: 0,
    faults: 0,
    invalid: 0,
    upward: 0,
    order: 0,
    startLow: 0,
    ms: 0,
    worst: 0,
    area: 0,
  };
  const per: string[] = [];
  const byFlow: Record<string, number> = {};
  for (const { name: flow, graph } of graphs) {
    if (!graph) continue;
    const t0 = performance.now();
    const picture = await layoutWithElk(graph, elk);
    const ms = performance.now() - t0;
    const result: LayoutResult = { ...picture, engine: 'elk' };
    const p = checkPicture(renderSvg(graph, result));
    const faults = p.throughCard.length + p.onConnector.length + p.labelOnCard.length + p.labelOnLabel.length;
    const invalid = checkLayout(graph, result).length;
    const order = checkOutcomeOrder(graph, result, false).length;
    // Connectors drawn upwards that are not Go To jumps: a loop's way back is one, a wrongly broken cycle more.
    const upward = graph.edges.filter((e) => {
      const s = result.nodes[e.source];
      const d = result.nodes[e.target];
      return !e.goTo && s && d && d.y + d.height <= s.y;
    }).length;
    t.upward += upward;
    // Start not at the top: some element drawn above it.
    const start = result.nodes.$start;
    if (start && Object.values(result.nodes).some((b) => b.y + b.height <= start.y)) t.startLow++;
    t.order += order;
    t.flows++;
    byFlow[flow] = p.crossings;
    t.crossings += p.crossings;
    t.faults += faults;
    t.invalid += invalid;
    t.ms += ms;
    t.worst = Math.max(t.worst, ms);
    t.area += (result.width * result.height) / 1e6;
    if (only || /MS_Teams_Managment|Merchant_Processing_Agreement_MAIN|flowImport|Lead_Conversion/.test(flow))
      per.push(
        `  ${flow}: ${p.crossings} crossings, ${faults} faults, ${upward} up, ${order} order, ${Math.round(ms)} ms`,
      );
  }
  console.log(
    `${name}: flows ${t.flows}, crossings ${t.crossings}, faults ${t.faults}, invalid ${t.invalid}, ` +
      `upward ${t.upward}, order ${t.order}, Start not on top ${t.startLow}, ` +
      `ELK ${Math.round(t.ms)} ms (worst ${Math.round(t.worst)}), area ${t.area.toFixed(1)} Mpx²`,
  );
  if (per.length) console.log(per.join('\n'));
  if (argv.includes('--worst'))
    console.log(
      Object.entries(byFlow)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 6)
        .map(([f, c]) => `  ${f}: ${c}`)
        .join('\n'),
    );
}
