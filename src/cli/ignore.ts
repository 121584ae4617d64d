import { type FlowDiff, filterNoise, NOISE_KINDS, type NoiseKind, readNoiseKinds } from '../index';

/** `--ignore description,label,api-version,canvas-mode,namespace` in a command's usage. */
export const IGNORE_USAGE = `--ignore ${NOISE_KINDS.join(',')}`;

/**
 * The `--ignore` option of `diff` and `pr` (issue 15): the kinds of change to hide, or the usage problem
 * (an unknown kind, or no value) to exit 2 with.
 */
export function readIgnore(value: string | true | undefined): { kinds: Set<NoiseKind> } | { problem: string } {
  if (value === undefined) return { kinds: new Set() };
  if (value === true) return { problem: `--ignore takes a list: ${NOISE_KINDS.join(',')}` };
  const { kinds, unknown } = readNoiseKinds(value);
  if (unknown.length > 0)
    return { problem: `--ignore: unknown kind "${unknown[0]}" (known: ${NOISE_KINDS.join(', ')})` };
  return { kinds };
}

/** The diff without what `kinds` hides (the same diff with none). */
export const quietDiff = (diff: FlowDiff, kinds: ReadonlySet<NoiseKind>): FlowDiff =>
  kinds.size === 0 ? diff : filterNoise(diff, kinds).diff;

/** What `--ignore` hid, for a reader: "Not shown (--ignore): changes only in description, label." */
export const ignoredNote = (kinds: ReadonlySet<NoiseKind>): string | undefined =>
  kinds.size === 0
    ? undefined
    : `Not shown (--ignore): changes only in ${NOISE_KINDS.filter((k) => kinds.has(k)).join(', ')}.`;
