/**
 * The Layout choice (the picker, links' `layout=`): which picture of what is on screen is asked of the
 * layout — the author's saved positions (free-form flows only), Auto-Layout, or ELK layered — and the
 * saved positions it needs.
 */
import type { LayoutChoice, Point } from '../layout/types';
import { canvasMode, savedPositions } from '../model/positions';
import type { FlowDoc } from '../model/types';

export type { LayoutChoice } from '../layout/types';
export { LAYOUT_CHOICES } from '../layout/types';

/** Node id → saved top-left: a null-prototype record (an element may be called `__proto__`). */
export type Positions = Readonly<Record<string, Point>>;

/** What the store asks of the layout service besides the graph: the engine, and for `saved` the positions. */
export interface LayoutRequest {
  engine: 'auto' | 'elk' | 'saved';
  positions?: Positions;
}

/**
 * ELK takes about a second at 230 elements and a minute at 2,000: past this many the choice is not offered
 * (the engine's own bound for ELK, layout/engine.ts MAX_ELK_NODES).
 */
export const ELK_MAX_ELEMENTS = 400;

/** A flow's saved positions, when it is free-form and they say something (model/positions.ts). */
export const flowPositions = (doc: FlowDoc): Positions | undefined => savedPositions(doc);

/** Why a flow without saved positions has none, for the picker's disabled Saved positions. */
export function noSavedPositionsReason(doc: FlowDoc): string {
  if (canvasMode(doc) === 'AUTO_LAYOUT_CANVAS') return 'This flow uses Auto-Layout: Builder does not keep positions';
  if (['Workflow', 'CustomEvent', 'InvocableProcess'].includes(String(doc.properties.processType ?? '')))
    return 'Process Builder does not keep positions for this process';
  return 'This flow has no saved positions';
}

/** Saved positions when there are some, else Auto-Layout. */
export const defaultChoice = (positions: Positions | undefined): LayoutChoice => (positions ? 'saved' : 'auto');

/** The choice as it can be honoured: `saved` without positions is Auto-Layout. */
export const usableChoice = (wanted: LayoutChoice | undefined, positions: Positions | undefined): LayoutChoice =>
  wanted === undefined || (wanted === 'saved' && !positions) ? defaultChoice(positions) : wanted;

/** The layout request for a choice: positions go only to the engine that reads them (better cache hits). */
export function requestFor(choice: LayoutChoice, positions: Positions | undefined): LayoutRequest {
  if (choice === 'saved' && positions) return { engine: 'saved', positions };
  return { engine: choice === 'elk' ? 'elk' : 'auto' };
}
