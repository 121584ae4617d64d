import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { activeOf, buildMockOrg, latestOf, type MockFlow } from './mockOrg';
import { matches, parseSoql } from './mockSoql';
import { readCorpus } from './corpus';
import { listen } from './mockGitHost';
import { createFlowRest, type FlowRestState } from './mockFlowRest';

/**
 * A mock Salesforce Tooling API (and a small fake git host) on 127.0.0.1 at a random port, for unit and
 * end-to-end tests. It answers like Salesforce: bearer-token checks with INVALID_SESSION_ID, SOQL with
 * LIKE, pagination through `nextRecordsUrl`, `sobjects/Flow/{id}` records, NOT_FOUND for unknown API
 * versions, and CORS for one allowed origin (a refused origin's preflight gets 403 and no CORS headers).
 * Beside it, the Flow REST API (mockFlowRest.ts): the REST `/query` of FlowInterview and flow lists, and the
 * invocable-flow actions, under the same tokens, modes and CORS.
 */

type MockMode =
  | 'ok'
  | 'forbidden'
  | 'rate-limited'
  | 'not-found'
  | 'invalid-json'
  | 'server-error'
  | 'echo-token'
  | 'foreign-next'
  | 'redirect-away';

export interface MockToolingOptions {
  token?: string;
  /** The page origin allowed by CORS ('*' for any); without it, no CORS headers (a refusing org). */
  allowOrigin?: string;
  pageSize?: number;
  maxApiVersion?: number;
  /** Serve `tooling/composite/batch` (default true); false answers it 404, as an org without it would. */
  compositeBatch?: boolean;
}

interface MockRequest {
  method: string;
  url: string;
  authorization?: string;
  privateToken?: string;
  origin?: string;
  /** A POST's body as sent. */
  body?: string;
}

export interface MockTooling {
  url: string;
  token: string;
  flows: MockFlow[];
  requests: MockRequest[];
  /** Switch what every API request answers (default 'ok'). */
  mode: MockMode;
  /** Change the CORS allowlist at run time (undefined: refuse). */
  allowOrigin?: string;
  /** Whether `tooling/composite/batch` is served (else 404). */
  compositeBatch: boolean;
  /** Files of the fake git host: `path` → body; private ones need the token. */
  files: Map<string, { body: string; private: boolean }>;
  /** The Flow REST side: the org's FlowInterview rows (set 50,000, or none), REST page size, action edits. */
  rest: FlowRestState;
  close: () => Promise<void>;
}

const NOT_FOUND = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];

export async function startMockTooling(options: MockToolingOptions = {}): Promise<MockTooling> {
  const token = options.token ?? '00D5g000004MOCK!AQ0AQMockAccessTokenThatMustNeverLeak.x1';
  const pageSize = options.pageSize ?? 2;
  const maxApi = options.maxApiVersion ?? 63;
  const flows = buildMockOrg();
  const cursors = new Map<string, { rows: Record<string, unknown>[]; total: number }>();
  let cursorSeq = 0;
  const adoptionA = readCorpus(
    'pairs/SalesforceLabs__AnimalShelterStarter__Adoption_Start_Adoption_Process',
    'a.flow-meta.xml',
  );
  const files = new Map<string, { body: string; private: boolean }>([
    [
      'acme/flows/main/force-app/main/default/flows/Adoption_Start_Adoption_Process.flow-meta.xml',
      { body: adoptionA, private: false },
    ],
    ['acme/secret/main/flows/Adoption_Start_Adoption_Process.flow-meta.xml', { body: adoptionA, private: true }],
  ]);

  const mock: MockTooling = {
    url: '',
    token,
    flows,
    requests: [],
    mode: 'ok',
    allowOrigin: options.allowOrigin,
    compositeBatch: options.compositeBatch ?? true,
    files,
    rest: undefined as unknown as FlowRestState,
    close: async () => undefined,
  };
  const flowRest = createFlowRest(flows, (res, status, body, headers) => send(res, status, body, headers));
  mock.rest = flowRest.state;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        send(res, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(e) }]);
      }
    });
  });

  function cors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    const allowed =
      origin !== undefined &&
      mock.allowOrigin !== undefined &&
      (mock.allowOrigin === '*' || mock.allowOrigin === origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'x-ratelimit-remaining');
    }
    return allowed;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json;charset=UTF-8',
      ...headers,
    });
    res.end(text);
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', mock.url);
    mock.requests.push({
      method: req.method ?? '',
      url: url.href,
      authorization: req.headers.authorization,
      privateToken: headerOf(req, 'private-token'),
      origin: req.headers.origin,
      ...(req.method === 'POST' ? { body } : {}),
    });
    const allowed = cors(req, res);
    if (req.method === 'OPTIONS') {
      // Salesforce answers a preflight from an origin not in its allowlist with 403 and no CORS headers.
      if (!allowed) return send(res, 403, 'CORS origin not allowed');
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type, PRIVATE-TOKEN, Sforce-Query-Options',
        'Access-Control-Max-Age': '600',
      });
      return res.end();
    }
    if (url.pathname.startsWith('/services/data')) return api(req, res, url, body);
    return gitHost(req, res, url);
  }

  function api(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    if (url.pathname === '/services/data/' || url.pathname === '/services/data') {
      const versions = [];
      for (let v = 55; v <= maxApi; v++)
        versions.push({ label: `Release ${v}`, url: `/services/data/v${v}.0`, version: `${v}.0` });
      return send(res, 200, versions);
    }
    const m = /^\/services\/data\/v(\d+)\.0(\/.*)$/.exec(url.pathname);
    if (!m || Number(m[1]) > maxApi || Number(m[1]) < 20) return send(res, 404, NOT_FOUND);
    const version = `${m[1]}.0`;
    const rest = m[2]!;
    if (req.headers.authorization !== `Bearer ${token}`)
      return send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    switch (mock.mode) {
      case 'forbidden':
        return send(res, 403, [
          { message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' },
        ]);
      case 'rate-limited':
        return send(res, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
      case 'not-found':
        return send(res, 404, NOT_FOUND);
      case 'invalid-json':
        return send(res, 200, '<!DOCTYPE html><html><body>Login</body></html>');
      case 'server-error':
        return send(res, 503, [{ message: 'Server unavailable', errorCode: 'SERVER_UNAVAILABLE' }]);
      case 'echo-token':
        return send(res, 400, [{ message: `Header was ${req.headers.authorization}`, errorCode: 'BAD_REQUEST' }]);
      case 'redirect-away':
        return send(res, 302, '', { Location: `http://example.invalid${url.pathname}${url.search}` });
      default:
        break;
    }
    if (rest === '/')
      return send(res, 200, {
        tooling: `/services/data/v${version}/tooling`,
        sobjects: `/services/data/v${version}/sobjects`,
      });
    if (rest === '/tooling/query' || rest === '/tooling/query/')
      return query(res, version, url.searchParams.get('q') ?? '');
    const queryOptions = headerOf(req, 'sforce-query-options');
    if (flowRest.handle(res, url, rest, version, { batch: queryOptions, foreign: mock.mode === 'foreign-next' }))
      return;
    const more = /^\/tooling\/query\/(01gMOCK\d+)-\d+$/.exec(rest);
    if (more) return page(res, version, more[1]!, cursors.get(more[1]!));
    if (rest === '/tooling/composite/batch') {
      if (!mock.compositeBatch) return send(res, 404, NOT_FOUND);
      if (req.method !== 'POST') return send(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: 'POST only' }]);
      return batch(res, body);
    }
    const flow = /^\/tooling\/sobjects\/Flow\/(\w+)$/.exec(rest);
    if (flow) {
      const answer = flowRecord(version, flow[1]!);
      return send(res, answer ? 200 : 404, answer ?? NOT_FOUND);
    }
    return send(res, 404, NOT_FOUND);
  }

  function flowRecord(version: string, id: string): Record<string, unknown> | undefined {
    const v = flows.flatMap((f) => f.versions).find((x) => x.id === id || x.id.slice(0, 15) === id);
    if (!v) return undefined;
    return {
      ...v.record,
      attributes: { type: 'Flow', url: `/services/data/v${version}/tooling/sobjects/Flow/${v.id}` },
    };
  }

  /** The composite batch: up to 25 GETs of `vXX.X/tooling/sobjects/Flow/ID`, each answered on its own. */
  function batch(res: ServerResponse, body: string) {
    let requests: unknown;
    try {
      requests = (JSON.parse(body) as { batchRequests?: unknown }).batchRequests;
    } catch {
      return send(res, 400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'Unexpected character in the body' }]);
    }
    if (!Array.isArray(requests) || requests.length === 0 || requests.length > 25)
      return send(res, 400, [
        { errorCode: 'INVALID_BATCH_REQUEST', message: 'A batch must contain between 1 and 25 subrequests' },
      ]);
    const results = requests.map((r: { method?: string; url?: string }) => {
      const m = /^\/?v(\d+\.\d)\/tooling\/sobjects\/Flow\/(\w+)$/.exec(r.url ?? '');
      if (r.method !== 'GET' || !m) return { statusCode: 400, result: [{ errorCode: 'INVALID_URL', message: r.url }] };
      const record = flowRecord(m[1]!, m[2]!);
      return record ? { statusCode: 200, result: record } : { statusCode: 404, result: NOT_FOUND };
    });
    return send(res, 200, { hasErrors: results.some((r) => r.statusCode >= 400), results });
  }

  function query(res: ServerResponse, version: string, q: string) {
    const soql = parseSoql(q);
    if (!soql)
      return send(res, 400, [{ message: `unexpected token in: ${q.slice(0, 200)}`, errorCode: 'MALFORMED_QUERY' }]);
    let rows: Record<string, unknown>[];
    if (soql.from === 'FlowDefinition') {
      rows = flows.map((f) => ({
        Id: f.id,
        DeveloperName: f.developerName,
        MasterLabel: f.label,
        ActiveVersionId: activeOf(f)?.id ?? null,
        LatestVersionId: latestOf(f)?.id ?? null,
      }));
    } else if (soql.from === 'Flow') {
      rows = flows.flatMap((f) =>
        f.versions.map((v) => ({
          Id: v.id,
          DefinitionId: f.id,
          VersionNumber: v.versionNumber,
          Status: v.status,
          LastModifiedDate: v.lastModified,
          MasterLabel: f.label,
        })),
      );
    } else {
      return send(res, 400, [{ message: `sObject type '${soql.from}' is not supported.`, errorCode: 'INVALID_TYPE' }]);
    }
    rows = rows.filter((r) => matches(r, soql));
    if (soql.orderBy) {
      const { field, desc } = soql.orderBy;
      rows.sort(
        (a, b) =>
          (desc ? -1 : 1) *
          (typeof a[field] === 'number'
            ? (a[field] as number) - (b[field] as number)
            : String(a[field]).localeCompare(String(b[field]))),
      );
    }
    const entity = soql.from;
    const selected = rows.map((r) =>
      Object.fromEntries([
        ['attributes', { type: entity, url: `/services/data/v${version}/tooling/sobjects/${entity}/${String(r.Id)}` }],
        ...soql.fields.map((f) => [f, r[f] ?? null]),
      ]),
    );
    const cursor = `01gMOCK${++cursorSeq}`;
    return page(res, version, cursor, { rows: selected, total: selected.length });
  }

  function page(
    res: ServerResponse,
    version: string,
    cursor: string,
    state: { rows: Record<string, unknown>[]; total: number } | undefined,
  ) {
    if (!state) return send(res, 404, [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
    const { rows, total } = state;
    const chunk = rows.slice(0, pageSize);
    const remaining = rows.slice(pageSize);
    cursors.set(cursor, { rows: remaining, total });
    const done = remaining.length === 0;
    const nextPath = `/services/data/v${version}/tooling/query/${cursor}-${pageSize}`;
    const nextRecordsUrl = mock.mode === 'foreign-next' ? `https://evil.example${nextPath}` : nextPath;
    return send(res, 200, {
      size: chunk.length,
      totalSize: total,
      done,
      ...(done ? {} : { nextRecordsUrl }),
      queryLocator: done ? null : cursor,
      entityTypeName: rows[0] ? (rows[0].attributes as { type: string }).type : null,
      records: chunk,
    });
  }

  /** GitHub raw (`/gh-raw/o/r/ref/path`), GitHub contents API (`/gh-api/repos/o/r/contents/path?ref=`), GitLab API, plain files. */
  function gitHost(req: IncomingMessage, res: ServerResponse, url: URL) {
    const authorised = req.headers.authorization === `Bearer ${token}` || headerOf(req, 'private-token') === token;
    const serve = (key: string | undefined) => {
      const file = key === undefined ? undefined : files.get(key);
      if (!file || (file.private && !authorised)) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, file.body, { 'Content-Type': 'text/plain; charset=utf-8' });
    };
    const p = url.pathname;
    if (p.startsWith('/gh-raw/')) return serve(decodeURIComponent(p.slice('/gh-raw/'.length)));
    const contents = /^\/gh-api\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(p);
    if (contents) {
      if (req.headers.accept !== 'application/vnd.github.raw')
        return send(res, 415, { message: 'Expected the raw media type' });
      return serve(
        `${contents[1]}/${contents[2]}/${url.searchParams.get('ref') ?? 'main'}/${decodeURIComponent(contents[3]!)}`,
      );
    }
    const lab = /^\/api\/v4\/projects\/([^/]+)\/repository\/files\/([^/]+)\/raw$/.exec(p);
    if (lab)
      return serve(
        `${decodeURIComponent(lab[1]!)}/${url.searchParams.get('ref') ?? 'main'}/${decodeURIComponent(lab[2]!)}`,
      );
    if (p === '/big') {
      // A chunked body (no Content-Length) of the asked size: the client must count while it reads.
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const size = Number(url.searchParams.get('bytes') ?? 0);
      const chunk = 'x'.repeat(64 * 1024);
      for (let sent = 0; sent < size; sent += chunk.length)
        res.write(chunk.slice(0, Math.min(chunk.length, size - sent)));
      return res.end();
    }
    if (p === '/redirect-away') return send(res, 302, '', { Location: 'http://example.invalid/file.flow-meta.xml' });
    return send(res, 404, { message: 'Not Found' });
  }

  Object.assign(mock, await listen(server));
  return mock;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A fetch that sends GitHub's hosts to the mock's fake git host, so the client's real GitHub URLs are exercised. */
export function gitHubToMock(
  mock: MockTooling,
  base: typeof fetch = fetch,
): (input: string, init?: RequestInit) => Promise<Response> {
  return (input, init) =>
    base(
      input
        .replace('https://raw.githubusercontent.com/', `${mock.url}/gh-raw/`)
        .replace('https://api.github.com/', `${mock.url}/gh-api/`),
      init,
    );
}
