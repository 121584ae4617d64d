/** How findings name things: an element by its label and API name, an element type in Flow Builder's words. */
import type { FlowElement, FlowResource } from '../model/types';
import type { RuleId } from './types';

/** `Update Contact (Update_Contact)`; just the API name when the label is empty or the same. */
export function named(label: string | undefined, name: string): string {
  const l = (label ?? '').trim();
  return l && l !== name ? `${l} (${name})` : name;
}

export const elementNamed = (el: FlowElement): string => named(el.label, el.name);

const TYPE_WORDS: ReadonlyMap<string, string> = new Map([
  ['recordCreates', 'Create Records'],
  ['recordUpdates', 'Update Records'],
  ['recordDeletes', 'Delete Records'],
  ['recordLookups', 'Get Records'],
  ['actionCalls', 'Action'],
  ['apexPluginCalls', 'Apex Plugin'],
  ['assignments', 'Assignment'],
  ['collectionProcessors', 'Collection Processor'],
  ['customErrors', 'Custom Error'],
  ['decisions', 'Decision'],
  ['ends', 'End'],
  ['experiments', 'Experiment'],
  ['loops', 'Loop'],
  ['orchestratedStages', 'Stage'],
  ['recordRollbacks', 'Roll Back Records'],
  ['rollbacks', 'Roll Back Records'],
  ['screens', 'Screen'],
  ['steppedStages', 'Stage'],
  ['steps', 'Step'],
  ['subflows', 'Subflow'],
  ['transforms', 'Transform'],
  ['waits', 'Pause'],
  ['variables', 'variable'],
  ['constants', 'constant'],
  ['formulas', 'formula'],
  ['textTemplates', 'text template'],
  ['choices', 'choice'],
  ['dynamicChoiceSets', 'record choice set'],
]);

/** Flow Builder's word for a metadata array (`recordUpdates` → "Update Records"); an unknown array: "element". */
export const typeWord = (type: string): string => TYPE_WORDS.get(type) ?? 'element';

export const resourceNamed = (r: FlowResource): string => `${TYPE_WORDS.get(r.type) ?? 'resource'} ${r.name}`;

/**
 * What a finding is about, before configuration gives it its severity. `order` sorts findings: the place
 * (start, elements in document order, resources, flow) then the rule, then the detail.
 */
export interface Draft {
  rule: RuleId;
  element: string;
  node?: string;
  message: string;
  detail?: string;
  /** [place group, index within the group]. */
  order: [number, number];
}

/** Place groups of `Draft.order`. */
export const START = 0;
export const ELEMENT = 1;
export const RESOURCE = 2;
export const FLOW = 3;

/** "the loop A (A)", "the loops A (A) and B (B)", "the loops A, B and C". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
