import {
  currentOrigin,
  defaultFetch,
  errorDetail,
  MAX_BYTES,
  readCapped,
  redirectTarget,
  send,
  short,
  type RequestContext,
} from './http';
import { asSourceError, SourceError } from './redact';
import { flowDefinitionsQuery, flowVersionsQuery, isRecordId } from './soql';
import { apiVersionOf, checkToken, instanceOrigin, SF_DISPLAY } from './toolingInput';
import { readVersions } from './toolingBatch';
import { getInvocableFlow, listInvocableFlows, queryInterviews, type RestReads } from './interviews';
import { checkNext, str } from './toolingQuery';
import type { ConnectOptions, FlowSummary, FlowVersion, OrgClient } from './toolingTypes';

/**
 * A Salesforce org through the Tooling API (`/services/data/vXX.X/tooling/…`), read-only. The token lives in
 * this client's closure: it is sent only in the Authorization header, only to the instance the user typed,
 * and `disconnect()` drops it.
 */

/** Checks the inputs, then the token and API version with one small request; resolves to a client. */
export async function connect(options: ConnectOptions): Promise<OrgClient> {
  const origin = instanceOrigin(options.instanceUrl).origin;
  const apiVersion = apiVersionOf(options.apiVersion);
  let token = checkToken(options.token);
  const fetchFn = options.fetch ?? defaultFetch;
  const max = options.maxBytes ?? MAX_BYTES;
  const pageOrigin = options.pageOrigin ?? currentOrigin();
  const base = `/services/data/v${apiVersion}`;
  const ctx = (signal?: AbortSignal): RequestContext => ({ fetch: fetchFn, secrets: [token], pageOrigin, signal });
  const disconnected = () =>
    new SourceError('disconnected', 'Disconnected from the org.', 'Connect again to browse its flows.', []);

  /** GET (POST with a JSON body) on the instance only, following same-host redirects; a 2xx body or a SourceError. */
  const get = async (
    path: string,
    what: string,
    notFound: 'api-version' | 'not-found',
    signal?: AbortSignal,
    body?: unknown,
  ): Promise<string> => {
    if (!token) throw disconnected();
    const c = ctx(signal);
    try {
      let url = new URL(path, origin);
      for (let hop = 0; ; hop++) {
        if (url.origin !== origin)
          throw new SourceError(
            'foreign-host',
            `The org pointed ${what} at another host (${url.host}); Flowscope sends the token only to ${origin}.`,
            'Check the instance URL; if it is right, please report this.',
            c.secrets,
          );
        const res = await send(
          c,
          url.href,
          {
            headers: {
              Authorization: `Bearer ${token}`,
              Accept: 'application/json',
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            redirect: 'manual',
            ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
          },
          what,
        );
        if (!token) throw disconnected();
        const target = redirectTarget(res, url.href);
        if (target === undefined) {
          if (!res.ok) throw await httpError(res, what, notFound, c.secrets);
          return await readCapped(res, max, `The answer to ${what}`, c.secrets);
        }
        if (target === 'hidden' || target.origin !== origin || hop >= 3) {
          throw new SourceError(
            'redirect',
            `${origin} redirected ${what} to ${target === 'hidden' ? 'another address' : target.host}; ` +
              'Flowscope sends the token only to the host you typed.',
            `Use the instance URL from \`${SF_DISPLAY}\` (result.instanceUrl), ` +
              'e.g. https://mydomain.my.salesforce.com.',
            c.secrets,
          );
        }
        url = target;
      }
    } catch (e) {
      throw asSourceError(e, c.secrets);
    }
  };

  const httpError = async (
    res: Response,
    what: string,
    notFound: 'api-version' | 'not-found',
    secrets: readonly string[],
  ): Promise<SourceError> => {
    const { code, message } = errorDetail(await res.text().catch(() => ''));
    const said = message ? ` (${message})` : '';
    const s = res.status;
    if (s === 401)
      return new SourceError(
        'unauthorized',
        `The org refused the access token${said}: the session expired or the token is wrong.`,
        `Get a fresh token: run \`${SF_DISPLAY}\` and paste result.accessToken ` +
          '(a token from another org or a logged-out session will not work).',
        secrets,
        s,
      );
    if (s === 403 && code === 'REQUEST_LIMIT_EXCEEDED')
      return new SourceError(
        'forbidden',
        `The org’s API request limit is used up${said}.`,
        'Wait until the 24-hour limit frees up, or ask an admin about the org’s API limits.',
        secrets,
        s,
      );
    if (s === 403 || code === 'INVALID_TYPE')
      return new SourceError(
        'forbidden',
        `The org does not let this user read ${what}${said}.`,
        'The user needs the “API Enabled” and “View Setup and Configuration” permissions ' +
          '(reading flows also needs “Manage Flow” or “View All Data”).',
        secrets,
        s,
      );
    if (s === 404 && notFound === 'api-version') return apiVersionError(said, secrets, s);
    if (s === 404)
      return new SourceError(
        'not-found',
        `${what} was not found in the org${said}.`,
        'It may have been deleted since the list was loaded: reload the list.',
        secrets,
        s,
      );
    return new SourceError(
      'http',
      `The org answered ${s}${res.statusText ? ` ${res.statusText}` : ''} to ${what}${said}.`,
      s >= 500 ? 'Salesforce had a problem; try again in a moment.' : 'Check the instance URL and API version.',
      secrets,
      s,
    );
  };

  /** A 404 on an API path that always exists means the org does not serve this API version: say which it does. */
  const apiVersionError = async (said: string, secrets: readonly string[], status: number): Promise<SourceError> => {
    let newest: string | undefined;
    try {
      const res = await fetchFn(`${origin}/services/data/`, {
        credentials: 'omit',
        redirect: 'error',
        headers: { Accept: 'application/json' },
      });
      const list: unknown = res.ok
        ? JSON.parse(await readCapped(res, 1024 * 1024, 'The version list', secrets))
        : undefined;
      const versions = Array.isArray(list)
        ? list.map((v: unknown) => Number((v as { version?: unknown } | null)?.version)).filter(Number.isFinite)
        : [];
      if (versions.length > 0) newest = `${Math.max(...versions).toFixed(1)}`;
    } catch {
      // The version list is a courtesy; the message below stands without it.
    }
    return new SourceError(
      'api-version',
      `The org does not serve API version ${apiVersion}` +
        `${newest ? `; its newest is ${newest}` : ' (too new for this org, or the instance URL is not an org)'}` +
        `${said}.`,
      newest
        ? `Set the API version to ${newest} and connect again.`
        : 'Try an older API version (orgs on the previous release lack the newest), ' +
            `and check the instance URL (result.instanceUrl from \`${SF_DISPLAY}\`).`,
      secrets,
      status,
    );
  };

  const json = (text: string, what: string): Record<string, unknown> => {
    try {
      const v: unknown = JSON.parse(text);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // Fall through to the message below.
    }
    throw new SourceError(
      'invalid-json',
      `The answer to ${what} is not a JSON object (it starts with “${short(text, 40)}”).`,
      'The instance URL may point at a login page or a proxy rather than the org’s API: ' +
        `use result.instanceUrl from \`${SF_DISPLAY}\`.`,
      [token],
    );
  };

  const query = async (pathOrNext: string, what: string, signal?: AbortSignal) => {
    const body = json(await get(pathOrNext, what, 'api-version', signal), what);
    const records = Array.isArray(body.records)
      ? body.records.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      : [];
    const next = typeof body.nextRecordsUrl === 'string' && body.done !== true ? body.nextRecordsUrl : undefined;
    return { records, next, totalSize: typeof body.totalSize === 'number' ? body.totalSize : records.length };
  };

  json(await get(`${base}/`, 'the API', 'api-version'), 'the API');
  const rest = (): RestReads => ({
    ...{ apiVersion, origin, base, secrets: [token], query },
    getJson: async (path, what, signal) => json(await get(path, what, 'not-found', signal), what),
    versionIds: async (def, signal) => (await client.listVersions(def, signal)).map((v) => v.id),
  });

  const client: OrgClient = {
    instanceUrl: origin,
    apiVersion,
    async listFlows(filter, next, signal) {
      if (next !== undefined) checkNext(next, origin, base);
      const path = next ?? `${base}/tooling/query?q=${encodeURIComponent(flowDefinitionsQuery(filter))}`;
      const page = await query(path, 'the list of flows', signal);
      const flows = page.records.flatMap((r): FlowSummary[] => {
        const id = str(r.Id);
        const developerName = str(r.DeveloperName);
        if (!id || !developerName) return [];
        return [
          {
            id,
            developerName,
            label: str(r.MasterLabel) ?? developerName,
            activeVersionId: str(r.ActiveVersionId),
            latestVersionId: str(r.LatestVersionId),
          },
        ];
      });
      return { flows, totalSize: page.totalSize, ...(page.next ? { next: page.next } : {}) };
    },
    async listVersions(definitionId, signal) {
      if (!isRecordId(definitionId))
        throw new SourceError(
          'invalid-input',
          `“${short(definitionId, 40)}” is not a flow definition id.`,
          'Pick a flow from the list.',
          [token],
        );
      const versions: FlowVersion[] = [];
      let path: string | undefined = `${base}/tooling/query?q=${encodeURIComponent(flowVersionsQuery(definitionId))}`;
      while (path !== undefined) {
        const page = await query(path, 'the flow’s versions', signal);
        for (const r of page.records) {
          const id = str(r.Id);
          if (id)
            versions.push({
              id,
              versionNumber: Number(r.VersionNumber) || 0,
              status: str(r.Status) ?? 'Unknown',
              lastModified: str(r.LastModifiedDate) ?? '',
            });
        }
        if (page.next !== undefined) checkNext(page.next, origin, base);
        path = page.next;
      }
      return versions;
    },
    async getVersion(id, signal) {
      if (!isRecordId(id))
        throw new SourceError(
          'invalid-input',
          `“${short(id, 40)}” is not a flow version id.`,
          'Pick a version from the list.',
          [token],
        );
      const what = `flow version ${id}`;
      const text = await get(`${base}/tooling/sobjects/Flow/${id}`, what, 'not-found', signal);
      json(text, what);
      return text;
    },
    getVersions(ids, signal) {
      const what = 'a batch of flow versions';
      return readVersions(
        ids,
        {
          apiVersion,
          secrets: [token],
          batch: async (body, s) =>
            json(await get(`${base}/tooling/composite/batch`, what, 'not-found', s, body), what),
          one: (id, s) => client.getVersion(id, s),
        },
        signal,
      );
    },
    queryInterviews: (version, options) => queryInterviews(rest(), version, options),
    listInvocableFlows: (signal) => listInvocableFlows(rest(), signal),
    getInvocableFlow: (apiName, signal) => getInvocableFlow(rest(), apiName, signal),
    disconnect() {
      token = '';
    },
  };
  return client;
}
