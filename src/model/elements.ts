/**
 * The element catalogue: every canvas element array Flowscope knows, with Flow Builder's name for it,
 * its category (the render look gives each a colour: src/render/elementLook.ts) and icon. Connectors are
 * found generically (model/connectors.ts, graph.ts), so this table does not list them.
 */
export type Category =
  | 'start'
  | 'interaction'
  | 'logic'
  | 'data'
  | 'orchestration'
  | 'end'
  | 'legacy'
  | 'unknown'
  | 'missing';

export interface ElementKind {
  /** Metadata array name. */
  type: string;
  /** Flow Builder's word for it. */
  builderName: string;
  category: Category;
  /** Icon name, resolved by the views. */
  icon: string;
}

const kinds: ElementKind[] = [
  {
    type: 'actionCalls',
    builderName: 'Action',
    category: 'interaction',
    icon: 'action',
  },
  {
    type: 'apexPluginCalls',
    builderName: 'Apex Plugin',
    category: 'interaction',
    icon: 'apex',
  },
  { type: 'assignments', builderName: 'Assignment', category: 'logic', icon: 'assignment' },
  {
    type: 'collectionProcessors',
    builderName: 'Collection Processor',
    category: 'logic',
    icon: 'collection',
  },
  { type: 'customErrors', builderName: 'Custom Error', category: 'logic', icon: 'error' },
  {
    type: 'decisions',
    builderName: 'Decision',
    category: 'logic',
    icon: 'decision',
  },
  {
    type: 'experiments',
    builderName: 'Experiment',
    category: 'logic',
    icon: 'experiment',
  },
  {
    type: 'loops',
    builderName: 'Loop',
    category: 'logic',
    icon: 'loop',
  },
  {
    type: 'orchestratedStages',
    builderName: 'Stage',
    category: 'orchestration',
    icon: 'stage',
  },
  {
    type: 'recordCreates',
    builderName: 'Create Records',
    category: 'data',
    icon: 'recordCreate',
  },
  {
    type: 'recordDeletes',
    builderName: 'Delete Records',
    category: 'data',
    icon: 'recordDelete',
  },
  {
    type: 'recordLookups',
    builderName: 'Get Records',
    category: 'data',
    icon: 'recordLookup',
  },
  {
    type: 'recordRollbacks',
    builderName: 'Roll Back Records',
    category: 'data',
    icon: 'rollback',
  },
  // Tooling JSON at API <= 52 names the rollback array `rollbacks`.
  {
    type: 'rollbacks',
    builderName: 'Roll Back Records',
    category: 'data',
    icon: 'rollback',
  },
  {
    type: 'recordUpdates',
    builderName: 'Update Records',
    category: 'data',
    icon: 'recordUpdate',
  },
  { type: 'screens', builderName: 'Screen', category: 'interaction', icon: 'screen' },
  { type: 'steps', builderName: 'Step', category: 'legacy', icon: 'step' },
  { type: 'subflows', builderName: 'Subflow', category: 'interaction', icon: 'subflow' },
  { type: 'transforms', builderName: 'Transform', category: 'data', icon: 'transform' },
  {
    type: 'waits',
    builderName: 'Wait',
    category: 'logic',
    icon: 'wait',
  },
  { type: 'ends', builderName: 'End', category: 'end', icon: 'end' },
  {
    type: 'steppedStages',
    builderName: 'Stage (legacy)',
    category: 'legacy',
    icon: 'stage',
  },
];

const START_KIND: ElementKind = {
  type: 'start',
  builderName: 'Start',
  category: 'start',
  icon: 'start',
};
const MISSING_KIND: ElementKind = {
  type: 'missing',
  builderName: 'Missing element',
  category: 'missing',
  icon: 'missing',
};

const byType = new Map(kinds.map((k) => [k.type, k]));

export const ELEMENT_ARRAYS: ReadonlySet<string> = new Set(kinds.map((k) => k.type));

/** Resource arrays: kept in the FlowDoc for panels and the diff, never nodes. */
export const RESOURCE_ARRAYS: ReadonlySet<string> = new Set([
  'variables',
  'constants',
  'formulas',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages',
  'exitRules',
  'customProperties',
]);

/** The catalogue entry for a node type; unknown arrays get a generic entry named after the array. */
export function elementKind(type: string): ElementKind {
  if (type === 'start') return START_KIND;
  if (type === 'missing') return MISSING_KIND;
  return byType.get(type) ?? { type, builderName: humanise(type), category: 'unknown', icon: 'unknown' };
}

export const ALL_KINDS: readonly ElementKind[] = kinds;

function humanise(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
