/** Text for SVG: escaping (labels are untrusted) and wrapping by estimated width (no DOM to measure). */
import { wellFormed } from '../model/parse/wellFormed';

/** XML 1.0 forbids most control characters and the two non-characters even escaped: drop them. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text content or attribute value, safe inside double quotes. A lone surrogate (XML forbids it too)
 * becomes U+FFFD, as in a link or a file name (model/parse/wellFormed.ts).
 */
export function esc(text: string): string {
  return wellFormed(text)
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Estimated width of a character in em: narrow, wide and CJK/emoji (which take a full em). Calibrated on
 * DejaVu Sans (Chromium's system-ui on Linux, among the widest UI fonts): narrower fonts wrap a little early
 * rather than being clipped.
 */
function charEm(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  if (code > 0x2e80) return 1;
  if ("il.,:;|!'`ijtf()[] ".includes(c)) return 0.32;
  if ('mwMW@%'.includes(c)) return 0.85;
  // Arrows and the other symbols a label is joined with ("Fault → Log Error", "↪ Target", "·", "—").
  if ('→↪←↩—'.includes(c)) return 0.84;
  if (c >= 'A' && c <= 'Z') return 0.7;
  return 0.62;
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** Cuts text to fit `width`, ending in "…" when cut. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  let out = '';
  for (const c of text) {
    if (textWidth(`${out}${c}…`, fontSize, bold) > width) break;
    out += c;
  }
  return `${out.trimEnd()}…`;
}

/** Word-wraps onto at most `maxLines` lines of `width`; the last line ends in "…" when text is left over. */
export function wrap(text: string, width: number, fontSize: number, maxLines: number, bold = false): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i] as string;
    let j = i + 1;
    while (j < words.length && textWidth(`${line} ${words[j] as string}`, fontSize, bold) <= width)
      line += ` ${words[j++] as string}`;
    if (lines.length === maxLines - 1 && j < words.length) {
      // The last line: whatever is left, cut to fit.
      lines.push(fitText(words.slice(i).join(' '), width, fontSize, bold));
      break;
    }
    // A single word longer than a line is cut (API names like Very_Long_Element_Name_Without_Spaces).
    lines.push(fitText(line, width, fontSize, bold));
    i = j;
  }
  return lines;
}

/** Rounds for compact output (SVG coordinates need no more than 0.1 px). */
export const n = (v: number): string => String(Math.round(v * 10) / 10);
