/**
 * Quieter diffs (issue 15): changes a reviewer may hide because they change nothing that runs — only in
 * descriptions, only in labels, only the API version, only the canvas mode, or only a namespace token
 * (`%%%NAMESPACED_ORG%%%` prefixes, which packaging tools rewrite). PLACEHOLDER until the filters land.
 */
import type { FlowDiff } from './types';

export type NoiseKind = 'description' | 'label' | 'api-version' | 'canvas-mode' | 'namespace';
/** In the order the toggles, `--ignore` and links name them. */
export const NOISE_KINDS: readonly NoiseKind[] = ['description', 'label', 'api-version', 'canvas-mode', 'namespace'];

export interface NoiseFiltered {
  /** The diff with the hidden changes taken out: statuses, property changes, summary and union graph agree. */
  diff: FlowDiff;
  /** How many changes each filter hides on its own (what its toggle says), every kind present. */
  hidden: Record<NoiseKind, number>;
}

/** The diff without the changes `ignore` names. With nothing to ignore, the same diff. */
export function filterNoise(diff: FlowDiff, ignore: ReadonlySet<NoiseKind>): NoiseFiltered {
  void ignore;
  return { diff, hidden: { description: 0, label: 0, 'api-version': 0, 'canvas-mode': 0, namespace: 0 } };
}

/** Reads `--ignore description,label` / a link's `ignore=`; unknown names come back in `unknown`. */
export function readNoiseKinds(text: string): { kinds: Set<NoiseKind>; unknown: string[] } {
  const kinds = new Set<NoiseKind>();
  const unknown: string[] = [];
  for (const part of text.split(',')) {
    const k = part.trim();
    if (!k) continue;
    const kind = NOISE_KINDS.find((n) => n === k);
    if (kind) kinds.add(kind);
    else unknown.push(k);
  }
  return { kinds, unknown };
}
