import type { PropertyChange } from '../model/diff/types';
import { isObj, type Obj, type Value } from '../model/types';
import { isContainer, isSentenceList, rowTitle, rowWords, subjectOf, summaryWords } from './changeItems';
import { readPath, type Step } from './changePath';
import { asText, fieldLabel, labelOf, valueWords, type Words } from './changeWords';
import { logicText } from './conditions';
import { isValueObject } from './generic';
import { scheduledPathOffset } from './start';

/**
 * One element's (or resource's, or the flow's) property changes in Builder's words: which part of it
 * changed (an outcome by its label, condition 2, a "Set Field Values" row by its field, a screen component),
 * and the before and after said as values — never a metadata path, a type tag or escaped HTML. Changes of
 * one sub-item are one line (an outcome's new label and its condition); the raw changes stay on each
 * line and part for those who want the metadata.
 */
export interface ChangePart {
  /** What changed, in Builder's words: "Condition 1", "Set field values", "Label"; '' for the sub-item itself. */
  what: string;
  /** Absent: not set on that side (the row or value was added, or removed). */
  before?: Words;
  after?: Words;
  raw: PropertyChange[];
}

export interface ChangeSubject {
  /** What Builder calls the sub-item: "Outcome", "Scheduled path", "Display Text". */
  noun: string;
  /** Its label (the after label, or the before one when it was removed). */
  name: string;
  /** Its label before, when it changed. */
  nameBefore?: string;
  status: 'added' | 'removed' | 'changed';
}

export interface ChangeLine {
  /** The sub-item the changes are in; absent: the element (resource, flow) itself. */
  subject?: ChangeSubject;
  parts: ChangePart[];
  raw: PropertyChange[];
}

/**
 * What the changes are of. `kind`: an element's metadata type, `start`, a resource array (`variables`…) or
 * `flow`; `before` / `after`: its data on each side (absent for a side it is not on, or when unknown:
 * the words then come from the changes alone).
 */
export interface ChangeContext {
  kind: string;
  before?: Obj;
  after?: Obj;
  /** The start element (the base of a scheduled path's time); defaults to the data itself for `start`. */
  start?: Obj;
}

// Fields of a scheduled path that together say when it runs.
const PATH_TIME = new Set(['offsetNumber', 'offsetUnit', 'timeSource', 'recordField', 'pathType']);

interface Placed {
  lineKey: string;
  subject?: ChangeSubject;
  partKey: string;
  part: Omit<ChangePart, 'raw'>;
  /** A change that only renames its sub-item: said by the subject, no part of its own. */
  labelOnly?: boolean;
}

/** The changes as lines, in the order their first change comes. Never throws on well-formed changes. */
export function describeChanges(changes: readonly PropertyChange[], ctx: ChangeContext): ChangeLine[] {
  const lines = new Map<string, ChangeLine & { partsByKey: Map<string, ChangePart> }>();
  for (const c of changes) {
    const placed = place(c, ctx);
    // The element's own fields are a line each; rows of one section ("Input values") share theirs.
    const key = placed.subject ? placed.lineKey : `:${placed.part.what}`;
    let line = lines.get(key);
    if (!line) {
      line = { parts: [], raw: [], partsByKey: new Map() };
      if (placed.subject) line.subject = placed.subject;
      lines.set(key, line);
    }
    line.raw.push(c);
    if (placed.labelOnly) continue;
    const part = line.partsByKey.get(placed.partKey);
    if (part) part.raw.push(c);
    else {
      const p: ChangePart = { ...placed.part, raw: [c] };
      line.partsByKey.set(placed.partKey, p);
      line.parts.push(p);
    }
  }
  return [...lines.values()].map(({ partsByKey: _, ...l }) => l);
}

/** Where one change goes: its line (sub-item), its part, and the part's words. */
function place(c: PropertyChange, ctx: ChangeContext): Placed {
  const { steps, order } = readPath(c.path, ctx.before, ctx.after);
  const last = steps.length - 1;
  // The deepest sub-item the change is in, and the first sentence row at or below it.
  let sub = -1;
  let row = -1;
  steps.forEach((s, i) => {
    if (row >= 0 || s.item === undefined) return;
    const v = s.before ?? s.after ?? (i === last ? (c.after ?? c.before) : undefined);
    if (isSentenceList(s.field)) row = i;
    // Without the data a sub-item is known by its key; a string item of an unnamed list is a row.
    else if (v === undefined || isContainer(s.field, v)) sub = i;
    else row = i;
  });
  const valueAt = (i: number, side: 'before' | 'after'): Value | undefined =>
    i === last ? c[side] : (steps[i] as Step)[side];
  const lineKey = sub >= 0 ? keyOf(steps, sub) : '';
  const subject = sub >= 0 ? subjectFor(steps, sub, valueAt) : undefined;
  const within = (from: number, to: number) =>
    steps
      .slice(from, to)
      .filter((s) => s.item === undefined && s.field !== '')
      .map((s) => fieldLabel(s.field, ctx.kind));
  const base: Omit<Placed, 'partKey' | 'part'> = subject ? { lineKey, subject } : { lineKey };

  if (order) {
    const s = steps[last] as Step;
    const names = (v: Value | undefined, side: 'before' | 'after') =>
      Array.isArray(v) ? v.map((n) => (typeof n === 'string' ? labelIn(s[side], n) : '')).join(', ') : undefined;
    return {
      ...base,
      partKey: c.path,
      part: {
        what: [...within(sub + 1, last), `Order of ${fieldLabel(s.field, ctx.kind).toLowerCase()}`].join(' · '),
        ...sides(oneOf(names(c.before, 'before')), oneOf(names(c.after, 'after'))),
      },
    };
  }
  if (row >= 0) {
    const s = steps[row] as Step;
    const inside = subject ? (steps[sub] as Step).field : undefined;
    const what = [...within(sub + 1, row), rowTitle(s.field, ctx.kind, s.index, inside)].join(' · ');
    const b = valueAt(row, 'before');
    const a = valueAt(row, 'after');
    if (b === undefined && a === undefined && row < last) {
      // The row's data is unknown: its key and the value that changed.
      const leaf = (steps[last] as Step).field;
      const w = (v: Value | undefined) => valueWords(leaf, v);
      return {
        ...base,
        partKey: c.path,
        part: { what: `${what} · ${s.item ?? ''}`, ...sides(w(c.before), w(c.after)) },
      };
    }
    return {
      ...base,
      partKey: keyOf(steps, row),
      part: { what, ...sides(rowWords(s.field, b), rowWords(s.field, a)) },
    };
  }
  if (sub === last) {
    // A whole sub-item came or went: said as its sentence.
    const start = ctx.start ?? (ctx.kind === 'start' ? (ctx.after ?? ctx.before) : undefined);
    const field = (steps[sub] as Step).field;
    return {
      ...base,
      partKey: '',
      part: { what: '', ...sides(summaryWords(field, c.before, start), summaryWords(field, c.after, start)) },
    };
  }
  const leaf = steps[last] as Step;
  const owner = sub >= 0 ? (steps[sub] as Step) : undefined;
  const renames =
    leaf.field === 'label' ||
    (owner?.field === 'fields' &&
      ((leaf.field === 'fieldText' && !isDisplayText(owner)) || leaf.field === 'objectFieldReference'));
  if (owner && last === sub + 1 && renames && subject?.nameBefore !== undefined)
    return { ...base, partKey: c.path, part: { what: '' }, labelOnly: true };
  if (owner?.field === 'scheduledPaths' && last === sub + 1 && PATH_TIME.has(leaf.field)) {
    const start = ctx.start ?? (ctx.kind === 'start' ? (ctx.after ?? ctx.before) : undefined);
    const when = (v: Value | undefined) => (isObj(v) ? [scheduledPathOffset(v, start)] : undefined);
    return { ...base, partKey: 'time', part: { what: 'Time', ...sides(when(owner.before), when(owner.after)) } };
  }
  const what =
    owner?.field === 'fields' && isDisplayText(owner) && leaf.field === 'fieldText'
      ? 'Text'
      : within(sub + 1, last + 1).join(' · ');
  const start = ctx.start ?? (ctx.kind === 'start' ? (ctx.after ?? ctx.before) : undefined);
  const leafWords = (v: Value | undefined) =>
    leaf.field === 'conditionLogic' || leaf.field === 'filterLogic'
      ? v === undefined
        ? undefined
        : [logicText(v, 2)]
      : isObj(v) && !isValueObject(v)
        ? summaryWords(leaf.field, v, start)
        : valueWords(leaf.field, v);
  return { ...base, partKey: c.path, part: { what, ...sides(leafWords(c.before), leafWords(c.after)) } };
}

const oneOf = (s: string | undefined): Words | undefined => (s === undefined ? undefined : [s]);

function isDisplayText(s: Step): boolean {
  const v = s.after ?? s.before;
  return isObj(v) && v.fieldType === 'DisplayText';
}

function sides(before: Words | undefined, after: Words | undefined): { before?: Words; after?: Words } {
  const out: { before?: Words; after?: Words } = {};
  if (before !== undefined) out.before = before;
  if (after !== undefined) out.after = after;
  return out;
}

const keyOf = (steps: Step[], upTo: number) =>
  steps
    .slice(0, upTo + 1)
    .map((s) => `${s.field}[${s.item ?? ''}]`)
    .join('.');

function subjectFor(steps: Step[], sub: number, valueAt: (i: number, side: 'before' | 'after') => Value | undefined) {
  const s = steps[sub] as Step;
  const b = valueAt(sub, 'before') ?? (sub === steps.length - 1 ? undefined : s.before);
  const a = valueAt(sub, 'after') ?? (sub === steps.length - 1 ? undefined : s.after);
  const now = subjectOf(s.field, a ?? b, s.index, s.item);
  const subject: ChangeSubject = {
    ...now,
    status: b === undefined && a !== undefined ? 'added' : a === undefined && b !== undefined ? 'removed' : 'changed',
  };
  if (a !== undefined && b !== undefined) {
    const was = subjectOf(s.field, b, s.index, s.item);
    if (was.name !== now.name) subject.nameBefore = was.name;
  }
  return subject;
}

/** A sub-item's label from its list, by name (for a new order of the list). */
function labelIn(list: Value | undefined, name: string): string {
  if (!Array.isArray(list)) return name;
  const item = list.find((v) => isObj(v) && (v.name === name || v.pathName === name));
  return item ? asText(labelOf(item) ?? name) : name;
}
