import type { FlowDoc, FlowElement, Obj } from '../model/types';

/**
 * What the details and resources panels show, as plain data: sections of labelled rows. The describe
 * functions build these from a FlowDoc (pure, no React, no HTML); the components render every string
 * as text, so untrusted labels and formulas can never become markup.
 */
export interface Row {
  label: string;
  /** Human-readable value; '' for a row that only groups its children. */
  value: string;
  /** An API name, reference, formula or template: shown in a monospace font, whitespace kept. */
  mono?: boolean;
  /** Nested rows: a condition list, a screen section's columns and fields, an action's inputs. */
  children?: Row[];
}

export interface Section {
  title: string;
  rows: Row[];
}

export function row(
  label: string,
  value: string | undefined,
  opts: { mono?: boolean; children?: Row[] } = {},
): Row | undefined {
  if ((value === undefined || value === '') && !opts.children?.length) return undefined;
  const r: Row = { label, value: value ?? '' };
  if (opts.mono) r.mono = true;
  if (opts.children?.length) r.children = opts.children;
  return r;
}

/** Drop the undefined rows that `row` returns for absent fields. */
export function rows(...items: (Row | undefined | (Row | undefined)[])[]): Row[] {
  return items.flat().filter((r): r is Row => r !== undefined);
}

export function section(title: string, ...items: (Row | undefined | (Row | undefined)[])[]): Section {
  return { title, rows: rows(...items) };
}

/** Sections that have at least one row. */
export function nonEmpty(sections: (Section | undefined)[]): Section[] {
  return sections.filter((s): s is Section => s !== undefined && s.rows.length > 0);
}

/**
 * A typed description of one element type: the fields it explains (`keys`) and how. Fields an element
 * has beyond `keys` (a newer API version, a rare option) are still shown, under "Other settings".
 */
export interface Describer {
  keys: readonly string[];
  describe(data: Obj, el: FlowElement, doc: FlowDoc): (Section | undefined)[];
}
