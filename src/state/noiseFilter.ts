import { flowPropertyName } from '../describe/properties';
import { elementKind } from '../model/elements';
import { filterNoise, type NoiseKind } from '../model/diff/noise';
import { changeList } from '../model/diff/changes';
import type { GetState, SetState } from './types';

const words = { typeName: (t: string) => elementKind(t).builderName, propertyName: flowPropertyName };

/**
 * The comparison on screen filtered again with `kinds` (noise.ts loads this on first use; the filter code
 * is the comparison's, loaded with the differ). The union graph's ids stay, so the layout on screen stays
 * too; the change list keeps the picture's order and the change being looked at.
 */
export async function refilter(set: SetState, get: GetState, kinds: ReadonlySet<NoiseKind>): Promise<void> {
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
