/**
 * The one typed model of a flow. Everything parsed (XML or any Tooling JSON shape) is normalised into
 * these types once, in model/parse; the rest of the code never sees raw input.
 *
 * Values are normalised so that the same flow in XML and in JSON is deep-equal:
 * - every scalar is a string (JSON numbers and booleans become their XML text form, numbers canonical:
 *   49.0 and 49 both become "49");
 * - null, empty text (XML's nil tags) and empty arrays/objects are absent;
 * - fields known to be repeatable (see LIST_FIELDS) are always arrays, other one-item arrays are unwrapped.
 */
export type Value = string | Obj | Value[];
export interface Obj {
  [key: string]: Value;
}

/** Where a FlowDoc came from; not part of flow equality. */
export interface FlowOrigin {
  format: 'xml' | 'tooling-record' | 'query-result' | 'metadata' | 'builder-metadata';
  /** Tooling record id (301…), when the input had one. */
  recordId?: string;
  versionNumber?: string;
  /** Status on the Tooling record envelope (may differ from metadata status). */
  recordStatus?: string;
  /** Where the API name came from. */
  nameFrom: 'fullName' | 'fileName' | 'label' | 'none';
}

/** A canvas element: any item of an element array (decisions, loops, …) — a node of the graph. */
export interface FlowElement {
  /** API name: unique within the flow, the target of connectors. */
  name: string;
  /** The metadata array it came from: `decisions`, `recordLookups`, or an unknown array's name. */
  type: string;
  label: string;
  /** The normalised element, every field as in the metadata. */
  data: Obj;
}

/** A resource (variable, constant, formula, text template, choice, …): not a node. */
export interface FlowResource {
  name: string;
  type: string;
  data: Obj;
}

export interface FlowDoc {
  /** API name (FullName, else file name, else label). */
  name: string;
  label: string;
  /** Canvas elements in document order (arrays in the order met, items in array order). */
  elements: FlowElement[];
  /** The `start` object (API 49+), absent for legacy flows. */
  start?: Obj;
  /** Legacy entry point (Process Builder, pre-49 flows). */
  startElementReference?: string;
  resources: FlowResource[];
  /** Every other top-level field: status, apiVersion, processType, processMetadataValues, … */
  properties: Obj;
}

export interface ParseError {
  message: string;
  hint: string;
  line?: number;
  column?: number;
}

/** One flow version inside a multi-record input (query result), for the caller to choose from. */
export interface RecordChoice {
  index: number;
  name: string;
  versionNumber?: string;
  status?: string;
  id?: string;
}

export type ParseResult =
  | { ok: true; doc: FlowDoc; origin: FlowOrigin; notices: string[]; records?: RecordChoice[] }
  | { ok: false; error: ParseError };

export function isObj(v: Value | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field as a list, whatever the input had (absent → [], one item → [item]). */
export function asList(v: Value | undefined): Value[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function asObjList(v: Value | undefined): Obj[] {
  return asList(v).filter(isObj);
}

export function str(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
