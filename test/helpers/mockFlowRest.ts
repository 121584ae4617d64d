import type { ServerResponse } from 'node:http';
import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc } from '../../src/model/types';
import { interviewRows, type InterviewRow } from './interviews';
import { activeOf, type MockFlow } from './mockOrg';
import { matches, parseSoql, fieldOf } from './mockSoql';

/**
 * The mock org's Flow REST API beside its Tooling API (issue 16): the REST `/query` of FlowInterview (pages of
 * 2,000 as Salesforce sends them, or `Sforce-Query-Options: batchSize=N`, followed through `nextRecordsUrl`),
 * FlowDefinitionView, FlowVersionView and Flow without Metadata; `/actions/custom/flow` and
 * `/actions/custom/flow/{name}` (inputs and outputs from the active version's `isInput` / `isOutput`
 * variables). A real org lists only autolaunched flows as actions; the mock lists every active version, so
 * that every mock flow has a description to compare. Fields a version does not serve answer INVALID_FIELD
 * (`Error` before API 62.0, `InterviewStatus` before 50.0), as Salesforce does.
 */

type Send = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;

export interface FlowRestState {
  /** Every FlowInterview of the org (mutable: a test sets 50,000 of them, or none). */
  interviews: InterviewRow[];
  /** Rows per page of a REST query (Salesforce: 2,000; a `batchSize` header asks for fewer). */
  restPageSize: number;
  /** Per flow API name, a change to its `/actions/custom/flow/{name}` answer (a mismatch to find). */
  actionEdits: Map<string, (description: Record<string, unknown>) => Record<string, unknown>>;
}

const INTERVIEW_FIELDS: Record<string, number> = {
  Id: 32,
  Name: 32,
  CurrentElement: 32,
  InterviewLabel: 32,
  PauseLabel: 32,
  CreatedDate: 32,
  CreatedById: 32,
  LastModifiedDate: 32,
  OwnerId: 32,
  Guid: 32,
  InterviewStatus: 50,
  FlowVersionViewId: 51,
  WasPausedFromScreen: 55,
  Error: 62,
};

export const docOf = (v: MockFlow['versions'][number]): FlowDoc => {
  const parsed = parseFlow(JSON.stringify(v.record));
  if (!parsed.ok) throw new Error(`mock flow ${v.id}: ${parsed.error.message}`);
  return parsed.doc;
};

/** Interviews of one version at its elements, deterministic for a seed; `removed` names stand elsewhere. */
export function mockInterviews(
  version: MockFlow['versions'][number],
  count: number,
  options: { seed?: number; removed?: string[]; start?: number; nullShare?: number } = {},
): InterviewRow[] {
  const names = docOf(version).elements.map((e) => e.name);
  return interviewRows(names, { count, versionId: version.id, ...options });
}

/**
 * The org's interviews: the Adoption flow's active version has 40 at its elements and 2 with no element; its
 * obsolete version has 6, of which those at elements the active version no longer has stand "elsewhere"; the
 * Adopter Profile flow has 7. Every other flow has none.
 */
export function buildMockInterviews(flows: MockFlow[]): InterviewRow[] {
  const rows: InterviewRow[] = [];
  const adoption = flows.find((f) => f.developerName === 'Adoption_Start_Adoption_Process');
  if (adoption) {
    const [old, active] = adoption.versions as [MockFlow['versions'][number], MockFlow['versions'][number]];
    const kept = new Set(docOf(active).elements.map((e) => e.name));
    const gone = docOf(old)
      .elements.map((e) => e.name)
      .filter((n) => !kept.has(n));
    rows.push(...mockInterviews(active, 40, { seed: 16, start: 1, nullShare: 0 }));
    rows.push(...mockInterviews(active, 2, { seed: 2, start: 41 }).map((r) => ({ ...r, CurrentElement: null })));
    const removed = gone.length > 0 ? gone : ['Removed_Step'];
    rows.push(
      ...mockInterviews(old, 6, { seed: 4, start: 43, nullShare: 0 }).map((r, i) =>
        i < 3 ? { ...r, CurrentElement: removed[i % removed.length]!, InterviewStatus: 'Paused' } : r,
      ),
    );
  }
  const profile = flows.find((f) => f.developerName === 'Adopter_Profile_Create_new_Adopter_Profile');
  const profileActive = profile && activeOf(profile);
  if (profileActive) rows.push(...mockInterviews(profileActive, 7, { seed: 7, start: 49, nullShare: 0 }));
  return rows;
}

/** The "50,000 interviews" org: `count` interviews on the Adoption flow's active version (for `mock.rest.interviews`). */
export function manyInterviews(flows: MockFlow[], count = 50_000): InterviewRow[] {
  const adoption = flows.find((f) => f.developerName === 'Adoption_Start_Adoption_Process')!;
  return mockInterviews(activeOf(adoption)!, count, { seed: 50, removed: ['Removed_Step'] });
}

const ACTION_TYPES: Record<string, string> = {
  String: 'STRING',
  Number: 'DOUBLE',
  Currency: 'DOUBLE',
  Boolean: 'BOOLEAN',
  Date: 'DATE',
  DateTime: 'DATETIME',
  Time: 'TIME',
  SObject: 'SOBJECT',
  Picklist: 'STRING',
  Multipicklist: 'STRING',
  Apex: 'APEX',
};

export function createFlowRest(flows: MockFlow[], send: Send) {
  const state: FlowRestState = { interviews: buildMockInterviews(flows), restPageSize: 2000, actionEdits: new Map() };
  /** Open query locators: the rows not yet sent, the page size asked at the start, how many were sent. */
  const cursors = new Map<string, { rows: Record<string, unknown>[]; total: number; size: number; sent: number }>();
  let seq = 0;

  const description = (f: MockFlow): Record<string, unknown> | undefined => {
    const active = activeOf(f);
    if (!active) return undefined;
    const params = (dir: 'isInput' | 'isOutput') =>
      docOf(active)
        .resources.filter((r) => r.type === 'variables' && r.data[dir] === 'true')
        .map((r) => ({
          name: r.name,
          label: r.name,
          description: typeof r.data.description === 'string' ? r.data.description : null,
          type: ACTION_TYPES[String(r.data.dataType)] ?? String(r.data.dataType ?? 'STRING').toUpperCase(),
          sobjectType: typeof r.data.objectType === 'string' ? r.data.objectType : null,
          required: false,
          maxOccurs: r.data.isCollection === 'true' ? 2000 : 1,
          byteLength: 0,
          picklistValues: null,
        }));
    const d = {
      name: f.developerName,
      label: f.label,
      type: 'FLOW',
      description: null,
      standard: false,
      inputs: params('isInput'),
      outputs: params('isOutput'),
    };
    return state.actionEdits.get(f.developerName)?.(d) ?? d;
  };

  const rowsOf = (from: string): Record<string, unknown>[] | undefined => {
    if (from === 'FlowInterview') return state.interviews;
    if (from === 'FlowDefinitionView')
      return flows.map((f) => ({
        Id: f.id,
        DurableId: f.id,
        ApiName: f.developerName,
        Label: f.label,
        ProcessType: String(activeOf(f)?.record.ProcessType ?? f.versions[0]?.record.ProcessType ?? 'Flow'),
        ActiveVersionId: activeOf(f)?.id ?? null,
        LatestVersionId: f.versions[f.versions.length - 1]?.id ?? null,
        IsActive: activeOf(f) !== undefined,
      }));
    if (from === 'FlowVersionView' || from === 'Flow')
      return flows.flatMap((f) =>
        f.versions.map((v) => ({
          Id: v.id,
          DurableId: v.id,
          ApiName: f.developerName,
          FlowDefinitionViewId: f.id,
          DefinitionId: f.id,
          Label: f.label,
          ProcessType: String(v.record.ProcessType ?? 'Flow'),
          Status: v.status,
          VersionNumber: v.versionNumber,
          LastModifiedDate: v.lastModified,
        })),
      );
    return undefined;
  };

  /** One page; `nextRecordsUrl` ends with the locator and the offset of the next page, as Salesforce's does. */
  function page(res: ServerResponse, version: string, cursor: string, offset: number | undefined, foreign: boolean) {
    const at = cursors.get(cursor);
    if (!at || (offset !== undefined && offset !== at.sent))
      return send(res, 400, [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
    const chunk = at.rows.slice(0, at.size);
    const remaining = at.rows.slice(at.size);
    const done = remaining.length === 0;
    const sent = at.sent + chunk.length;
    if (done) cursors.delete(cursor);
    else cursors.set(cursor, { ...at, rows: remaining, sent });
    const nextPath = `/services/data/v${version}/query/${cursor}-${sent}`;
    return send(res, 200, {
      totalSize: at.total,
      done,
      ...(done ? {} : { nextRecordsUrl: foreign ? `https://evil.example${nextPath}` : nextPath }),
      records: chunk,
    });
  }

  function query(res: ServerResponse, version: string, q: string, size: number, foreign: boolean) {
    const soql = parseSoql(q);
    if (!soql)
      return send(res, 400, [{ message: `unexpected token in: ${q.slice(0, 200)}`, errorCode: 'MALFORMED_QUERY' }]);
    const rows = rowsOf(soql.from);
    if (!rows)
      return send(res, 400, [{ message: `sObject type '${soql.from}' is not supported.`, errorCode: 'INVALID_TYPE' }]);
    if (soql.from === 'FlowInterview') {
      const bad = [...soql.fields, ...soql.where.map((w) => w.field)].find(
        (f) => !f.includes('.') && !((INTERVIEW_FIELDS[f] ?? 999) <= Number.parseFloat(version)),
      );
      if (bad)
        return send(res, 400, [
          { message: `No such column '${bad}' on entity 'FlowInterview'.`, errorCode: 'INVALID_FIELD' },
        ]);
    }
    let found = rows.filter((r) => matches(r, soql));
    if (soql.orderBy) {
      const { field, desc } = soql.orderBy;
      const key = (r: Record<string, unknown>) => String(fieldOf(r, field) ?? '');
      found = [...found].sort((a, b) => (desc ? -1 : 1) * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    }
    if (soql.limit !== undefined) found = found.slice(0, soql.limit);
    const selected = found.map((r) =>
      Object.fromEntries([
        ['attributes', { type: soql.from, url: `/services/data/v${version}/sobjects/${soql.from}/${String(r.Id)}` }],
        ...soql.fields.map((f) => [f, fieldOf(r, f) ?? null]),
      ]),
    );
    const cursor = `01gREST${++seq}`;
    cursors.set(cursor, { rows: selected, total: selected.length, size, sent: 0 });
    return page(res, version, cursor, undefined, foreign);
  }

  /** Answers a REST path of ours (`rest` after `/services/data/vXX.X`); false when the path is not one. */
  function handle(
    res: ServerResponse,
    url: URL,
    rest: string,
    version: string,
    headers: { batch?: string; foreign: boolean },
  ): boolean {
    const asked = /batchSize=(\d+)/.exec(headers.batch ?? '');
    const size = asked ? Math.max(200, Math.min(2000, Number(asked[1]))) : state.restPageSize;
    if (rest === '/query' || rest === '/query/') {
      query(res, version, url.searchParams.get('q') ?? '', size, headers.foreign);
      return true;
    }
    const more = /^\/query\/(01gREST\d+)-(\d+)$/.exec(rest);
    if (more) {
      page(res, version, more[1]!, Number(more[2]), headers.foreign);
      return true;
    }
    if (rest === '/actions/custom/flow') {
      const actions = flows
        .filter((f) => activeOf(f))
        .map((f) => ({ name: f.developerName, label: f.label, type: 'FLOW' }));
      send(res, 200, { actions });
      return true;
    }
    const one = /^\/actions\/custom\/flow\/([^/]+)$/.exec(rest);
    if (one) {
      const name = decodeURIComponent(one[1]!);
      const f = flows.find((x) => x.developerName === name);
      const d = f && description(f);
      if (d) send(res, 200, d);
      else send(res, 404, [{ errorCode: 'NOT_FOUND', message: `No flow named ${name} is an invocable action` }]);
      return true;
    }
    return false;
  }

  return { state, handle };
}
