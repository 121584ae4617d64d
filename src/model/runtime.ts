/**
 * A flow's runtime (issue 16): the Flow REST API's payloads other than a flow's metadata — FlowInterview
 * records (paused or failed interviews and the element each stands at), flow lists, and invocable-flow
 * descriptions — read into plain shapes, and interviews placed on a flow's elements. Pure; read-only.
 * Detection lives in runtimeDetect.ts, placement and the interface comparison in runtimePlace.ts.
 */

/** One FlowInterview record as the views and the CLI use it; every field as the record gives it (nulls absent). */
export interface Interview {
  id?: string;
  /** `Name`: the interview's auto-number name. */
  name?: string;
  /** `CurrentElement`: the API name of the element it stands at; null when the record says none (or lacks it). */
  currentElement: string | null;
  /** `InterviewStatus`, as the record gives it ("Paused", "Error", "Running", …); '' when the record has none. */
  status: string;
  /** `InterviewLabel`. */
  label?: string;
  /** `PauseLabel`. */
  pauseLabel?: string;
  /** `CreatedDate`, as the record gives it (ISO 8601). */
  createdDate?: string;
  /** `FlowVersionViewId`: the flow version (301…) the interview runs, when the record has it. */
  versionId?: string;
  /** `Error` (API 62.0+): why the interview failed. */
  error?: string;
}

/** One flow of a flow list (`/query` of Flow or FlowDefinitionView without Metadata, a FlowListResponse). */
export interface FlowListItem {
  /** The record's id: a version (301…) for Flow and FlowVersionView, a definition (300…) otherwise. */
  id?: string;
  /** '' when the record names no flow (a Flow version queried without its definition's name). */
  apiName: string;
  label?: string;
  processType?: string;
  status?: string;
  versionNumber?: string;
  /** The flow definition's id (300…) when the record gives it (DefinitionId, DurableId, FlowDefinitionViewId). */
  definitionId?: string;
  activeVersionId?: string;
  latestVersionId?: string;
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
  /** From `maxOccurs` (more than one: a collection); absent when the description does not say. */
  collection?: boolean;
}

/** An invocable flow's description: `{name, label, type, inputs, outputs}`. */
export interface InvocableFlow {
  name: string;
  label?: string;
  /** The action's `type` ("FLOW"), as given. */
  type?: string;
  description?: string;
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
  | {
      kind: 'flow-list';
      flows: FlowListItem[];
      /** The queried object (Flow, FlowDefinitionView, FlowDefinition, FlowVersionView), when the answer says. */
      object?: string;
      totalSize?: number;
      more: boolean;
    }
  | {
      kind: 'invocable';
      flows: InvocableFlow[] /** The `/actions/custom/flow` list rather than one flow. */;
      list: boolean;
    }
  | {
      /**
       * A query result that is none of the above: another object's records ("a query of Account, not
       * FlowInterview"), or no records at all. `object` is absent when the answer does not say.
       */
      kind: 'other-query';
      object?: string;
      count: number;
    };

/** Interviews placed on one version of a flow. Keyed by element API name (Maps: a name may be `__proto__`). */
export interface RuntimePlacement {
  /** Element API name → its interviews (the flow has that element), in the flow's element order. */
  elements: Map<string, Interview[]>;
  /** `CurrentElement`s this version does not have ('' for none) → their interviews. Never dropped. */
  elsewhere: Map<string, Interview[]>;
  total: number;
}

/** `runtimeJson`'s shape, what `graph --interviews … --json` prints under `runtime` (null-prototype records). */
export interface RuntimeJson {
  elements: Record<string, Record<string, number>>;
  elsewhere: Record<string, number>;
  total: number;
}

/** One difference between an invocable flow's description and the interface its metadata declares. */
export interface InvocableMismatch {
  direction: 'input' | 'output';
  /** The parameter's name (the description's spelling when both have it). */
  name: string;
  /** `not-in-metadata`: the description has it, no variable is available; `not-in-description`: the reverse. */
  kind: 'not-in-metadata' | 'not-in-description' | 'type' | 'collection';
  /** The difference in words, e.g. "Input “amount”: the description says DATE, the metadata says Number." */
  words: string;
}

export { detectFlowRestPayload, detectFlowRestText, versionToOpen } from './runtimeDetect';
export { compareInvocable, describesFlow, placeInterviews, runtimeJson, statusCounts } from './runtimePlace';
