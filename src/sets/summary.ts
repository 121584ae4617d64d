/** A read set → what the page is handed (issue 13): the index (facts, calls, skips) and the triggers per object. */
import { indexSet, type SetSkip } from '../model/set';
import type { SetSummary } from '../model/setTypes';
import { triggersByObject } from '../model/triggers';
import type { SetEntry } from './read';

export function summarizeSet(entries: readonly SetEntry[], skipped: readonly SetSkip[] = []): SetSummary {
  const index = indexSet(entries, [...skipped]);
  return { ...index, triggers: triggersByObject(index.flows) };
}
