import { startLine } from '../../describe/startLine';
import { wellFormed } from '../../model/parse/wellFormed';
import { plainSourceName } from '../../state/links';
import type { AppState } from '../../state/store';
import { THEME } from '../../render/style';
import { beforeLabels } from '../diff/sideLabels';
import { visibleIn } from '../diff/visible';

type Picture = { svg: string; name: string; width: number; height: number };
type Graph = Parameters<RenderSvg>[0];
type RenderSvg = typeof import('../../render/svg').renderSvg;

const sizeOf = (svg: string) => {
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(size?.[1] ?? 800), height: Number(size?.[2] ?? 600) };
};

/**
 * The picture on screen as a standalone SVG (the renderer the CLI uses), or undefined before layout. A
 * comparison is drawn as its mode shows it: Before or After alone, Side by side as the two pictures next
 * to each other; Changes only as its folded picture; Overlay as the overlay.
 */
export async function screenSvg(s: AppState): Promise<Picture | undefined> {
  if (s.layout.status !== 'done') return undefined;
  const { renderSvg } = await import('../../render/svg');
  const comparison = s.comparison;
  const flow = comparison?.after ?? s.flow;
  if (!flow) return undefined;
  const doc = flow.doc;
  const startDetail = startLine(doc);
  const layout = s.layout.layout;
  // The download's file name: a lone surrogate in the API name becomes U+FFFD, as in the SVG and a link.
  const name = `${wellFormed(doc.name) || 'flow'}${comparison ? '-diff' : ''}`;
  if (!comparison) {
    const svg = renderSvg(flow.graph, layout, { startDetail, title: doc.label || doc.name, selected: s.selection });
    return { svg, name, ...sizeOf(svg) };
  }
  const { diff, before, after } = comparison;
  const renamedFrom = new Map(diff.nodes.filter((n) => n.renamedFrom).map((n) => [n.id, n.renamedFrom as string]));
  const [was, now] = [plainSourceName(before.source), plainSourceName(after.source)];
  const draw = (graph: Graph, title: string, detail = startDetail) =>
    renderSvg(graph, layout, { startDetail: detail, renamedFrom, title, selected: s.selection });
  const side = (which: 'before' | 'after') => {
    const shown = visibleIn(diff.graph, which === 'before' ? 'side-before' : 'side-after');
    const words = which === 'before' ? beforeLabels(comparison) : undefined;
    return {
      flow: { ...diff.graph.flow },
      warnings: diff.graph.warnings,
      nodes: diff.graph.nodes
        .filter((x) => shown.nodes.has(x.id))
        .map((x) => ({ ...x, label: words?.nodes.get(x.id) ?? x.label })),
      edges: diff.graph.edges
        .filter((e) => shown.edges.has(e.id))
        .map((e) => (words?.edges.has(e.id) ? { ...e, label: words.edges.get(e.id) } : e)),
    } as Graph;
  };
  const beforeDetail = startLine(before.doc);
  if (s.diffMode === 'before') return one(draw(side('before'), `Before: ${was}`, beforeDetail), `${name}-before`);
  if (s.diffMode === 'after') return one(draw(side('after'), `After: ${now}`), `${name}-after`);
  if (s.diffMode === 'side')
    return nextTo(draw(side('before'), `Before: ${was}`, beforeDetail), draw(side('after'), `After: ${now}`), name);
  const heading = `${doc.label || doc.name}: ${was} → ${now}`;
  // Changes only: the folded picture on screen (each change with its neighbours, the rest folded).
  const view = s.changesView;
  if (s.diffMode === 'changes' && view?.diff === diff && view.layout.status === 'done')
    return one(
      renderSvg(view.folded.graph, view.layout.layout, {
        startDetail,
        renamedFrom,
        title: `${heading} (changes only)`,
      }),
      `${name}-changes`,
    );
  return one(draw(diff.graph, heading), name);
}

const one = (svg: string, name: string): Picture => ({ svg, name, ...sizeOf(svg) });

/** Two standalone pictures in one, left and right, top-aligned. */
function nextTo(left: string, right: string, name: string): Picture {
  const a = sizeOf(left);
  const b = sizeOf(right);
  const width = a.width + b.width;
  const height = Math.max(a.height, b.height);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${THEME.canvas}"/>`,
    left.replace('<svg ', '<svg x="0" y="0" '),
    `<line x1="${a.width}" y1="0" x2="${a.width}" y2="${height}" stroke="${THEME.border}"/>`,
    right.replace('<svg ', `<svg x="${a.width}" y="0" `),
    '</svg>',
    '',
  ].join('\n');
  return { svg, name: `${name}-side`, width, height };
}

/** Starts a download of a blob under a file name. */
export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Browsers cap a canvas near 16,384 px a side and ~268 M pixels; big flows are scaled down to fit. */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

/** SVG → PNG through an <img> and a canvas, at 2× where it fits. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The browser could not draw the SVG.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser has no 2D canvas.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The picture is too big to turn into a PNG; export SVG instead.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
