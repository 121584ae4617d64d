export { DetailsPanel, type DetailsPanelProps } from './DetailsPanel';
export { ResourcesPanel, groupResources, type ResourcesPanelProps, type ResourceGroup } from './ResourcesPanel';
export { FlowFacts, type FlowFactsProps } from './FlowFacts';
export { SectionList, RowList } from './SectionList';
export {
  connectionsOf,
  edgeKindLabel,
  nodeIdOf,
  BADGE_TEXT,
  type Badge,
  type Connection,
  type Connections,
} from './connections';
export * from './describe';
