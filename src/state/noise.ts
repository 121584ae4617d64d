import type { NoiseActionsState } from './noiseTypes';
import type { GetState, SetState, StoreDeps } from './types';

/** Noise filters of a comparison (issue 15): the slice. */
export function noiseSlice(set: SetState, get: GetState, deps: StoreDeps): NoiseActionsState {
  void set;
  void get;
  void deps;
  return { noise: new Set() };
}
