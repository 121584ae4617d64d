import type { NoiseKind } from '../model/diff/noise';
import type { NoiseActionsState } from './noiseTypes';
import type { GetState, SetState, StoreDeps } from './types';

/**
 * Noise filters of a comparison (issue 15): the slice. The choice changes at once (a toggle reads as
 * toggled); a comparison keeps its unfiltered diff (`comparison.filtering.raw`), filtered again by
 * noiseFilter.ts, which loads on first use.
 */
export function noiseSlice(set: SetState, get: GetState, deps: StoreDeps): NoiseActionsState {
  void deps;
  const setNoise = async (kinds: ReadonlySet<NoiseKind>) => {
    const was = get().noise;
    if (kinds.size === was.size && [...kinds].every((k) => was.has(k))) return;
    set({ noise: kinds });
    if (!get().comparison?.filtering) return;
    const { refilter } = await import('./noiseFilter');
    // A newer choice since: that one filters on its own.
    if (get().noise === kinds) await refilter(set, get, kinds);
  };
  return {
    noise: new Set(),
    setNoise,
    toggleNoise: (kind) => {
      const next = new Set(get().noise);
      if (!next.delete(kind)) next.add(kind);
      return setNoise(next);
    },
  };
}
