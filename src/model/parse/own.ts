/**
 * Objects keyed by names from the input (metadata field names, element types): a key may be `__proto__`,
 * `constructor` or `toString`, all legal. Plain objects stay (null-prototype ones made parsing ~20% slower),
 * so every write defines an own property and every read of a possibly absent key looks at own keys only.
 */

/** `o[key] = value`, except that `__proto__` becomes an own key instead of replacing the prototype. */
export function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

/** `o[key]` when `key` is o's own key, else undefined (never Object.prototype's `constructor`…). */
export function ownValue<T>(o: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}
