import { flowPropertyName } from '../describe/properties';
import { elementKind } from '../model/elements';
import { filterNoise, type NoiseKind } from '../model/diff/noise';
import { changeList } from '../model/diff/changes';
import type { GetState, SetState } from './types';

const words = { typeName: (t: string) => elementKind(t).builderName, propertyName: flowPropertyName };

/**
 * Hides these kinds of change (noise.ts loads this on first use): the comparison on screen is filtered
 * again at once. The union graph's ids stay, so the layout on screen stays too; the change list keeps the
 * picture's order and the change being looked at.
 */
export async function setNoise(set: SetState, get: GetState, kinds: ReadonlySet<NoiseKind>): Promise<void> {
  const was = get().noise;
  if (kinds.size === was.size && [...kinds].every((k) => was.has(k))) return;
  set({ noise: kinds });
  const c = get().comparison;
  if (!c?.filtering) return;
  const { diff } = filterNoise(c.filtering.raw, kinds);
  const layout = get().layout;
  const changes = changeList(diff, layout.status === 'done' ? layout.layout.nodes : undefined, words);
  const at = get().changeIndex;
  const key = at === undefined ? undefined : c.changes[at]?.key;
  const index = key === undefined ? -1 : changes.findIndex((x) => x.key === key);
  set({ comparison: { ...c, diff, changes }, changeIndex: index >= 0 ? index : undefined });
  if (get().diffMode === 'changes') await get().showChanges();
}

/** Turns one filter on or off. */
export function toggleNoise(set: SetState, get: GetState, kind: NoiseKind): Promise<void> {
  const next = new Set(get().noise);
  if (!next.delete(kind)) next.add(kind);
  return setNoise(set, get, next);
}
