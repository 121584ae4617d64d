import type { NoiseActionsState } from './noiseTypes';
import type { GetState, SetState, StoreDeps } from './types';

/**
 * Noise filters of a comparison (issue 15): the slice. A comparison keeps its unfiltered diff
 * (`comparison.filtering.raw`); a new choice filters that again. The actions' code (noiseFilter.ts) loads
 * on first use: the first screen carries only the choice.
 */
export function noiseSlice(set: SetState, get: GetState, deps: StoreDeps): NoiseActionsState {
  void deps;
  const actions = () => import('./noiseFilter');
  return {
    noise: new Set(),
    setNoise: async (kinds) => (await actions()).setNoise(set, get, kinds),
    toggleNoise: async (kind) => (await actions()).toggleNoise(set, get, kind),
  };
}
