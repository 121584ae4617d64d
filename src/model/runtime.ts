/**
 * A flow's runtime (issue 16): the Flow REST API's payloads other than a flow's metadata — FlowInterview
 * records (paused or failed interviews and the element each stands at), flow lists, and invocable-flow
 * descriptions — read into plain shapes, and interviews placed on a flow's elements. Pure; read-only.
 * CONTRACT: the bodies land with issue 16.
 */

/** One FlowInterview record as the views and the CLI use it; every field as the record gives it. */
export interface Interview {
  id?: string;
  /** `Name`: the interview's auto-number name. */
  name?: string;
  /** `CurrentElement`: the API name of the element it stands at; null when the record says none. */
  currentElement: string | null;
  /** `InterviewStatus`, as the record gives it ("Paused", "Error", "Started", …). */
  status: string;
  /** `InterviewLabel`. */
  label?: string;
  /** `PauseLabel`. */
  pauseLabel?: string;
  /** `CreatedDate`, as the record gives it (ISO 8601). */
  createdDate?: string;
}

/** One flow of a flow list (`/query` of Flow or FlowDefinitionView without Metadata, a FlowListResponse). */
export interface FlowListItem {
  id?: string;
  apiName: string;
  label?: string;
  processType?: string;
  status?: string;
  versionNumber?: string;
}

/** One parameter of an invocable flow (`/actions/custom/flow/{name}`'s inputs and outputs). */
export interface InvocableParameter {
  name: string;
  label?: string;
  type?: string;
  /** `sobjectType` of a record parameter. */
  objectType?: string;
  required: boolean;
  description?: string;
}

/** An invocable flow's description: `{name, label, type, inputs, outputs}`. */
export interface InvocableFlow {
  name: string;
  label?: string;
  inputs: InvocableParameter[];
  outputs: InvocableParameter[];
}

/** What a pasted or dropped text is, when it is one of the Flow REST payloads rather than a flow. */
export type FlowRestPayload =
  | {
      kind: 'interviews';
      interviews: Interview[];
      /** The query's `totalSize`, when it said one. */
      totalSize?: number;
      /** A page of a longer query (`done: false`, `nextRecordsUrl`). */
      more: boolean;
    }
  | { kind: 'flow-list'; flows: FlowListItem[] }
  | {
      kind: 'invocable';
      flows: InvocableFlow[] /** The `/actions/custom/flow` list rather than one flow. */;
      list: boolean;
    };

/** Interviews placed on one version of a flow. Keyed by element API name (Maps: a name may be `__proto__`). */
export interface RuntimePlacement {
  /** Element API name → its interviews (the flow has that element). */
  elements: Map<string, Interview[]>;
  /** `CurrentElement`s this version does not have ('' for none) → their interviews. Never dropped. */
  elsewhere: Map<string, Interview[]>;
  total: number;
}
