import type { EdgeKind, FlowGraph, GraphEdge, GraphNode } from '../graph';
import type { Value } from '../types';

/**
 * The FlowDiff contract (DESIGN.md, `flowscope diff A B --json`). Pure data: the CLI prints it, the store
 * keeps it, the views draw it. Names on each side are the metadata's own API names.
 */
export type NodeStatus = 'added' | 'removed' | 'changed' | 'renamed' | 'unchanged';
export type EdgeStatus = 'added' | 'removed' | 'unchanged';
export type ResourceStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** One property that differs. `before`/`after` absent = the property is not set on that side. */
export interface PropertyChange {
  /** Readable path: `rules[Big_Deal].conditions[1].rightValue`, `inputAssignments[Amount].value`. */
  path: string;
  before?: Value;
  after?: Value;
}

export interface NodeDiff {
  /** API name in the after version (the before name for removed nodes); `$start` for the start. */
  id: string;
  type: string;
  label: string;
  status: NodeStatus;
  /** For `renamed`: the API name in the before version. A renamed node may also have `changes` (label…). */
  renamedFrom?: string;
  /** The union-graph node id, when it is not `id`: a removed node whose name an after node now uses (`Name~before`). */
  graphId?: string;
  changes: PropertyChange[];
}

export interface EdgeDiff {
  /** Source and target are API names as they appear in the version the edge belongs to. */
  source: string;
  target: string;
  kind: EdgeKind;
  /** The owning outcome's / path's name (GraphEdge.key): part of the edge's identity. */
  key?: string;
  label?: string;
  goTo: boolean;
  /** On an unchanged edge whose Go To flag flipped: the flag before (`goTo` is the flag after). */
  wasGoTo?: boolean;
  status: EdgeStatus;
}

/** A connector whose source and kind (and outcome/path key) stay but whose target moved: one change for the reader. */
export interface Rewire {
  source: string;
  kind: EdgeKind;
  key?: string;
  label?: string;
  before: string;
  after: string;
}

export interface ResourceDiff {
  id: string;
  /** Metadata array: variables, constants, formulas, textTemplates, choices, dynamicChoiceSets, stages… */
  type: string;
  status: ResourceStatus;
  changes: PropertyChange[];
}

export interface DiffSummary {
  nodes: Record<NodeStatus, number>;
  edges: { added: number; removed: number };
  resources: { added: number; removed: number; changed: number };
  properties: number;
}

/** A node of the union graph: ids are after-version names (renamed nodes under their new name). */
export interface DiffGraphNode extends GraphNode {
  status: NodeStatus;
  /** For `renamed`: the before version's API name. */
  renamedFrom?: string;
}
/** An edge of the union graph: endpoints mapped to union node ids; ids unique across both sides. */
export interface DiffGraphEdge extends GraphEdge {
  status: EdgeStatus;
}
/** Both versions in one graph, laid out once and drawn by every diff mode. `flow` is the after header. */
export interface DiffGraph extends FlowGraph {
  nodes: DiffGraphNode[];
  edges: DiffGraphEdge[];
}

export interface FlowDiff {
  summary: DiffSummary;
  nodes: NodeDiff[];
  edges: EdgeDiff[];
  rewired: Rewire[];
  resources: ResourceDiff[];
  /** Flow-level properties: status, apiVersion, processType, runInMode, label, description, interviewLabel, start… */
  properties: PropertyChange[];
  graph: DiffGraph;
}
