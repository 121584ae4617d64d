import { startLine } from '../../describe/startLine';
import { wellFormed } from '../../model/parse/wellFormed';
import type { AppState } from '../../state/store';

/** The picture on screen as a standalone SVG (the renderer the CLI uses), or undefined before layout. */
export async function screenSvg(
  s: AppState,
): Promise<{ svg: string; name: string; width: number; height: number } | undefined> {
  if (s.layout.status !== 'done') return undefined;
  const { renderSvg } = await import('../../render/svg');
  const comparison = s.comparison;
  const flow = comparison?.after ?? s.flow;
  if (!flow) return undefined;
  const doc = flow.doc;
  const startDetail = startLine(doc);
  const graph = comparison?.diff.graph ?? flow.graph;
  const renamedFrom = comparison
    ? new Map(comparison.diff.nodes.filter((n) => n.renamedFrom).map((n) => [n.id, n.renamedFrom as string]))
    : undefined;
  const title = comparison
    ? `${doc.label || doc.name}: ${comparison.before.source.name} → ${comparison.after.source.name}`
    : doc.label || doc.name;
  const svg = renderSvg(graph, s.layout.layout, { startDetail, renamedFrom, title, selected: s.selection });
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return {
    svg,
    // The download's file name: a lone surrogate in the API name becomes U+FFFD, as in the SVG and a link.
    name: `${wellFormed(doc.name) || 'flow'}${comparison ? '-diff' : ''}`,
    width: Number(size?.[1] ?? 800),
    height: Number(size?.[2] ?? 600),
  };
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
