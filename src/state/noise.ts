import { flowPropertyName } from '../describe/properties';
import { elementKind } from '../model/elements';
import type { NoiseKind } from '../model/diff/noise';
import type { NoiseActionsState } from './noiseTypes';
import type { GetState, SetState, StoreDeps } from './types';

const same = (a: ReadonlySet<NoiseKind>, b: ReadonlySet<NoiseKind>) =>
  a.size === b.size && [...a].every((k) => b.has(k));
const words = { typeName: (t: string) => elementKind(t).builderName, propertyName: flowPropertyName };

/**
 * Noise filters of a comparison (issue 15): the slice. A comparison keeps its unfiltered diff
 * (`comparison.filtering.raw`); a new choice filters that again — the union graph's ids stay, so the layout
 * on screen stays too, and the change list keeps the picture's order and the change being looked at.
 * The filter code is the comparison's (flows.ts loads it with the differ).
 */
export function noiseSlice(set: SetState, get: GetState, deps: StoreDeps): NoiseActionsState {
  void deps;
  const setNoise = async (kinds: ReadonlySet<NoiseKind>) => {
    if (same(kinds, get().noise)) return;
    set({ noise: kinds });
    const c = get().comparison;
    if (!c?.filtering) return;
    const [{ filterNoise }, { changeList }] = await Promise.all([
      import('../model/diff/noise'),
      import('../model/diff/changes'),
    ]);
    // Another comparison, or another choice, since: that one is (or will be) filtered on its own.
    if (get().comparison !== c || get().noise !== kinds) return;
    const { diff } = filterNoise(c.filtering.raw, kinds);
    const layout = get().layout;
    const changes = changeList(diff, layout.status === 'done' ? layout.layout.nodes : undefined, words);
    const at = get().changeIndex;
    const key = at === undefined ? undefined : c.changes[at]?.key;
    const index = key === undefined ? -1 : changes.findIndex((x) => x.key === key);
    set({ comparison: { ...c, diff, changes }, changeIndex: index >= 0 ? index : undefined });
    if (get().diffMode === 'changes') await get().showChanges();
  };
  return {
    noise: new Set(),
    setNoise,
    toggleNoise: (kind) => {
      const next = new Set(get().noise);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return setNoise(next);
    },
  };
}
