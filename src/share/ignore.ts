import { LINK_IGNORES, type LinkIgnore } from './types';

/**
 * A link's `ignore=` names (as hash.ts read them) → the known kinds, in LINK_IGNORES order, each once;
 * an unknown name is a notice (the link still opens, showing those changes). Undefined when none is known.
 */
export function readIgnores(names: readonly string[] | undefined, notices: string[]): LinkIgnore[] | undefined {
  if (!names) return undefined;
  for (const n of names)
    if (!(LINK_IGNORES as readonly string[]).includes(n))
      notices.push(`Unknown filter "${n.slice(0, 40)}" in the link's ignore=; showing those changes.`);
  const known = LINK_IGNORES.filter((k) => names.includes(k));
  return known.length > 0 ? known : undefined;
}

/** The kinds to write: in LINK_IGNORES order, each once; undefined when none. */
export function writeIgnores(kinds: readonly string[] | undefined): LinkIgnore[] | undefined {
  const known = LINK_IGNORES.filter((k) => kinds?.includes(k));
  return known.length > 0 ? known : undefined;
}
