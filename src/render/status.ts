import type { ChangeStatus } from '../model/diff/changes';
import type { EdgeStatus } from '../model/diff/types';

/**
 * The one look of a diff status — a colour, a mark and a word (never colour alone), and the emoji of a
 * Markdown summary — used by the canvas, the far view, the minimap, the change list, the SVG and the CLI.
 */
export interface StatusLook {
  /** Outline / stroke colour (light theme; the dark theme's CSS follows the same hues). */
  color: string;
  /** Badge background, dark enough for white text. */
  badge: string;
  mark: string;
  word: string;
  /** The mark in a Markdown summary (PR comments): emoji read well there. */
  emoji: string;
}

export const STATUS_LOOK: Readonly<Record<ChangeStatus, StatusLook>> = {
  added: { color: '#2e844a', badge: '#2e844a', mark: '+', word: 'Added', emoji: '➕' },
  removed: { color: '#ba0517', badge: '#ba0517', mark: '−', word: 'Removed', emoji: '➖' },
  changed: { color: '#dd7a01', badge: '#a96404', mark: '~', word: 'Changed', emoji: '✏️' },
  renamed: { color: '#0176d3', badge: '#0176d3', mark: '↻', word: 'Renamed', emoji: '🔁' },
  unchanged: { color: '#8c8c8c', badge: '#8c8c8c', mark: '·', word: 'Unchanged', emoji: '·' },
  rewired: { color: '#dd7a01', badge: '#a96404', mark: '⇄', word: 'Rewired', emoji: '↪️' },
};

export const EDGE_STATUS_COLOR: Readonly<Record<Exclude<EdgeStatus, 'unchanged'>, string>> = {
  added: STATUS_LOOK.added.color,
  removed: STATUS_LOOK.removed.color,
};

/** "Added", "Rewired"… */
export const statusWord = (s: ChangeStatus): string => STATUS_LOOK[s].word;
/** "+", "⇄"… */
export const statusMark = (s: ChangeStatus): string => STATUS_LOOK[s].mark;

/** The colour that marks a change (added, removed, changed, renamed); undefined for unchanged or none. */
export function statusColor(status: string | undefined): string | undefined {
  return status === 'added' || status === 'removed' || status === 'changed' || status === 'renamed'
    ? STATUS_LOOK[status].color
    : undefined;
}
