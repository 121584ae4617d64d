import type { EdgeKind, FlowGraph, GraphEdge, GraphNode } from '../graph';
import type { Value } from '../types';

/**
 * The FlowDiff contract (DESIGN.md, `flowscope diff A B --json`). Pure data: the CLI prints it, the store
 * keeps it, the views draw it. Names on each side are the metadata's own API names.
 */
export type NodeStatus = 'added' | 'removed' | 'changed' | 'renamed' | 'unchanged';
export type EdgeStatus = 'added' | 'removed' | 'unchanged';
export type ResourceStatus = 'added' | 'removed' | 'changed' | 'renamed' | 'unchanged';

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
  /** On an unchanged edge now owned by another outcome / path: the key before (`key` is the key after). */
  keyBefore?: string;
  /** On an unchanged edge whose label changed: the label before (`''`: it had none). */
  labelBefore?: string;
  status: EdgeStatus;
}

/** A connector whose source and kind (and outcome/path key) stay but whose target moved: one change for the reader. */
export interface Rewire {
  source: string;
  kind: EdgeKind;
  key?: string;
  label?: string;
  /** The connector's label before, when it differs (`''`: it had none). */
  labelBefore?: string;
  before: string;
  after: string;
}

export interface ResourceDiff {
  id: string;
  /** Metadata array: variables, constants, formulas, textTemplates, choices, dynamicChoiceSets, stages… */
  type: string;
  status: ResourceStatus;
  /** For `renamed`: its name in the before version (`id` is the after name). */
  renamedFrom?: string;
  changes: PropertyChange[];
}

export interface DiffSummary {
  nodes: Record<NodeStatus, number>;
  /** Connectors by API name (the `edges` list): one that only follows a renamed element counts here. */
  edges: { added: number; removed: number };
  /** Connectors as the reader sees them (the `connectors` list): what the app, `--md` and `pr` count. */
  connectors: ConnectorSummary;
  resources: { added: number; removed: number; changed: number; renamed: number };
  properties: number;
}

export interface ConnectorSummary {
  added: number;
  removed: number;
  rewired: number;
  relabelled: number;
  /** Connectors that are the same but for a renamed element at one end: no change, counted for the reader. */
  followRename: number;
}

/**
 * A connector change as the reader sees it, on the union graph: keyed by a union edge id, naming the
 * union edge ids it concerns. `rewired`: the same source and outcome / path now leads elsewhere (one
 * entry for the removed and the added edge); `relabelled`: the same connector with a new label.
 */
export type ConnectorStatus = 'added' | 'removed' | 'rewired' | 'relabelled';
export interface ConnectorChange {
  /** A union edge id: the added edge of a rewire, the edge itself otherwise. Unique in the list. */
  id: string;
  status: ConnectorStatus;
  /** Every union edge id this change concerns (a rewire: the removed and the added edge). */
  edgeIds: string[];
  kind: EdgeKind;
  /** Union node ids: where it starts and where it leads (after a rewire: the new target). */
  source: string;
  target: string;
  /** For `rewired`: the union node id it led to before. */
  targetBefore?: string;
  /** The outcome / path that owns it (the after version's name). */
  key?: string;
  label?: string;
  /** For `relabelled` (and a rewire whose label changed): the label before (`''`: it had none). */
  labelBefore?: string;
  goTo: boolean;
}

/** A node of the union graph: ids are after-version names (renamed nodes under their new name). */
export interface DiffGraphNode extends GraphNode {
  status: NodeStatus;
  /** For `renamed`: the before version's API name. */
  renamedFrom?: string;
  /** Its graph node id in the before version (absent for added nodes). */
  beforeId?: string;
  /** Its graph node id in the after version (absent for removed nodes); equal to `id` when present. */
  afterId?: string;
  /** Its label in the before version, when it differs from `label` (the after label). */
  labelBefore?: string;
  /** Whether it was unreachable from Start in the before version, when that differs from `unreachable`. */
  unreachableBefore?: boolean;
}
/** The before version's connector an unchanged union edge stands for, in the before version's own names. */
export interface EdgeBefore {
  source: string;
  target: string;
  key?: string;
  label?: string;
  goTo: boolean;
}
/** An edge of the union graph: endpoints mapped to union node ids; ids unique across both sides. */
export interface DiffGraphEdge extends GraphEdge {
  status: EdgeStatus;
  /**
   * On an `unchanged` edge whose before connector differs from it in anything but union ids (a renamed end,
   * another owning outcome, label or Go To flag): that connector. Absent: the before connector is this one.
   */
  before?: EdgeBefore;
}
/** Both versions in one graph, laid out once and drawn by every diff mode. `flow` is the after header. */
export interface DiffGraph extends FlowGraph {
  nodes: DiffGraphNode[];
  edges: DiffGraphEdge[];
}

export interface FlowDiff {
  summary: DiffSummary;
  nodes: NodeDiff[];
  /** Connectors by API name, as each version's metadata names them (the contract's by-name list). */
  edges: EdgeDiff[];
  /** Rewired connectors in after-version names (also in `connectors`, by union ids). */
  rewired: Rewire[];
  /** The one connector change list, on the union graph: what the app, `--md` and `pr` show and count. */
  connectors: ConnectorChange[];
  resources: ResourceDiff[];
  /** Flow-level properties: status, apiVersion, processType, runInMode, label, description, interviewLabel, start… */
  properties: PropertyChange[];
  graph: DiffGraph;
}
