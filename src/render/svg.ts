/**
 * A flow's picture (or a diff's union graph) as one standalone SVG document: the same cards, colours,
 * connectors, labels and diff marks as the canvas, light theme. Pure string building — no DOM, no
 * React — so the CLI (`flowscope render`) and the browser's "Export SVG/PNG" share it; import it lazily
 * in the browser (`await import('../render/svg')`). Every text is escaped: labels are untrusted.
 *
 *   renderSvg(graph: FlowGraph | DiffGraph, layout: LayoutGeometry, options?: SvgOptions): string
 *     `layout` is the LayoutResult of that same graph (layout/ in Node, the worker in the browser);
 *     the export needs only its geometry (src/layout/types.ts): boxes, routes, label boxes, jump stubs.
 *     A graph whose nodes carry `status` (model/diff's DiffGraph) is drawn as a diff, with a legend.
 *     For PNG: draw the string into an <img> (Blob URL) and that onto a canvas; width/height attributes
 *     give the natural size in CSS pixels.
 */
import type { LayoutGeometry } from '../layout/types';
import type { DiffGraph, DiffGraphEdge, DiffGraphNode, NodeStatus } from '../model/diff/types';
import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph';
import { edgesSvg, markerDefs } from './edges';
import { endSvg, foldSvg, nodeSvg } from './nodes';
import { STATUS_LOOK } from './status';
import { THEME } from './style';
import { esc, fitText, n } from './text';

export interface SvgOptions {
  /** Start's second line, as the canvas shows it: "Opportunity · A record is created or updated — after save". */
  startDetail?: string;
  /**
   * Diff: union id → API name in the before version, for renamed elements' "was …" (default: the nodes'
   * own `renamedFrom`).
   */
  renamedFrom?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** A heading above the picture (e.g. the flow's label). */
  title?: string;
  /** An element drawn selected (the canvas's accent ring). */
  selected?: string;
  /** Go To and jump connectors: `stub` (default, like the canvas until selected) or the whole `line`. */
  goTo?: 'stub' | 'line';
}

const MARGIN = 24;
const LEGEND_ORDER: NodeStatus[] = ['added', 'removed', 'changed', 'renamed', 'unchanged'];

type AnyNode = GraphNode & { status?: DiffGraphNode['status']; renamedFrom?: string };
type AnyEdge = GraphEdge & { status?: DiffGraphEdge['status'] };

export function renderSvg(graph: FlowGraph | DiffGraph, layout: LayoutGeometry, options: SvgOptions = {}): string {
  const nodes = graph.nodes as AnyNode[];
  const edges = graph.edges as AnyEdge[];
  const isDiff = nodes.some((x) => x.status !== undefined);
  const renamed =
    options.renamedFrom instanceof Map ? options.renamedFrom : new Map(Object.entries(options.renamedFrom ?? {}));
  const header: string[] = [];
  let headerHeight = 0;
  let headerWidth = 0;
  if (options.title) {
    const title = fitText(options.title, Math.max(400, layout.width), 16, true);
    header.push(`<text x="0" y="16" font-size="16" font-weight="700" fill="${THEME.text}">${esc(title)}</text>`);
    headerHeight += 28;
  }
  if (isDiff) {
    const legend = legendSvg(nodes, headerHeight);
    header.push(legend.svg);
    headerWidth = legend.width;
    headerHeight += 44;
  }
  const width = Math.max(layout.width, headerWidth) + 2 * MARGIN;
  const height = layout.height + headerHeight + 2 * MARGIN;
  const faults = new Set(edges.filter((e) => e.kind === 'fault').map((e) => e.source));
  const goToTargets = new Set(edges.filter((e) => e.goTo).map((e) => e.target));
  const labels = new Map(nodes.map((x) => [x.id, x.label]));
  // The Ends Auto-Layout added after paths that end: connectors of their path's kind, never a change.
  const ends = layout.ends ?? [];
  const endEdges: AnyEdge[] = ends.map((end) => {
    const e: AnyEdge = { id: end.edge, source: end.source, target: end.id, kind: end.kind, goTo: false };
    if (end.label !== undefined) e.label = end.label;
    if (isDiff) e.status = 'unchanged';
    return e;
  });
  for (const end of ends) labels.set(end.id, 'End');
  const drawn = edgesSvg(endEdges.length > 0 ? [...edges, ...endEdges] : edges, layout, labels, options.goTo ?? 'stub');
  const cards = nodes.flatMap((node) => {
    const box = layout.nodes[node.id];
    if (!box) return [];
    // Changes only: a run of unchanged elements folded into one "… N unchanged" card.
    if (node.type === 'fold') return [foldSvg(node.id, node.label, box)];
    return [
      nodeSvg(node, box, {
        detail: node.type === 'start' ? options.startDetail : undefined,
        hasFault: faults.has(node.id),
        goToTarget: goToTargets.has(node.id),
        status: node.status,
        renamedFrom: renamed.get(node.id) ?? node.renamedFrom,
        selected: options.selected === node.id,
      }),
    ];
  });
  for (const end of ends) {
    const box = layout.nodes[end.id];
    if (box) cards.push(endSvg(end.id, box, isDiff));
  }
  const title = options.title ?? graph.flow.label;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" ` +
      `viewBox="0 0 ${n(width)} ${n(height)}" font-family="${esc(THEME.font)}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<defs>${markerDefs()}</defs>`,
    `<rect width="100%" height="100%" fill="${THEME.canvas}"/>`,
    header.length > 0 ? `<g transform="translate(${MARGIN},${MARGIN})">${header.join('')}</g>` : '',
    `<g transform="translate(${MARGIN},${MARGIN + headerHeight})">`,
    `<g class="edges">${drawn.lines}</g>`,
    `<g class="nodes">${cards.join('\n')}</g>`,
    `<g class="labels">${drawn.labels}</g>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

/** Swatch + mark + word (+ count) per status, then the two connector line samples. */
function legendSvg(nodes: AnyNode[], y: number): { svg: string; width: number } {
  const counts = new Map<NodeStatus, number>();
  for (const node of nodes) if (node.status) counts.set(node.status, (counts.get(node.status) ?? 0) + 1);
  const parts: string[] = [];
  let x = 10;
  for (const status of LEGEND_ORDER) {
    const look = STATUS_LOOK[status];
    const word = `${look.word}${status === 'unchanged' ? ' (dimmed)' : ''} ${counts.get(status) ?? 0}`;
    parts.push(
      `<rect x="${x}" y="6" width="16" height="16" rx="4" fill="${look.badge}"/>` +
        `<text x="${x + 8}" y="18" font-size="11" font-weight="700" fill="#fff" text-anchor="middle">` +
        `${esc(look.mark)}</text>` +
        `<text x="${x + 21}" y="18" font-size="11" fill="${THEME.text}">${esc(word)}</text>`,
    );
    x += 21 + word.length * 6.2 + 14;
  }
  for (const [status, label] of [
    ['added', 'connector added'],
    ['removed', 'connector removed'],
  ] as const) {
    const look = STATUS_LOOK[status];
    const dash = status === 'removed' ? ' stroke-dasharray="4 3"' : '';
    parts.push(
      `<line x1="${n(x)}" y1="14" x2="${n(x + 22)}" y2="14" stroke="${look.color}" stroke-width="2.5"${dash}/>` +
        `<text x="${n(x + 27)}" y="18" font-size="11" fill="${THEME.text}">${label}</text>`,
    );
    x += 27 + label.length * 6.2 + 14;
  }
  const width = x;
  return {
    svg:
      `<g class="legend" transform="translate(0,${y})">` +
      `<rect width="${n(width)}" height="28" rx="6" fill="${THEME.panel}" stroke="${THEME.border}"/>` +
      `${parts.join('')}</g>`,
    width,
  };
}
