/**
 * Fixed sizes: every node's box comes from its element type alone and every edge label's box from its
 * text alone, so the browser, the worker, the CLI and the tests lay out identically (no DOM measuring).
 * The views must draw within these boxes (see the label contract below).
 */
import { elementKind } from '../../model/elements';

export interface Size {
  width: number;
  height: number;
}

/** The Builder-like card: icon + label + type name. */
export const NODE_SIZE: Size = { width: 220, height: 64 };
/** Start lists the trigger (object, when it runs): a wider card. */
export const START_SIZE: Size = { width: 260, height: 80 };
/** A placeholder for a connector target that does not exist. */
export const MISSING_SIZE: Size = { width: 160, height: 48 };
/** End elements (`ends`): a small pill. */
const END_SIZE: Size = { width: 120, height: 40 };

/** An End Auto-Layout adds after a path that ends (structured/ends.ts): a small pill under the path. */
export const END_PILL: Size = { width: 72, height: 32 };

export function nodeSize(type: string): Size {
  if (type === '$end') return END_PILL;
  switch (elementKind(type).category) {
    case 'start':
      return START_SIZE;
    case 'missing':
      return MISSING_SIZE;
    case 'end':
      return END_SIZE;
    default:
      return NODE_SIZE;
  }
}

/**
 * Estimated width of a character in em, as the views estimate it (render/text.ts `textWidth`, calibrated
 * on DejaVu Sans, among the widest UI fonts): the layout reserves what the views will draw.
 */
function charEm(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  if (code > 0x2e80) return 1;
  if ("il.,:;|!'`ijtf()[] ".includes(c)) return 0.32;
  if ('mwMW@%'.includes(c)) return 0.85;
  if (c >= 'A' && c <= 'Z') return 0.7;
  return 0.62;
}
function textEm(text: string): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em;
}

/** A comparison's "+ " / "− " before a label or a marker: reserved always (the layout knows no statuses). */
const MARK_EM = 0.62 + 0.32;

/**
 * Edge label contract (views draw labels as pills this way, FlowEdge.tsx and render/edges.ts): one line of
 * 12px text (bold for loops and added connectors), 8px padding each side, 20px high including the border;
 * at most LABEL_MAX_WIDTH wide (longer text is cut with an ellipsis). The box is the widest pill the views
 * can draw for the text (bold, with a comparison's mark), so no pill leaves it.
 */
const LABEL_MAX_WIDTH = 260;
const LABEL_HEIGHT = 20;

export function labelSize(text: string): Size {
  const width = Math.min(LABEL_MAX_WIDTH, Math.ceil((textEm(text) + MARK_EM) * 12 * 1.1) + 16);
  return { width, height: LABEL_HEIGHT };
}

/**
 * A Go To stub's marker ("↪ Target", "Fault → Target", "Outcome → Target"): 11px text, 7px padding each
 * side, 18px high, at most 200 wide; drawn 4px right of the stub's end, centred on it. Without the target's
 * label (a graph without labels) the widest marker is reserved.
 */
export const MARKER_GAP = 4;
const MARKER_MAX_WIDTH = 200;
export const MARKER_HEIGHT = 18;

export function markerWidth(kind: string, label: string | undefined, target: string | undefined): number {
  if (target === undefined) return MARKER_MAX_WIDTH;
  const lead = kind === 'fault' ? 'Fault → ' : label && kind !== 'next' ? `${label} → ` : '↪ ';
  return Math.min(MARKER_MAX_WIDTH, Math.ceil((textEm(lead + target) + MARK_EM) * 11) + 14);
}
