/**
 * The details, resources and flow-header panels' content as plain data (see types.ts): pure functions
 * of the FlowDoc and FlowGraph, in Flow Builder's words. No React, no HTML: components render the
 * strings as text.
 */
export { describeElement } from './element';
export { describeStart, triggerText, triggerObject, scheduledPathOffset } from './start';
export { describeResource, resourceTypeName, resourceGroupName, resourceSummary, dataTypeText } from './resources';
export { describeFlow, processTypeName } from './flow';
export { conditionSentence, logicText, OPERATORS } from './conditions';
export { formatNumber, formatValue, formatReference, richToPlain } from './values';
export type { Row, Section } from './types';
