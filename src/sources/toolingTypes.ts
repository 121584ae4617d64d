import type { Interview, InvocableFlow } from '../model/runtime';
import type { Fetch } from './http';

/** What `connect` (tooling.ts) takes and what its client returns. */

export interface ConnectOptions {
  instanceUrl: string;
  token: string;
  apiVersion?: string;
  fetch?: Fetch;
  /** This page's origin, for the CORS explanation; defaults to `location.origin`. */
  pageOrigin?: string;
  maxBytes?: number;
}

export interface FlowSummary {
  /** The FlowDefinition id (300…). */
  id: string;
  developerName: string;
  label: string;
  activeVersionId?: string;
  latestVersionId?: string;
}

export interface FlowPage {
  flows: FlowSummary[];
  totalSize: number;
  /** Pass to `listFlows` to read the next page; absent on the last page. */
  next?: string;
}

export interface FlowVersion {
  /** The Flow (version) id (301…). */
  id: string;
  versionNumber: number;
  /** Active, Draft, Obsolete or InvalidDraft. */
  status: string;
  lastModified: string;
}

/** The flow version whose interviews to read (issue 16). */
export interface InterviewVersion {
  /** The Flow (version) id (301…). */
  id: string;
  /** The FlowDefinition id (300…): with it, the interviews of every version of the flow (scope `flow`). */
  definitionId?: string;
  apiName?: string;
}

export interface InterviewQueryOptions {
  /** How many interviews to read at most (default 2,000, one page); `total` still says how many there are. */
  cap?: number;
  /** `flow` (default when `definitionId` is given): every version's interviews; `version`: this version's. */
  scope?: 'flow' | 'version';
  signal?: AbortSignal;
  /** After each page: interviews read so far, and how many the org has. */
  onProgress?: (read: number, total: number) => void;
}

export interface InterviewRead {
  /** The newest interviews first, at most `cap`. */
  interviews: Interview[];
  /** How many interviews the org has for the flow (the query's totalSize). */
  total: number;
  /** More than `cap`: the rest were not read (say so). */
  capped: boolean;
}

export type VersionRead = { id: string; text: string } | { id: string; error: string };

export interface OrgClient {
  readonly instanceUrl: string;
  readonly apiVersion: string;
  listFlows(filter: string, next?: string, signal?: AbortSignal): Promise<FlowPage>;
  listVersions(definitionId: string, signal?: AbortSignal): Promise<FlowVersion[]>;
  /** The raw Tooling `Flow` record (`{Id, FullName, Metadata: {…}, …}`): `parseFlow` reads it as is. */
  getVersion(id: string, signal?: AbortSignal): Promise<string>;
  /**
   * Many versions at once (a flow set from the org), batched: each id's raw `Flow` record text, or the
   * reason it could not be read. The answer keeps the ids' order; a cancelled signal rejects.
   */
  getVersions(ids: readonly string[], signal?: AbortSignal): Promise<VersionRead[]>;
  /** FlowInterview records through the REST `/query` (not Tooling), paged, newest first, up to a cap. */
  queryInterviews(version: InterviewVersion, options?: InterviewQueryOptions): Promise<InterviewRead>;
  /** `/actions/custom/flow`: the invocable flows (names and labels; their inputs and outputs through the next). */
  listInvocableFlows(signal?: AbortSignal): Promise<InvocableFlow[]>;
  /** `/actions/custom/flow/{apiName}`: one flow's inputs and outputs as the org describes them. */
  getInvocableFlow(apiName: string, signal?: AbortSignal): Promise<InvocableFlow>;
  /** Forgets the token; every later call fails with kind `disconnected`. */
  disconnect(): void;
}
