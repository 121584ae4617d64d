/**
 * A comparison's interface changes (`model/interfaceChanges.ts`) in words, breaking ones first: an input or
 * output removed (or made private), retyped, made or unmade a collection, or no longer offered in a direction
 * is breaking for callers; one added, or offered in a new direction, is not.
 */
import type { InterfaceChange, InterfaceVariable } from '../../model/interfaceChanges';
import { typeWords } from './interfaceWords';

export interface InterfaceChangeLine {
  key: string;
  /** "Input caseId removed", "Output total: Number → Currency". */
  text: string;
  breaking: boolean;
}

/** "Input", "Output", "Input and output". */
const role = (v: InterfaceVariable) => (v.isInput && v.isOutput ? 'Input and output' : v.isInput ? 'Input' : 'Output');
const lower = (s: string) => `${s[0]?.toLowerCase() ?? ''}${s.slice(1)}`;
const typeOf = (v: InterfaceVariable) =>
  typeWords({
    ...(v.dataType ? { dataType: v.dataType } : {}),
    ...(v.objectType ? { objectType: v.objectType } : {}),
    isCollection: v.isCollection ? 'true' : 'false',
  });

function line(c: InterfaceChange): InterfaceChangeLine {
  const { before, after } = c;
  const key = `${c.variable}:${c.kinds.join(',')}`;
  if (!before && after) return { key, text: `${role(after)} ${after.name} added (${typeOf(after)})`, breaking: false };
  if (before && !after) return { key, text: `${role(before)} ${before.name} removed`, breaking: true };
  if (!before || !after) return { key, text: c.variable, breaking: false };
  const parts: string[] = [];
  if (c.kinds.includes('type') || c.kinds.includes('collection')) parts.push(`${typeOf(before)} → ${typeOf(after)}`);
  if (c.kinds.includes('direction')) parts.push(`${lower(role(before))} → ${lower(role(after))}`);
  const lost = (before.isInput && !after.isInput) || (before.isOutput && !after.isOutput);
  const breaking = c.kinds.includes('type') || c.kinds.includes('collection') || lost;
  return { key, text: `${role(before)} ${after.name}: ${parts.join('; ')}`, breaking };
}

/**
 * Every change as a line, the breaking ones first (each group in the model's order). `renames` (after name →
 * before name, the diff's renamed resources) pairs an interface variable removed under its old name with the one
 * added under its new: one "renamed" line — breaking all the same, a caller still passes the old name.
 */
export function interfaceChangeLines(
  changes: readonly InterfaceChange[],
  renames: ReadonlyMap<string, string> = new Map(),
): InterfaceChangeLine[] {
  const removed = new Map<string, InterfaceChange>();
  for (const c of changes) if (c.before && !c.after) removed.set(c.before.name.toLowerCase(), c);
  const paired = new Set<InterfaceChange>();
  const lines: InterfaceChangeLine[] = [];
  for (const c of changes) {
    const was = c.after && !c.before ? renames.get(c.after.name) : undefined;
    const gone = was === undefined ? undefined : removed.get(was.toLowerCase());
    if (!c.after || !gone?.before) continue;
    paired.add(c).add(gone);
    const { before } = gone;
    const retyped = typeOf(before) !== typeOf(c.after) ? ` (${typeOf(before)} → ${typeOf(c.after)})` : '';
    const text = `${role(before)} ${before.name} renamed to ${c.after.name}${retyped}`;
    lines.push({ key: `${before.name}>${c.after.name}`, text, breaking: true });
  }
  for (const c of changes) if (!paired.has(c)) lines.push(line(c));
  return [...lines.filter((l) => l.breaking), ...lines.filter((l) => !l.breaking)];
}
