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
 * Edge label contract (views draw labels as pills this way):
 * - 12px UI font, estimated at 6.5px per character (no measuring);
 * - 6px padding left and right, 2px top and bottom, 16px per line;
 * - at most LABEL_MAX_WIDTH wide including padding: longer text wraps onto a second line and
 *   anything past two lines is cut with an ellipsis.
 */
const LABEL_CHAR_WIDTH = 6.5;
const LABEL_LINE_HEIGHT = 16;
const LABEL_PAD_X = 6;
const LABEL_PAD_Y = 2;
const LABEL_MAX_WIDTH = 180;
const LABEL_MAX_LINES = 2;

export function labelSize(text: string): Size {
  const textWidth = Math.ceil(text.length * LABEL_CHAR_WIDTH);
  const room = LABEL_MAX_WIDTH - 2 * LABEL_PAD_X;
  const lines = Math.min(LABEL_MAX_LINES, Math.max(1, Math.ceil(textWidth / room)));
  const width = Math.min(LABEL_MAX_WIDTH, textWidth + 2 * LABEL_PAD_X);
  return { width, height: lines * LABEL_LINE_HEIGHT + 2 * LABEL_PAD_Y };
}
