/** One element card as the canvas draws it (views/canvas/FlowNode.tsx + canvas.css), in SVG. */
import type { Box } from '../layout/types';
import type { NodeStatus } from '../model/diff/types';
import { elementKind } from '../model/elements';
import { elementColor, END_COLOR } from './elementLook';
import type { GraphNode } from '../model/graph';
import { ICON_PATHS } from './icons';
import { STATUS_LOOK } from './status';
import { desaturate, THEME, tint } from './style';
import { esc, fitText, n, textWidth, wrap } from './text';

export interface NodeLook {
  detail?: string;
  hasFault: boolean;
  goToTarget: boolean;
  status?: NodeStatus;
  renamedFrom?: string;
  selected: boolean;
}

const TILE = 36;
const TEXT_X = 8 + TILE + 10;
const LABEL = { size: 13, line: 15.6, ascent: 12 };
const TYPE = { size: 11, line: 13.5, ascent: 10.5 };

export function nodeSvg(node: GraphNode, box: Box, look: NodeLook): string {
  const kind = elementKind(node.type);
  const { width: w, height: h } = box;
  const status = look.status;
  const missing = node.type === 'missing';
  let stroke: string = THEME.border;
  let strokeWidth = 1;
  let dash = '';
  let fill: string = THEME.panel;
  let opacity = 1;
  if (missing) {
    stroke = THEME.fault;
    dash = '5 3';
    fill = tint(THEME.fault, 0.06);
  }
  if (status && status !== 'unchanged') {
    stroke = STATUS_LOOK[status].color;
    strokeWidth = 2;
    fill = tint(stroke, status === 'removed' ? 0.06 : 0.08);
    if (status === 'removed') {
      dash = '6 4';
      opacity = 0.7;
    }
  }
  if (status === 'unchanged' && !look.selected) opacity = 0.55;
  if (look.selected) stroke = THEME.accent;
  const color = status === 'unchanged' ? desaturate(elementColor(node.type), 0.35) : elementColor(node.type);
  const out: string[] = [];
  const was = look.renamedFrom ? `, was ${look.renamedFrom}` : '';
  const said = status && status !== 'unchanged' ? ` — ${STATUS_LOOK[status].word}${was}` : '';
  const tip = `${node.label} (${kind.builderName})${said}`;
  const faded = opacity < 1 ? ` opacity="${opacity}"` : '';
  out.push(
    `<g class="node" data-id="${esc(node.id)}" transform="translate(${n(box.x)},${n(box.y)})"${faded}>`,
    `<title>${esc(tip)}</title>`,
  );
  if (look.selected)
    out.push(
      `<rect x="-3" y="-3" width="${n(w + 6)}" height="${n(h + 6)}" rx="13" fill="none" ` +
        `stroke="${THEME.accent}" stroke-opacity="0.35" stroke-width="3"/>`,
    );
  out.push(`<rect y="1" width="${n(w)}" height="${n(h)}" rx="10" fill="#000" fill-opacity="0.06"/>`);
  const dashed = dash ? ` stroke-dasharray="${dash}"` : '';
  out.push(
    `<rect width="${n(w)}" height="${n(h)}" rx="10" fill="${fill}" ` +
      `stroke="${stroke}" stroke-width="${strokeWidth}"${dashed}/>`,
  );
  out.push(tileSvg(node.type, kind.icon, color, h / 2));
  out.push(textSvg(node, kind.builderName, look.detail, w, h, status === 'removed'));
  out.push(badgesSvg(node, look, w));
  if (status && status !== 'unchanged') out.push(statusBadge(status, look.renamedFrom));
  out.push('</g>');
  return out.join('');
}

function tileSvg(type: string, icon: string, color: string, cy: number): string {
  const cx = 8 + TILE / 2;
  const shape =
    type === 'decisions'
      ? `<rect x="-15" y="-15" width="30" height="30" rx="5" transform="translate(${cx},${n(cy)}) rotate(45)" ` +
        `fill="${color}"/>`
      : type === 'start' || type === 'ends'
        ? `<circle cx="${cx}" cy="${n(cy)}" r="${TILE / 2}" fill="${color}"/>`
        : `<rect x="8" y="${n(cy - TILE / 2)}" width="${TILE}" height="${TILE}" rx="8" fill="${color}"/>`;
  const glyph =
    `<path d="${ICON_PATHS[icon] ?? ICON_PATHS.unknown}" ` +
    `transform="translate(${cx - 10},${n(cy - 10)}) scale(0.8333)" fill="#fff" fill-rule="evenodd"/>`;
  return shape + glyph;
}

/** Label (bold, up to two lines) over the Builder type or Start's trigger; clipped to the card by a nested viewport. */
function textSvg(
  node: GraphNode,
  builderName: string,
  detail: string | undefined,
  w: number,
  h: number,
  struck: boolean,
): string {
  const room = w - TEXT_X - 10;
  // Estimated widths: wrap with a margin so a wider font wraps early instead of being clipped.
  const safe = room * 0.92;
  const labelLines = wrap(node.label, safe, LABEL.size, 2, true);
  // Start's trigger takes a third line when the label leaves room ("… — after save", not "after sa…").
  const room3 = labelLines.length * LABEL.line + 3 * TYPE.line <= h - 8 ? 3 : 2;
  const typeLines =
    node.type === 'start' && detail
      ? wrap(detail, safe, TYPE.size, room3)
      : [fitText(detail ?? builderName, safe, TYPE.size)];
  const block = labelLines.length * LABEL.line + typeLines.length * TYPE.line;
  const top = (h - block) / 2;
  const parts: string[] = [];
  labelLines.forEach((line, i) => {
    parts.push(
      `<text x="0" y="${n(top + i * LABEL.line + LABEL.ascent)}" font-size="${LABEL.size}" font-weight="600" ` +
        `fill="${THEME.text}"${struck ? ` text-decoration="line-through"` : ''}>${esc(line)}</text>`,
    );
  });
  const typeTop = top + labelLines.length * LABEL.line;
  typeLines.forEach((line, i) => {
    parts.push(
      `<text x="0" y="${n(typeTop + i * TYPE.line + TYPE.ascent)}" font-size="${TYPE.size}" ` +
        `fill="${THEME.muted}">${esc(line)}</text>`,
    );
  });
  return `<svg x="${TEXT_X}" y="0" width="${n(room)}" height="${n(h)}" overflow="hidden">${parts.join('')}</svg>`;
}

/** Fault / Go To / Unreachable / Missing pills on the top edge, right-aligned. */
function badgesSvg(node: GraphNode, look: NodeLook, w: number): string {
  const badges: [string, string][] = [];
  if (look.hasFault) badges.push(['Fault', THEME.fault]);
  if (look.goToTarget) badges.push(['Go To', THEME.goTo]);
  if (node.unreachable) badges.push(['Unreachable', THEME.warn]);
  if (node.type === 'missing') badges.push(['Missing', THEME.warn]);
  let right = w - 8;
  const out: string[] = [];
  for (const [text, color] of badges.reverse()) {
    const bw = Math.ceil(textWidth(text, 10, true)) + 12;
    right -= bw;
    out.push(
      `<rect x="${n(right)}" y="-9" width="${bw}" height="16" rx="8" fill="${THEME.panel}" stroke="${color}"/>` +
        `<text x="${n(right + bw / 2)}" y="2.5" font-size="10" font-weight="600" fill="${color}" ` +
        `text-anchor="middle">${text}</text>`,
    );
    right -= 4;
  }
  return out.join('');
}

/** "+ Added", "↻ Renamed · was Old_Name": the status in a mark and a word, top-left. */
function statusBadge(status: Exclude<NodeStatus, 'unchanged'>, renamedFrom: string | undefined): string {
  const look = STATUS_LOOK[status];
  const text = fitText(`${look.mark} ${look.word}${renamedFrom ? ` · was ${renamedFrom}` : ''}`, 178, 10, true);
  const bw = Math.ceil(textWidth(text, 10, true)) + 12;
  return (
    `<rect x="8" y="-10" width="${bw}" height="16" rx="8" fill="${look.badge}"/>` +
    `<text x="14" y="1.5" font-size="10" font-weight="700" fill="#fff">${esc(text)}</text>`
  );
}

// The canvas takes END_COLOR from elementLook.ts: importing it from here put this file on the first screen.
export { END_COLOR };

/**
 * An End as Auto-Layout draws it under a path that ends: a small pill, a red stop mark and the word End.
 * Not an element (the layout added it): no badges, no status; dimmed with the unchanged in a comparison.
 */
export function endSvg(id: string, box: Box, dimmed: boolean): string {
  const { width: w, height: h } = box;
  const r = h / 2;
  const faded = dimmed ? ' opacity="0.55"' : '';
  return (
    `<g class="node" data-id="${esc(id)}" data-end="true" transform="translate(${n(box.x)},${n(box.y)})"${faded}>` +
    `<title>End</title>` +
    `<rect width="${n(w)}" height="${n(h)}" rx="${n(r)}" fill="${tint(END_COLOR, 0.08)}" stroke="${END_COLOR}"/>` +
    `<circle cx="${n(r)}" cy="${n(r)}" r="${n(r - 6)}" fill="${END_COLOR}"/>` +
    `<rect x="${n(r - 4)}" y="${n(r - 4)}" width="8" height="8" rx="1.5" fill="#fff"/>` +
    `<text x="${n(r * 2 + 4)}" y="${n(r + 4.5)}" font-size="12" font-weight="600" fill="${END_COLOR}">End</text>` +
    '</g>'
  );
}

/** Changes only's fold, as the canvas draws it: a dashed, tinted card saying what it stands for. */
export function foldSvg(id: string, label: string, box: Box): string {
  const text = fitText(label, box.width - 20, 12);
  return (
    `<g class="node" data-id="${esc(id)}" data-fold="true" transform="translate(${n(box.x)},${n(box.y)})">` +
    `<title>${esc(label)}</title>` +
    `<rect width="${n(box.width)}" height="${n(box.height)}" rx="10" fill="${tint(THEME.muted, 0.06)}" ` +
    `stroke="${THEME.muted}" stroke-dasharray="4 3"/>` +
    `<text x="${n(box.width / 2)}" y="${n(box.height / 2 + 4)}" font-size="12" fill="${THEME.muted}" ` +
    `text-anchor="middle">${esc(text)}</text></g>`
  );
}
