/**
 * Which Flow REST payload a parsed JSON value is (issue 16), read into runtime.ts's shapes. Shapes from the
 * Flow REST description the product was specified from and Salesforce's object reference:
 * - a `/query` result `{totalSize, done, nextRecordsUrl?, records}` (and `sf data query --json`'s wrapper
 *   `{status, result: {…}}`, a Tooling answer's `entityTypeName`, a bare array of records, one record):
 *   FlowInterview records by `attributes.type` or by FlowInterview's own fields; Flow, FlowDefinition,
 *   FlowDefinitionView or FlowVersionView records without `Metadata` as a flow list; any other object's
 *   records as `other-query`;
 * - `/sobjects/Flow` (`FlowListResponse`, or Salesforce's `{objectDescribe, recentItems}`);
 * - `/actions/custom/flow` (`{actions: [{name, label, type}]}`) and `/actions/custom/flow/{name}`
 *   (`{name, label, type, inputs, outputs}`).
 * A flow — anything with `Metadata`, or a bare Metadata object — is never one of these: `undefined`, and the
 * flow parser reads it.
 */
import type { FlowListItem, FlowRestPayload, Interview, InvocableFlow, InvocableParameter } from './runtime';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (r: Rec, k: string): unknown => (Object.hasOwn(r, k) ? r[k] : undefined);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** FlowInterview's own fields (the object reference's, and the REST description's GuidedFlowName / HasFinished). */
const INTERVIEW_FIELDS = [
  'CurrentElement',
  'InterviewStatus',
  'InterviewLabel',
  'PauseLabel',
  'FlowVersionViewId',
  'WasPausedFromScreen',
  'GuidedFlowName',
  'HasFinished',
];
/** FlowInterviewLog shares InterviewStatus; these fields are its own. */
const LOG_FIELDS = ['FlowInterviewGuid', 'FlowDeveloperName', 'InterviewStartTimestamp'];
const LIST_OBJECTS = new Set(['Flow', 'FlowDefinition', 'FlowDefinitionView', 'FlowVersionView']);
const LIST_NAMES = ['ApiName', 'DeveloperName', 'FullName'];
const LIST_FIELDS = ['ProcessType', 'VersionNumber', 'Status', 'Label', 'MasterLabel', 'ActiveVersionId'];

const has = (r: Rec, fields: readonly string[]) => fields.some((f) => Object.hasOwn(r, f));
const isFlowRecord = (r: Rec) => Object.hasOwn(r, 'Metadata') || Object.hasOwn(r, 'metadata');
const typeOf = (r: Rec): string | undefined => {
  const a = own(r, 'attributes');
  return isRec(a) ? text(own(a, 'type')) : undefined;
};
const looksInterview = (r: Rec) => has(r, INTERVIEW_FIELDS) && !has(r, LOG_FIELDS);
const looksListed = (r: Rec) => has(r, LIST_NAMES) && has(r, LIST_FIELDS);

export function detectFlowRestPayload(value: unknown): FlowRestPayload | undefined {
  let v = value;
  // `sf data query --json`: {status: 0, result: {records, totalSize, done}, warnings}.
  if (isRec(v) && typeof own(v, 'status') === 'number' && isRec(own(v, 'result'))) v = own(v, 'result');
  if (Array.isArray(v)) return v.every(isRec) && v.length > 0 ? fromRecords(v, {}) : undefined;
  if (!isRec(v)) return undefined;
  const records = own(v, 'records');
  if (Array.isArray(records)) return records.every(isRec) ? fromRecords(records, v) : undefined;
  const describe = own(v, 'objectDescribe');
  const recent = own(v, 'recentItems');
  if (isRec(describe) && Array.isArray(recent) && recent.every(isRec))
    return fromRecords(recent, { entityTypeName: own(describe, 'name') });
  if (Array.isArray(own(v, 'actions'))) return actionList(own(v, 'actions') as unknown[]);
  if (Array.isArray(own(v, 'inputs')) || Array.isArray(own(v, 'outputs'))) {
    const flow = invocableOf(v);
    return flow ? { kind: 'invocable', flows: [flow], list: false } : undefined;
  }
  // One record: a FlowInterview (`/sobjects/FlowInterview/{id}`), else nothing of ours.
  if (!isFlowRecord(v) && (typeOf(v) === 'FlowInterview' || (typeOf(v) === undefined && looksInterview(v))))
    return { kind: 'interviews', interviews: [interviewOf(v)], more: false };
  return undefined;
}

/** A query's records (`envelope` is the query answer: totalSize, done, nextRecordsUrl, entityTypeName). */
function fromRecords(records: Rec[], envelope: Rec): FlowRestPayload | undefined {
  if (records.some(isFlowRecord)) return undefined;
  const object = records.map(typeOf).find((t) => t !== undefined) ?? text(own(envelope, 'entityTypeName'));
  const totalSize = typeof own(envelope, 'totalSize') === 'number' ? (own(envelope, 'totalSize') as number) : undefined;
  const more = own(envelope, 'done') === false || typeof own(envelope, 'nextRecordsUrl') === 'string';
  const sized = totalSize === undefined ? {} : { totalSize };
  const interviews = object === 'FlowInterview' || (object === undefined && records.some(looksInterview));
  if (interviews && records.length > 0)
    return { kind: 'interviews', interviews: records.map(interviewOf), ...sized, more };
  const listed = object !== undefined ? LIST_OBJECTS.has(object) : records.some(looksListed);
  if (listed && (records.length > 0 || object !== undefined))
    return { kind: 'flow-list', flows: records.map(flowListItemOf), ...(object ? { object } : {}), ...sized, more };
  if (object === 'FlowInterview') return { kind: 'interviews', interviews: [], ...sized, more };
  return { kind: 'other-query', ...(object ? { object } : {}), count: totalSize ?? records.length };
}

/** Copies the fields that have a value: a record's nulls stay absent. */
function pick<T extends object>(out: T, fields: Partial<Record<keyof T, unknown>>): T {
  for (const [k, v] of Object.entries(fields)) {
    const t = text(v);
    if (t !== undefined) (out as Record<string, unknown>)[k] = t;
  }
  return out;
}

export function interviewOf(r: Rec): Interview {
  const current = own(r, 'CurrentElement');
  return pick<Interview>(
    { currentElement: typeof current === 'string' && current !== '' ? current : null, status: statusOf(r) },
    {
      id: own(r, 'Id'),
      name: own(r, 'Name'),
      label: own(r, 'InterviewLabel'),
      pauseLabel: own(r, 'PauseLabel'),
      createdDate: own(r, 'CreatedDate'),
      versionId: own(r, 'FlowVersionViewId'),
      error: own(r, 'Error'),
    },
  );
}

/** `InterviewStatus` as given; the REST description's `HasFinished` says Completed when true, nothing else. */
function statusOf(r: Rec): string {
  const s = own(r, 'InterviewStatus');
  if (typeof s === 'string') return s;
  return own(r, 'HasFinished') === true ? 'Completed' : '';
}

function rel(r: Rec, relationship: string, field: string): unknown {
  const o = own(r, relationship);
  return isRec(o) ? own(o, field) : undefined;
}

export function flowListItemOf(r: Rec): FlowListItem {
  const type = typeOf(r);
  const apiName =
    text(own(r, 'ApiName')) ??
    text(own(r, 'DeveloperName')) ??
    text(own(r, 'FullName')) ??
    text(rel(r, 'Definition', 'DeveloperName')) ??
    text(rel(r, 'FlowDefinitionView', 'ApiName')) ??
    '';
  const definitionId =
    own(r, 'DefinitionId') ??
    own(r, 'FlowDefinitionViewId') ??
    (type === 'FlowDefinitionView' ? own(r, 'DurableId') : undefined) ??
    (type === 'FlowDefinition' ? own(r, 'Id') : undefined);
  return pick<FlowListItem>(
    { apiName },
    {
      id: own(r, 'Id') ?? own(r, 'DurableId'),
      label: own(r, 'Label') ?? own(r, 'MasterLabel') ?? rel(r, 'Definition', 'MasterLabel'),
      processType: own(r, 'ProcessType'),
      status: own(r, 'Status') ?? (own(r, 'IsActive') === true ? 'Active' : undefined),
      versionNumber: own(r, 'VersionNumber'),
      definitionId,
      activeVersionId: own(r, 'ActiveVersionId'),
      latestVersionId: own(r, 'LatestVersionId'),
    },
  );
}

/** `/actions/custom/flow`: each action `{name, label, type}`; a list of other action types is not ours. */
function actionList(actions: unknown[]): FlowRestPayload | undefined {
  const items = actions.filter(isRec);
  const flows = items.flatMap((a) => {
    const name = text(own(a, 'name'));
    const type = text(own(a, 'type'));
    if (!name || (type !== undefined && type.toUpperCase() !== 'FLOW')) return [];
    return [pick<InvocableFlow>({ name, inputs: [], outputs: [] }, { label: own(a, 'label'), type })];
  });
  if (items.length > 0 && flows.length === 0) return undefined;
  return { kind: 'invocable', flows, list: true };
}

function invocableOf(r: Rec): InvocableFlow | undefined {
  const name = text(own(r, 'name'));
  const type = text(own(r, 'type'));
  if (!name || (type !== undefined && type.toUpperCase() !== 'FLOW')) return undefined;
  const params = (v: unknown) => (Array.isArray(v) ? v.filter(isRec).flatMap(parameterOf) : []);
  const inputs = params(own(r, 'inputs'));
  const outputs = params(own(r, 'outputs'));
  return pick<InvocableFlow>(
    { name, inputs, outputs },
    { label: own(r, 'label'), type, description: own(r, 'description') },
  );
}

function parameterOf(p: Rec): InvocableParameter[] {
  const name = text(own(p, 'name'));
  if (!name) return [];
  const out = pick<InvocableParameter>(
    { name, required: own(p, 'required') === true },
    {
      label: own(p, 'label'),
      type: own(p, 'type'),
      objectType: own(p, 'sobjectType'),
      description: own(p, 'description'),
    },
  );
  const max = own(p, 'maxOccurs');
  if (typeof max === 'number') out.collection = max > 1;
  return [out];
}

/** `detectFlowRestPayload` on text: undefined for text that is not JSON (XML, a flow's name…) or is a flow. */
export function detectFlowRestText(input: string): FlowRestPayload | undefined {
  const t = input.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return undefined;
  }
  return detectFlowRestPayload(value);
}

/** Salesforce key prefixes: 301 a Flow (version), 300 a FlowDefinition. */
const isVersionId = (id: string | undefined) => id !== undefined && /^301[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(id);

/**
 * The flow version a list item opens: its active version, else its latest, else the item itself when it is a
 * version (a Flow or FlowVersionView record). Undefined when the item names only the flow: find its
 * definition by API name first (the org's flow list).
 */
export function versionToOpen(item: FlowListItem): string | undefined {
  for (const id of [item.activeVersionId, item.latestVersionId, item.id]) if (isVersionId(id)) return id;
  return undefined;
}
