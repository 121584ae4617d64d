/**
 * The element catalogue: every canvas element array Flowscope knows, with Flow Builder's name for it,
 * its category (which gives the colour) and icon. Connectors are discovered generically (see
 * connectors.ts), so this table does not have to list them for the graph to be complete; `connectors`
 * documents where each type's connectors live, for panels and tests.
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
  /** Connector fields of this type, as `field` or `list[].connector`. */
  connectors: readonly string[];
}

const kinds: ElementKind[] = [
  {
    type: 'actionCalls',
    builderName: 'Action',
    category: 'interaction',
    icon: 'action',
    connectors: ['connector', 'faultConnector', 'timeoutConnector', 'actionCallPaths[].connector'],
  },
  {
    type: 'apexPluginCalls',
    builderName: 'Apex Plugin',
    category: 'interaction',
    icon: 'apex',
    connectors: ['connector', 'faultConnector'],
  },
  { type: 'assignments', builderName: 'Assignment', category: 'logic', icon: 'assignment', connectors: ['connector'] },
  {
    type: 'collectionProcessors',
    builderName: 'Collection Processor',
    category: 'logic',
    icon: 'collection',
    connectors: ['connector'],
  },
  { type: 'customErrors', builderName: 'Custom Error', category: 'logic', icon: 'error', connectors: ['connector'] },
  {
    type: 'decisions',
    builderName: 'Decision',
    category: 'logic',
    icon: 'decision',
    connectors: ['rules[].connector', 'defaultConnector'],
  },
  {
    type: 'experiments',
    builderName: 'Experiment',
    category: 'logic',
    icon: 'experiment',
    connectors: ['paths[].connector'],
  },
  {
    type: 'loops',
    builderName: 'Loop',
    category: 'logic',
    icon: 'loop',
    connectors: ['nextValueConnector', 'noMoreValuesConnector'],
  },
  {
    type: 'orchestratedStages',
    builderName: 'Stage',
    category: 'orchestration',
    icon: 'stage',
    connectors: ['connector', 'faultConnector'],
  },
  {
    type: 'recordCreates',
    builderName: 'Create Records',
    category: 'data',
    icon: 'recordCreate',
    connectors: ['connector', 'faultConnector'],
  },
  {
    type: 'recordDeletes',
    builderName: 'Delete Records',
    category: 'data',
    icon: 'recordDelete',
    connectors: ['connector', 'faultConnector'],
  },
  {
    type: 'recordLookups',
    builderName: 'Get Records',
    category: 'data',
    icon: 'recordLookup',
    connectors: ['connector', 'faultConnector'],
  },
  {
    type: 'recordRollbacks',
    builderName: 'Roll Back Records',
    category: 'data',
    icon: 'rollback',
    connectors: ['connector'],
  },
  // Tooling JSON at API <= 52 names the rollback array `rollbacks`.
  {
    type: 'rollbacks',
    builderName: 'Roll Back Records',
    category: 'data',
    icon: 'rollback',
    connectors: ['connector'],
  },
  {
    type: 'recordUpdates',
    builderName: 'Update Records',
    category: 'data',
    icon: 'recordUpdate',
    connectors: ['connector', 'faultConnector'],
  },
  { type: 'screens', builderName: 'Screen', category: 'interaction', icon: 'screen', connectors: ['connector'] },
  { type: 'steps', builderName: 'Step', category: 'legacy', icon: 'step', connectors: ['connectors[]'] },
  { type: 'subflows', builderName: 'Subflow', category: 'interaction', icon: 'subflow', connectors: ['connector'] },
  { type: 'transforms', builderName: 'Transform', category: 'data', icon: 'transform', connectors: ['connector'] },
  {
    type: 'waits',
    builderName: 'Wait',
    category: 'logic',
    icon: 'wait',
    connectors: ['waitEvents[].connector', 'defaultConnector', 'faultConnector'],
  },
  { type: 'ends', builderName: 'End', category: 'end', icon: 'end', connectors: [] },
  {
    type: 'steppedStages',
    builderName: 'Stage (legacy)',
    category: 'legacy',
    icon: 'stage',
    connectors: ['connector'],
  },
];

export const START_KIND: ElementKind = {
  type: 'start',
  builderName: 'Start',
  category: 'start',
  icon: 'start',
  connectors: ['connector', 'scheduledPaths[].connector'],
};
export const MISSING_KIND: ElementKind = {
  type: 'missing',
  builderName: 'Missing element',
  category: 'missing',
  icon: 'missing',
  connectors: [],
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
  return (
    byType.get(type) ?? { type, builderName: humanise(type), category: 'unknown', icon: 'unknown', connectors: [] }
  );
}

export const ALL_KINDS: readonly ElementKind[] = kinds;

/** Flow Builder's colours per category (light theme); views and the SVG renderer share them. */
export const CATEGORY_COLORS: Record<Category, string> = {
  start: '#0b827c',
  interaction: '#032d60',
  logic: '#dd7a01',
  data: '#e3066a',
  orchestration: '#3a49da',
  end: '#c23934',
  legacy: '#706e6b',
  unknown: '#706e6b',
  missing: '#ba0517',
};

/** `screens` is special among interaction elements: Builder draws it light blue. */
export function elementColor(type: string): string {
  if (type === 'screens') return '#1b96ff';
  return CATEGORY_COLORS[elementKind(type).category];
}

function humanise(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
