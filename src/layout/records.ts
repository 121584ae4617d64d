/**
 * Records keyed by element or connector ids. An element may be called `__proto__`, `constructor` or
 * `toString`: in a plain object the first would set the object's prototype instead of adding a box, and
 * the others would find Object.prototype's members for ids never placed. So layout/ builds them as Maps
 * and hands them out as null-prototype objects — which a structured clone (the worker's answer) turns
 * back into plain ones, so the worker client rebuilds them on receipt.
 */

/** A null-prototype record of the entries, in their order. */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [id, value] of entries) out[id] = value;
  return out;
}

/** A null-prototype copy of a record's own enumerable entries. */
export function nullPrototype<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return idRecord(Object.entries(record));
}
