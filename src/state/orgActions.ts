import { ensureReader } from '../model/parse/onDemand';
import { orgVersionName } from './org';
import type {
  AppState,
  Connect,
  FlowSummary,
  FlowVersion,
  GetState,
  OrgClient,
  OrgSetFiles,
  SetState,
  StoreDeps,
} from './types';

/** The org slice's actions (org.ts loads them when the org is first used). */
export type OrgActions = Pick<
  AppState,
  | 'prepareOrg'
  | 'rememberedOrgToken'
  | 'connectOrg'
  | 'disconnectOrg'
  | 'listOrgFlows'
  | 'listOrgVersions'
  | 'openOrgVersion'
  | 'compareOrgVersions'
  | 'orgSetFiles'
  | 'readOrgInterviews'
>;

/** How many versions one `getVersions` call reads (each batch is one progress step). */
export const ORG_SET_BATCH = 25;

/** The real org dependencies the store uses unless a test injects its own (their code loads on first use). */
export const connectToOrg: Connect = (options) => import('../sources/tooling').then((m) => m.connect(options));

/** Remembering an org session for the tab (`sessionStorage` only, and only when asked), and the API default. */
export const loadOrgSession = () =>
  Promise.all([import('../sources/redact'), import('../sources/toolingInput')]).then(([redact, salesforce]) => ({
    ...redact,
    DEFAULT_API_VERSION: salesforce.DEFAULT_API_VERSION,
  }));
export type OrgSession = Awaited<ReturnType<typeof loadOrgSession>>;

/** The tab's `sessionStorage`, or nothing where there is none or it is blocked (a sandboxed frame). */
export const tabStorage = (): Storage | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
};

/**
 * A Salesforce org: connect, browse, open and compare versions. The client, and the token in its closure,
 * live here until Disconnect; the token is stored only when the user asks to remember it for this tab.
 */
export function orgActions(set: SetState, get: GetState, deps: StoreDeps): OrgActions {
  const connect = deps.connect ?? connectToOrg;
  const storage = () => deps.storage ?? tabStorage();
  let client: OrgClient | undefined;
  /** The last version opened from the org (a comparison's after one): the Interviews action queries its interviews. */
  let opened: { text: string; flow: FlowSummary; version: FlowVersion } | undefined;
  /** The session helpers, once loaded (`prepareOrg`): reading the remembered token is then synchronous. */
  let session: OrgSession | undefined;
  let preparing: Promise<OrgSession> | undefined;
  const loaded = () => {
    preparing ??= loadOrgSession().then(
      (m) => {
        session = m;
        return m;
      },
      (e: unknown) => {
        preparing = undefined;
        throw e;
      },
    );
    return preparing;
  };
  const connected = async () => {
    if (client) return client;
    const { SourceError } = await loaded();
    throw new SourceError('disconnected', 'Disconnected from the org.', 'Connect again to browse its flows.', []);
  };
  return {
    prepareOrg: async () => {
      const m = await loaded();
      if (get().org.status !== 'idle') return;
      const store = storage();
      const remembered = store ? m.recallToken(store) : undefined;
      set({
        org: {
          status: 'disconnected',
          instanceUrl: remembered?.instanceUrl ?? '',
          apiVersion: remembered?.apiVersion ?? m.DEFAULT_API_VERSION,
          remember: remembered !== undefined,
        },
      });
    },
    rememberedOrgToken: () => {
      const store = storage();
      return store && session ? session.recallToken(store)?.token : undefined;
    },
    connectOrg: async ({ instanceUrl, token, apiVersion }, remember) => {
      await get().prepareOrg();
      const c = await connect({ instanceUrl, token, apiVersion });
      const m = await loaded();
      const store = storage();
      if (store) {
        if (remember)
          m.rememberToken(store, { instanceUrl: c.instanceUrl, apiVersion: c.apiVersion, token: token.trim() });
        else m.forgetToken(store);
      }
      client?.disconnect();
      client = c;
      set({ org: { status: 'connected', instanceUrl: c.instanceUrl, apiVersion: c.apiVersion } });
    },
    disconnectOrg: () => {
      // The instance URL is not a secret: after Disconnect it stays in the form for the next Connect.
      const instanceUrl = client?.instanceUrl ?? '';
      client?.disconnect();
      client = undefined;
      const store = storage();
      if (store) {
        if (session) session.forgetToken(store);
        else void loaded().then((m) => m.forgetToken(store));
      }
      if (get().org.status === 'connected')
        set({
          org: { status: 'disconnected', instanceUrl, apiVersion: session?.DEFAULT_API_VERSION ?? '', remember: false },
        });
    },
    listOrgFlows: async (filter, next, signal) => (await connected()).listFlows(filter, next, signal),
    listOrgVersions: async (flowId) => (await connected()).listVersions(flowId),
    openOrgVersion: async (flow, version) => {
      const text = await (await connected()).getVersion(version.id);
      await ensureReader(text);
      if (get().load(text, { kind: 'org', name: orgVersionName(flow, version) })) opened = { text, flow, version };
    },
    compareOrgVersions: async (flow, a, b) => {
      const c = await connected();
      const [before, after] = await Promise.all([c.getVersion(a.id), c.getVersion(b.id)]);
      opened = { text: after, flow, version: b };
      void get().compare(
        { text: before, source: { kind: 'org', name: orgVersionName(flow, a) } },
        { text: after, source: { kind: 'org', name: orgVersionName(flow, b) } },
      );
    },
    orgSetFiles: async (which, onProgress, signal) => orgFlowsAsFiles(await connected(), which, onProgress, signal),
    readOrgInterviews: async ({ cap, signal, onProgress }) => {
      const c = await connected();
      const s = get();
      const shown = s.comparison ? s.comparison.after : s.flow;
      if (!opened || shown?.source.kind !== 'org' || shown.text !== opened.text) {
        const { SourceError } = await loaded();
        throw new SourceError(
          'invalid-input',
          'The flow on screen was not opened from the connected org.',
          'Open the flow from the org (Org…), then ask for its interviews; or paste a FlowInterview query result.',
          [],
        );
      }
      const { flow, version } = opened;
      return c.queryInterviews(
        { id: version.id, definitionId: flow.id, apiName: flow.developerName },
        { cap, signal, onProgress },
      );
    },
  };
}

/** Every flow of the org (all pages), then each one's active or latest version, ORG_SET_BATCH at a time. */
async function orgFlowsAsFiles(
  client: OrgClient,
  which: 'active' | 'latest',
  onProgress: Parameters<AppState['orgSetFiles']>[1],
  signal: AbortSignal | undefined,
): Promise<OrgSetFiles> {
  const flows: FlowSummary[] = [];
  let next: string | undefined;
  onProgress?.('listing', 0, 0);
  do {
    const page = await client.listFlows('', next, signal);
    flows.push(...page.flows);
    next = page.next;
    onProgress?.('listing', flows.length, page.totalSize);
  } while (next !== undefined);
  const fileOf = (f: FlowSummary) => `${f.developerName}.json`;
  const out: OrgSetFiles = { files: [], skipped: [] };
  const wanted: { file: string; id: string }[] = [];
  for (const f of flows) {
    const id = which === 'active' ? f.activeVersionId : (f.latestVersionId ?? f.activeVersionId);
    if (id) wanted.push({ file: fileOf(f), id });
    else out.skipped.push({ file: fileOf(f), reason: which === 'active' ? 'no active version' : 'no version' });
  }
  onProgress?.('fetching', 0, wanted.length);
  for (let at = 0; at < wanted.length; at += ORG_SET_BATCH) {
    const batch = wanted.slice(at, at + ORG_SET_BATCH);
    const read = await client.getVersions(
      batch.map((w) => w.id),
      signal,
    );
    batch.forEach((w, i) => {
      const r = read[i];
      if (r && 'text' in r) out.files.push({ path: w.file, text: r.text });
      else out.skipped.push({ file: w.file, reason: r ? r.error : 'not read' });
    });
    onProgress?.('fetching', at + batch.length, wanted.length);
  }
  return out;
}
