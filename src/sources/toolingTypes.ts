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
  /** Forgets the token; every later call fails with kind `disconnected`. */
  disconnect(): void;
}
