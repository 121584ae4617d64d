import { elementKind } from '../model/elements';
import type { FlowDoc, FlowElement } from '../model/types';
import { actionCalls, apexPluginCalls, orchestratedStages, steppedStages, subflows } from './actions';
import { recordCreates, recordDeletes, recordLookups, recordRollbacks, recordUpdates, transforms } from './data';
import { COMMON_FIELDS, genericRows, metadataSection } from './generic';
import { assignments, collectionProcessors, customErrors, decisions, experiments, loops, waits } from './logic';
import { screens } from './screen';
import { nonEmpty, row, section, type Section, type Describer } from './types';
import { lookup } from './values';

const DESCRIBERS: Record<string, Describer> = {
  actionCalls,
  apexPluginCalls,
  assignments,
  collectionProcessors,
  customErrors,
  decisions,
  experiments,
  loops,
  orchestratedStages,
  recordCreates,
  recordDeletes,
  recordLookups,
  recordRollbacks,
  // Tooling JSON at API <= 52 names the rollback array `rollbacks`.
  rollbacks: recordRollbacks,
  recordUpdates,
  screens,
  steppedStages,
  subflows,
  transforms,
  waits,
};

/**
 * An element's settings as Builder shows them in its editor, in sections of readable rows. Known types
 * get typed sections; every field a typed section does not explain (and every field of an unknown type)
 * appears under "Other settings", so nothing in the metadata is hidden. Never empty, never throws on
 * well-formed FlowDocs.
 */
export function describeElement(el: FlowElement, doc: FlowDoc): Section[] {
  const describer = lookup(DESCRIBERS, el.type);
  const typed = describer ? nonEmpty(describer.describe(el.data, el, doc)) : [];
  const skip = new Set([...COMMON_FIELDS, ...(describer?.keys ?? [])]);
  const other = genericRows(el.data, skip);
  const sections = nonEmpty([
    ...typed,
    other.length > 0
      ? section(typed.length > 0 ? 'Other Settings' : elementKind(el.type).builderName, other)
      : undefined,
    metadataSection(el.data.processMetadataValues),
  ]);
  return sections.length > 0
    ? sections
    : [section(elementKind(el.type).builderName, row('Settings', 'None beyond its name and label'))];
}
