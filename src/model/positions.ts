/**
 * Where the author put the elements: a free-form flow's saved `locationX`/`locationY` (FLOW-FORMAT.md §7).
 * Builder recomputes an Auto-Layout flow's positions on open (its saved ones churn, or are zeroed), and
 * Process Builder writes placeholders, so only free-form flows have saved positions worth drawing.
 */
import { elementIndex, START_ID } from './graph';
import { asList, type FlowDoc, type Obj, type Value } from './types';

export interface SavedPoint {
  x: number;
  y: number;
}

/** Process Builder's process types: their coordinates are placeholders (every action at 100,200). */
const PROCESS_BUILDER = new Set(['Workflow', 'CustomEvent', 'InvocableProcess']);

/** The flow-level `CanvasMode` (`AUTO_LAYOUT_CANVAS`, `FREE_FORM_CANVAS`), if stored. */
export function canvasMode(doc: FlowDoc): string | undefined {
  for (const item of asList(doc.properties.processMetadataValues as Value | undefined)) {
    if (typeof item !== 'object' || Array.isArray(item) || item.name !== 'CanvasMode') continue;
    const value = item.value;
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.stringValue === 'string')
      return value.stringValue;
  }
  return undefined;
}

function point(data: Obj | undefined): SavedPoint | undefined {
  if (!data) return undefined;
  const x = Number(data.locationX);
  const y = Number(data.locationY);
  return typeof data.locationX === 'string' &&
    typeof data.locationY === 'string' &&
    Number.isFinite(x) &&
    Number.isFinite(y)
    ? { x, y }
    : undefined;
}

/**
 * Node id → saved top-left position (a null-prototype record), for a free-form flow whose positions say
 * something: not Auto-Layout, not Process Builder, and at least two elements at different places.
 * `undefined` otherwise. Elements without a position are left out (the saved layout places them).
 */
export function savedPositions(doc: FlowDoc): Record<string, SavedPoint> | undefined {
  if (canvasMode(doc) === 'AUTO_LAYOUT_CANVAS') return undefined;
  if (PROCESS_BUILDER.has(String(doc.properties.processType ?? ''))) return undefined;
  const out: Record<string, SavedPoint> = Object.create(null);
  const distinct = new Set<string>();
  for (const [id, el] of elementIndex(doc).elements) {
    const p = point(el.data);
    if (!p) continue;
    out[id] = p;
    distinct.add(`${p.x},${p.y}`);
  }
  if (distinct.size < 2) return undefined;
  const start = point(doc.start);
  if (start) out[START_ID] = start;
  return out;
}
