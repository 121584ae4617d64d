/** Connectors as the canvas draws them (views/canvas/FlowEdge.tsx + canvas.css), in SVG. */
import type { Box, LayoutGeometry, Point } from '../layout/types';
import type { EdgeStatus } from '../model/diff/types';
import type { GraphEdge } from '../model/graph';
import { EDGE_STATUS_COLOR } from './status';
import { THEME } from './style';
import { roundedPath } from './path';
import { esc, fitText, n, textWidth } from './text';

type Edge = GraphEdge & { status?: EdgeStatus };

const ARROW = 'M0,0 L10,5 L0,10 z';
const MARKERS: [id: string, color: string, path: string, size: number][] = [
  ['fsx-arrow', THEME.edge, ARROW, 7],
  ['fsx-arrow-fault', THEME.fault, ARROW, 7],
  ['fsx-arrow-goto', THEME.goTo, 'M0,0 L10,5 L0,10 L3,5 z', 8],
  ['fsx-arrow-added', EDGE_STATUS_COLOR.added, ARROW, 6],
  ['fsx-arrow-removed', EDGE_STATUS_COLOR.removed, ARROW, 6],
];

export function markerDefs(): string {
  return MARKERS.map(
    ([id, color, d, size]) =>
      `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${size}" markerHeight="${size}" ` +
      `orient="auto-start-reverse"><path d="${d}" fill="${color}"/></marker>`,
  ).join('');
}

export function edgesSvg(
  edges: readonly Edge[],
  layout: LayoutGeometry,
  labels: ReadonlyMap<string, string>,
  goTo: 'stub' | 'line',
): { lines: string; labels: string } {
  const lines: string[] = [];
  const pills: string[] = [];
  // A removed and an added stub leaving the same point sit one above the other; a lone stub stays centred.
  const ends = new Map<string, number>();
  for (const e of edges) {
    const route = layout.edges[e.id];
    if (!route || goTo !== 'stub' || !(e.goTo || route.jump)) continue;
    const stub = route.jump?.stub ?? route.points.slice(0, 2);
    const end = stub[stub.length - 1];
    if (end) ends.set(`${end.x},${end.y}`, (ends.get(`${end.x},${end.y}`) ?? 0) + 1);
  }
  for (const e of edges) {
    const route = layout.edges[e.id];
    if (!route || route.points.length < 2) continue;
    const stubbed = goTo === 'stub' && (e.goTo || route.jump !== undefined);
    const points = stubbed ? (route.jump?.stub ?? route.points.slice(0, 2)) : route.points;
    let stroke: string = e.goTo
      ? THEME.goTo
      : e.kind === 'fault'
        ? THEME.fault
        : e.kind === 'scheduledPath'
          ? THEME.scheduled
          : THEME.edge;
    let width = 1.5;
    let dash = e.goTo ? '5 3' : e.kind === 'fault' ? '6 4' : '';
    let opacity = 1;
    let marker = e.goTo ? 'fsx-arrow-goto' : e.kind === 'fault' ? 'fsx-arrow-fault' : 'fsx-arrow';
    if (e.status === 'added') {
      stroke = EDGE_STATUS_COLOR.added;
      width = 2.5;
      marker = 'fsx-arrow-added';
    } else if (e.status === 'removed') {
      stroke = EDGE_STATUS_COLOR.removed;
      width = 2;
      dash = '3 4';
      opacity = 0.75;
      marker = 'fsx-arrow-removed';
    } else if (e.status === 'unchanged') {
      opacity = 0.5;
    }
    const dashed = dash ? ` stroke-dasharray="${dash}"` : '';
    const faded = opacity < 1 ? ` opacity="${opacity}"` : '';
    lines.push(
      `<path d="${roundedPath(points)}" fill="none" stroke="${stroke}" stroke-width="${width}"${dashed}${faded} ` +
        `marker-end="url(#${marker})" data-source="${esc(e.source)}" data-target="${esc(e.target)}" ` +
        `data-kind="${esc(e.kind)}"${stubbed ? ' data-stub="true"' : ''}/>`,
    );
    // A bundle of parallel connectors says how many it stands for ("Rule 1 + 999 more").
    const shown = route.bundle !== undefined && route.label?.text ? { ...e, label: route.label.text } : e;
    const end = points[points.length - 1] as Point;
    const twin = (ends.get(`${end.x},${end.y}`) ?? 0) > 1;
    if (stubbed) pills.push(stubMarker(shown, end, labels.get(e.target) ?? e.target, twin));
    else if (shown.label && route.label) pills.push(labelPill(shown, route.label));
  }
  return { lines: lines.join('\n'), labels: pills.join('\n') };
}

/** The label pill, centred on the box the layout reserved (one line; the canvas cuts long text the same way). */
function labelPill(e: Edge, box: Box): string {
  const prefix = e.status === 'added' ? '+ ' : e.status === 'removed' ? '− ' : '';
  const bold = e.kind === 'loopNext' || e.kind === 'loopEnd' || e.status === 'added';
  const text = fitText(prefix + (e.label ?? ''), 260 - 16, 12, bold);
  const w = Math.ceil(textWidth(text, 12, bold)) + 16;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const color =
    e.status === 'added'
      ? EDGE_STATUS_COLOR.added
      : e.status === 'removed'
        ? EDGE_STATUS_COLOR.removed
        : e.goTo
          ? THEME.goTo
          : e.kind === 'fault'
            ? THEME.fault
            : undefined;
  const rect =
    `<rect x="${n(cx - w / 2)}" y="${n(cy - 9)}" width="${w}" height="18" rx="9" fill="${THEME.panel}" ` +
    `stroke="${color ?? THEME.border}"/>`;
  const attrs = `${bold ? ' font-weight="600"' : ''}${e.status === 'removed' ? ' text-decoration="line-through"' : ''}`;
  return (
    `${rect}<text x="${n(cx)}" y="${n(cy + 4)}" font-size="12" fill="${color ?? THEME.text}" ` +
    `text-anchor="middle"${attrs}>${esc(text)}</text>`
  );
}

/** A Go To (or jump) drawn as Builder draws it: a stub ending in "↪ Target". In a diff it says its status
 * (+ / − and colour, struck through when removed), and a removed and an added stub leaving the same point
 * sit one above the other, as on the canvas. */
function stubMarker(e: Edge, end: Point, target: string, twin: boolean): string {
  const mark = e.status === 'added' ? '+ ' : e.status === 'removed' ? '− ' : '';
  const lead = e.kind === 'fault' ? 'Fault → ' : e.label && e.kind !== 'next' ? `${e.label} → ` : '↪ ';
  // An added stub's text is bold: measured bold, or it runs past its border.
  const heavy = e.status === 'added';
  const text = fitText(mark + lead + target, 200 - 12, 11, heavy);
  const w = Math.ceil(textWidth(text, 11, heavy)) + 12;
  const statusColor =
    e.status === 'added' ? EDGE_STATUS_COLOR.added : e.status === 'removed' ? EDGE_STATUS_COLOR.removed : undefined;
  const color = statusColor ?? (e.goTo ? THEME.goTo : THEME.muted);
  const border = statusColor ?? (e.goTo ? THEME.goTo : THEME.edge);
  const dy = !twin ? 0 : e.status === 'removed' ? 11 : e.status === 'added' ? -11 : 0;
  const y = end.y + dy;
  const strike = e.status === 'removed' ? ' text-decoration="line-through"' : '';
  const dashed = e.status === 'added' ? '' : ' stroke-dasharray="3 2"';
  const bold = heavy ? ' font-weight="600"' : '';
  return (
    `<rect x="${n(end.x + 4)}" y="${n(y - 9)}" width="${w}" height="18" rx="8" fill="${THEME.panel}" ` +
    `stroke="${border}"${dashed}/>` +
    `<text x="${n(end.x + 10)}" y="${n(y + 4)}" font-size="11" fill="${color}"${bold}${strike}>${esc(text)}</text>`
  );
}
