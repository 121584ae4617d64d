import { detectFlowRestPayload, interviewOf } from '../model/runtimeDetect';
import type { Interview, InvocableFlow } from '../model/runtime';
import { short } from './http';
import { SourceError } from './redact';
import { isRecordId, soqlString } from './soql';
import type { InterviewQueryOptions, InterviewRead, InterviewVersion } from './toolingTypes';

/**
 * The org's runtime through the REST API (issue 16), read-only: FlowInterview records through the REST
 * `/query` endpoint (`/services/data/vXX.X/query`, not Tooling: FlowInterview is a data object) with paging
 * and a cap, and the invocable-flow descriptions of `/actions/custom/flow`. The requests go through the
 * Tooling client's own `get` (token in the header only, same-host redirects, errors redacted).
 *
 * Which interviews are a flow's: `FlowVersionViewId` (API 51.0+) names the flow version (301…) an interview
 * runs — FlowVersionView's DurableId. It is a string field, so the 18-character id and its 15-character
 * form are both asked for. A flow's interviews (scope `flow`, the default when the definition is known) are
 * those of all its versions: an older version's interview at an element this version no longer has is
 * counted "elsewhere", never dropped.
 */

export interface RestReads {
  apiVersion: string;
  origin: string;
  base: string;
  secrets: readonly string[];
  query: (
    path: string,
    what: string,
    signal?: AbortSignal,
  ) => Promise<{ records: Record<string, unknown>[]; next?: string; totalSize: number }>;
  getJson: (path: string, what: string, signal?: AbortSignal) => Promise<Record<string, unknown>>;
  versionIds: (definitionId: string, signal?: AbortSignal) => Promise<string[]>;
}

/** The fields Flowscope reads; `Error` exists from API 62.0. */
export function interviewFields(apiVersion: string): string[] {
  const fields = ['Id', 'Name', 'CurrentElement', 'InterviewLabel', 'InterviewStatus', 'PauseLabel', 'CreatedDate'];
  fields.push('FlowVersionViewId');
  if (Number.parseFloat(apiVersion) >= 62) fields.push('Error');
  return fields;
}

export function interviewsQuery(versionIds: readonly string[], apiVersion: string): string {
  const ids = [...new Set(versionIds.flatMap((id) => (id.length === 18 ? [id, id.slice(0, 15)] : [id])))];
  const list = ids.map((id) => `'${soqlString(id)}'`).join(', ');
  return (
    `SELECT ${interviewFields(apiVersion).join(', ')} FROM FlowInterview ` +
    `WHERE FlowVersionViewId IN (${list}) ORDER BY CreatedDate DESC`
  );
}

const invalid = (what: string, hint: string, secrets: readonly string[]) =>
  new SourceError('invalid-input', what, hint, secrets);

/** `nextRecordsUrl` must be a REST query page on the same instance and API version. */
function checkRestNext(next: string, r: RestReads): void {
  let url: URL | undefined;
  try {
    url = new URL(next, r.origin);
  } catch {
    url = undefined;
  }
  if (!url || url.origin !== r.origin || !url.pathname.startsWith(`${r.base}/query/`))
    throw new SourceError(
      'foreign-host',
      `The org’s next-page link (${short(next, 80)}) does not point at ${r.origin}${r.base}/query; ` +
        'Flowscope does not follow it.',
      'Try again; if it keeps happening, please report it.',
      r.secrets,
    );
}

export async function queryInterviews(
  r: RestReads,
  version: InterviewVersion,
  options: InterviewQueryOptions = {},
): Promise<InterviewRead> {
  const cap = Math.max(1, Math.floor(options.cap ?? 2000));
  if (!isRecordId(version.id))
    throw invalid(
      `“${short(version.id, 40)}” is not a flow version id.`,
      'Open a flow version from the org.',
      r.secrets,
    );
  const def = version.definitionId;
  const scope = options.scope ?? (def !== undefined ? 'flow' : 'version');
  let ids = [version.id];
  if (scope === 'flow') {
    if (def === undefined || !isRecordId(def))
      throw invalid(`“${short(def ?? '', 40)}” is not a flow definition id.`, 'Open the flow from the org.', r.secrets);
    ids = [...new Set([version.id, ...(await r.versionIds(def, options.signal))])];
  }
  const what = 'the flow’s interviews';
  const interviews: Interview[] = [];
  let path: string | undefined = `${r.base}/query?q=${encodeURIComponent(interviewsQuery(ids, r.apiVersion))}`;
  let total = 0;
  while (path !== undefined) {
    const page = await r.query(path, what, options.signal);
    total = Math.max(page.totalSize, interviews.length + page.records.length);
    for (const rec of page.records) if (interviews.length < cap) interviews.push(interviewOf(rec));
    options.onProgress?.(interviews.length, total);
    if (interviews.length >= cap || page.next === undefined) break;
    checkRestNext(page.next, r);
    path = page.next;
  }
  return { interviews, total, capped: total > interviews.length };
}

/** `/actions/custom/flow`: the org's invocable flows by name and label (no inputs and outputs: ask each). */
export async function listInvocableFlows(r: RestReads, signal?: AbortSignal): Promise<InvocableFlow[]> {
  const what = 'the list of invocable flows';
  const p = detectFlowRestPayload(await r.getJson(`${r.base}/actions/custom/flow`, what, signal));
  return p?.kind === 'invocable' ? p.flows : [];
}

/** `/actions/custom/flow/{apiName}`: the flow's inputs and outputs as the org describes them. */
export async function getInvocableFlow(r: RestReads, apiName: string, signal?: AbortSignal): Promise<InvocableFlow> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(apiName))
    throw invalid(`“${short(apiName, 40)}” is not a flow API name.`, 'Open a flow from the org.', r.secrets);
  const what = `the invocable description of ${apiName}`;
  const p = detectFlowRestPayload(await r.getJson(`${r.base}/actions/custom/flow/${apiName}`, what, signal));
  const flow = p?.kind === 'invocable' && !p.list ? p.flows[0] : undefined;
  if (!flow)
    throw new SourceError(
      'invalid-json',
      `The org’s answer for ${what} is not an invocable-flow description.`,
      'Only active autolaunched flows are invocable actions; check that the flow is one.',
      r.secrets,
    );
  return flow;
}
