/**
 * A change set in the set worker (issue 14): both sides read as a set is (texts, Blobs, zips), paired by API
 * name (model/changeSet.ts), and the rows handed over as they are known — every flow's name at once (added and
 * removed ones resolved), the flows in both sets as their diffs finish, in slices about every 50 ms — so the
 * list is painted before all diffs are done; then the ordered list and the counts.
 */
import { type ChangeSet, compareSets } from '../model/changeSet';
import { createSetEngine, type EngineOpenOptions } from './engine';
import { abortError } from './errors';
import type { ChangeCompareOptions, ChangeFlowTexts, ChangeRow, ChangeSetResult, SetInputFile } from './types';

const SLICE_MS = 50;
const yieldTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface ChangeEngineOptions extends Omit<ChangeCompareOptions, 'signal'> {
  cancelled?: () => boolean;
}

export interface ChangeEngine {
  compare(
    base: readonly SetInputFile[],
    head: readonly SetInputFile[],
    options?: ChangeEngineOptions,
  ): Promise<ChangeSetResult>;
  changeFlow(name: string): ChangeFlowTexts | undefined;
}

export function createChangeEngine(): ChangeEngine {
  let shown: ChangeSet | undefined;
  return {
    async compare(base, head, { onProgress, onRows, cancelled = () => false, baseSkipped, headSkipped, renamed } = {}) {
      const read = async (
        files: readonly SetInputFile[],
        side: 'base' | 'head',
        skipped?: EngineOpenOptions['skipped'],
      ) => {
        const engine = createSetEngine();
        const summary = await engine.open(files, {
          onProgress: (p) => onProgress?.({ ...p, side }),
          cancelled,
          ...(skipped ? { skipped } : {}),
        });
        return { entries: engine.entries(), skipped: summary.skipped.map((s) => ({ side, ...s })) };
      };
      const b = await read(base, 'base', baseSkipped);
      const h = await read(head, 'head', headSkipped);
      const set = compareSets(b.entries, h.entries, renamed ? { renamed } : {});
      const both = set.names.filter((n) => {
        const p = set.pair(n);
        return p?.before !== undefined && p.after !== undefined;
      });
      const total = set.names.length;
      let done = total - both.length;
      const first: ChangeRow[] = set.names.map((name) => {
        const p = set.pair(name);
        if (p?.before && p.after)
          return { name, status: 'pending', before: p.before.file, after: p.after.file, interface: [], callers: [] };
        return set.change(name) as ChangeRow;
      });
      onRows?.(first, done, total);
      let slice: ChangeRow[] = [];
      let last = performance.now();
      for (const name of both) {
        slice.push(set.change(name) as ChangeRow);
        done++;
        if (performance.now() - last >= SLICE_MS) {
          onRows?.(slice, done, total);
          slice = [];
          await yieldTask();
          if (cancelled()) throw abortError('The change set was not read: cancelled.');
          last = performance.now();
        }
      }
      if (slice.length > 0) onRows?.(slice, done, total);
      if (cancelled()) throw abortError('The change set was not read: cancelled.');
      shown = set;
      const duplicates = set.duplicates.map((d) => ({
        side: d.side === 'before' ? ('base' as const) : ('head' as const),
        file: d.file,
        reason: `a second flow named ${d.name}: the first read is compared`,
      }));
      return { rows: set.flows(), counts: set.counts(), skipped: [...b.skipped, ...h.skipped, ...duplicates] };
    },
    changeFlow(name) {
      const p = shown?.pair(name);
      if (!p) return undefined;
      const text = (e: typeof p.before) => (e ? { file: e.file, text: e.text ?? '' } : undefined);
      const before = text(p.before);
      const after = text(p.after);
      return { name: p.name, ...(before ? { before } : {}), ...(after ? { after } : {}) };
    },
  };
}
