/** Flow properties in Flow Builder's words (the API name stays in the property's before/after). */
const PROPERTY_WORDS: ReadonlyMap<string, string> = new Map([
  ['apiVersion', 'API version'],
  ['status', 'Status'],
  ['processType', 'Type'],
  ['runInMode', 'How to run the flow'],
  ['label', 'Flow label'],
  ['description', 'Description'],
  ['interviewLabel', 'Interview label'],
  ['processMetadataValues', 'Builder settings'],
  ['environments', 'Environments'],
  ['triggerOrder', 'Trigger order'],
  ['isTemplate', 'Template'],
  ['isAdditionalPermissionRequiredToRun', 'Extra permission to run'],
  ['areMetricsLoggedToDataCloud', 'Metrics logged to Data Cloud'],
  ['migratedFromWorkflowRuleName', 'Migrated from workflow rule'],
  ['sourceTemplate', 'Source template'],
  ['timeZoneSidKey', 'Time zone'],
]);

/** A flow property's name in Builder's words ("API version", "Type"); undefined when Builder has none. */
export function flowPropertyName(apiName: string): string | undefined {
  return PROPERTY_WORDS.get(apiName);
}
