import { useStore } from '@xyflow/react';
import { memo, useContext, useEffect, useRef } from 'react';
import { BeforeSide } from './side';
import { elementColor } from '../../render/elementLook';
import { EDGE_STATUS_COLOR, statusColor } from '../../render/status';
import type { FlowGraph } from '../../model/graph';
import type { CardNote, CardNotes, LayoutData } from '../../state/store';
import { useApp } from '../storeContext';
import type { CanvasFilter } from './model';

interface Props {
  graph: FlowGraph;
  layout: LayoutData;
  /** A comparison mode's view: what is hidden stays hidden, folds are drawn as their markers. */
  filter?: CanvasFilter;
}
type StatusOf = { status?: string };

/**
 * The far-zoom level of detail: thousands of DOM nodes made every pan frame cost hundreds of ms in
 * software rendering, so when zoomed out the whole flow is painted on a single canvas, culled to the view.
 */
export const FarView = memo(function FarView({ graph, layout, filter }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const selection = useApp((s) => s.selection);
  const highlight = useApp((s) => s.highlight);
  // The cards' notes (review checks, interviews: issues 15, 16) drawn here too, or a far view would hide them.
  const before = useContext(BeforeSide);
  const checkNotes = useApp((s) => (before ? s.checkNotesBefore : s.checkNotes));
  const runtimeNotes = useApp((s) => s.runtimeNotes);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width === 0) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      const css = getComputedStyle(canvas);
      const panel = css.getPropertyValue('--panel').trim() || '#fff';
      const border = css.getPropertyValue('--border').trim() || '#d8dde6';
      const accent = css.getPropertyValue('--accent').trim() || '#0176d3';
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
      const view = { x0: -tx / zoom, y0: -ty / zoom, x1: (width - tx) / zoom, y1: (height - ty) / zoom };
      const px = 1 / zoom;
      const dimmed = selection !== undefined;
      const groups: Record<string, Path2D> = {
        plain: new Path2D(),
        fault: new Path2D(),
        goTo: new Path2D(),
        added: new Path2D(),
        removed: new Path2D(),
        related: new Path2D(),
      };
      for (const e of graph.edges) {
        if (filter && !filter.edges.has(e.id)) continue;
        const route = layout.edges[e.id];
        const related = highlight.edges.has(e.id);
        // Go To and jump connectors as the near view draws them: a stub, unless their element is selected.
        const pts =
          !related && (e.goTo || route?.jump) ? (route?.jump?.stub ?? route?.points.slice(0, 2)) : route?.points;
        if (!pts || pts.length < 2 || !crosses(pts, view)) continue;
        const status = (e as StatusOf).status;
        const path = groups[
          related
            ? 'related'
            : status === 'added' || status === 'removed'
              ? status
              : e.goTo
                ? 'goTo'
                : e.kind === 'fault'
                  ? 'fault'
                  : 'plain'
        ] as Path2D;
        path.moveTo(pts[0]?.x ?? 0, pts[0]?.y ?? 0);
        for (let i = 1; i < pts.length; i++) path.lineTo(pts[i]?.x ?? 0, pts[i]?.y ?? 0);
      }
      const strokes: [string, string, number][] = [
        ['plain', '#8a8f96', 1.2],
        ['fault', '#ba0517', 1.2],
        ['goTo', '#7526e3', 1.2],
        ['added', EDGE_STATUS_COLOR.added, 2.5],
        ['removed', EDGE_STATUS_COLOR.removed, 2],
        ['related', accent, 2.5],
      ];
      for (const [key, color, w] of strokes) {
        ctx.globalAlpha = dimmed && key !== 'related' ? 0.3 : 1;
        ctx.strokeStyle = color;
        ctx.lineWidth = w * px;
        ctx.stroke(groups[key] as Path2D);
      }
      const tiny = zoom < 0.08;
      for (const n of graph.nodes) {
        if (filter && !filter.nodes.has(n.id)) continue;
        const b = layout.nodes[n.id];
        if (!b || b.x > view.x1 || b.y > view.y1 || b.x + b.width < view.x0 || b.y + b.height < view.y0) continue;
        // In a comparison the overview shows what changed: status colours, unchanged elements faded.
        const status = (n as StatusOf).status;
        const faded = status === 'unchanged';
        ctx.globalAlpha = (dimmed && !highlight.nodes.has(n.id)) || faded ? 0.35 : 1;
        const color = statusColor(status) ?? (faded ? '#9aa0a6' : elementColor(n.type));
        if (tiny) {
          ctx.fillStyle = color;
          ctx.fillRect(b.x, b.y, b.width, b.height);
        } else {
          ctx.fillStyle = panel;
          ctx.fillRect(b.x, b.y, b.width, b.height);
          ctx.strokeStyle = border;
          ctx.lineWidth = px;
          ctx.strokeRect(b.x, b.y, b.width, b.height);
          ctx.fillStyle = color;
          ctx.fillRect(b.x + 8, b.y + (b.height - 36) / 2, 36, 36);
          ctx.fillStyle = border;
          ctx.fillRect(b.x + 54, b.y + b.height / 2 - 9, Math.min(b.width - 70, 8 * Math.min(n.label.length, 18)), 8);
        }
        const changed = statusColor(status);
        if (changed && !tiny) {
          ctx.strokeStyle = changed;
          ctx.lineWidth = 3 * px;
          ctx.strokeRect(b.x, b.y, b.width, b.height);
        }
        if (n.id === selection) {
          ctx.strokeStyle = accent;
          ctx.lineWidth = 4 * px;
          ctx.strokeRect(b.x - 3 * px, b.y - 3 * px, b.width + 6 * px, b.height + 6 * px);
        }
      }
      ctx.globalAlpha = 1;
      for (const f of filter?.folds ?? []) {
        const b = f.box;
        ctx.fillStyle = border;
        ctx.fillRect(b.x, b.y, b.width, b.height);
      }
      drawNotes(ctx, [checkNotes, runtimeNotes], layout, view, px, filter);
    });
    return () => cancelAnimationFrame(frame);
  }, [graph, layout, filter, tx, ty, zoom, width, height, selection, highlight, checkNotes, runtimeNotes]);

  return (
    <canvas
      ref={ref}
      className="fs-far"
      style={{ width, height }}
      aria-label={`Overview of ${graph.nodes.length} elements: zoom in to read them`}
      role="img"
    />
  );
});

function crosses(pts: { x: number; y: number }[], v: { x0: number; y0: number; x1: number; y1: number }): boolean {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pts) {
    if (p.x < x0) x0 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.x > x1) x1 = p.x;
    if (p.y > y1) y1 = p.y;
  }
  return x0 <= v.x1 && y0 <= v.y1 && x1 >= v.x0 && y1 >= v.y0;
}

const TONE: Record<CardNote['tone'], string> = {
  error: '#ba0517',
  warning: '#a96404',
  note: '#5c5c5c',
  info: '#5c5c5c',
};

/**
 * Each noted card's notes as a pill on its top edge, at a readable size whatever the zoom: the words when they
 * fit the card's width on screen, else the mark and the first word ("⏸ 12"); on cards too small even for
 * that, a dot of the note's colour. On top of every card, so a neighbour never covers one.
 */
function drawNotes(
  ctx: CanvasRenderingContext2D,
  sources: CardNotes[],
  layout: LayoutData,
  view: { x0: number; y0: number; x1: number; y1: number },
  px: number,
  filter: CanvasFilter | undefined,
) {
  const ids = new Set<string>();
  for (const m of sources) for (const id of m.keys()) ids.add(id);
  if (ids.size === 0) return;
  ctx.font = `600 ${10 * px}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const h = 14 * px;
  for (const id of ids) {
    const b = layout.nodes[id];
    if (!b || (filter && !filter.nodes.has(id))) continue;
    if (b.x > view.x1 || b.y - h > view.y1 || b.x + b.width < view.x0 || b.y < view.y0) continue;
    const notes = sources.flatMap((m) => m.get(id) ?? []);
    const first = notes[0];
    if (!first) continue;
    const full = notes.map((n) => `${n.mark} ${n.text}`).join('  ');
    const short = notes.map((n) => `${n.mark} ${n.text.split(' ')[0] ?? ''}`).join(' ');
    const room = b.width + 16 * px;
    const text = [full, short].find((t) => ctx.measureText(t).width + 10 * px <= room);
    const tone = notes.some((n) => n.tone === 'error') ? 'error' : first.tone;
    ctx.fillStyle = TONE[tone];
    if (!text) {
      ctx.beginPath();
      ctx.arc(b.x + b.width - 4 * px, b.y, 5 * px, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    const w = ctx.measureText(text).width + 10 * px;
    const y = b.y; // centred on the card's top edge, as the near view's badges sit
    ctx.beginPath();
    ctx.roundRect(b.x, y - h / 2, w, h, h / 2);
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.fillText(text, b.x + 5 * px, y);
  }
}
