import type { NoiseKind } from '../model/diff/noise';
import type { NoiseActionsState } from './noiseTypes';
import type { GetState, SetState, StoreDeps } from './types';

/**
 * Noise filters of a comparison (issue 15): the slice. A comparison keeps its unfiltered diff
 * (`comparison.filtering.raw`); a new choice filters that again (noiseFilter.ts, loaded on first use).
 */
export function noiseSlice(set: SetState, get: GetState, deps: StoreDeps): NoiseActionsState {
  void deps;
  const setNoise = async (kinds: ReadonlySet<NoiseKind>) => {
    const was = get().noise;
    if (kinds.size === was.size && [...kinds].every((k) => was.has(k))) return;
    set({ noise: kinds });
    const c = get().comparison;
    if (!c?.filtering) return;
    const { refilter } = await import('./noiseFilter');
    // Another comparison, or another choice, since: that one is (or will be) filtered on its own.
    if (get().comparison === c && get().noise === kinds) await refilter(set, get, kinds);
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
