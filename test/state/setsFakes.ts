/**
 * Fakes for the store's set tests: a small in-memory SetClient (parses and indexes in this thread with the
 * real model; a zip's flows are given beside it), a repository reader, an org, and our own flow texts.
 */
import { indexSet, isFlowFileName, flowNameOfFile } from '../../src/model/set';
import type { SearchResult } from '../../src/model/setTypes';
import { parseFlow } from '../../src/model/parse/index';
import type { SetClient, SetInputFile, SetOpenOptions } from '../../src/sets/types';
import { SourceError } from '../../src/sources/redact';
import type { FetchRepoSet, RepoTree } from '../../src/sources/setSources';
import type { FlowSummary, OrgClient, VersionRead } from '../../src/sources/toolingTypes';
import type { StoreDeps } from '../../src/state/store';

/** A flow's Metadata XML: a Decision `Check`, an Assignment `Done`, and a Subflow element per callee. */
export function flowXml(label: string, callees: readonly string[] = []): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const calls = callees
    .map(
      (c, i) =>
        `<subflows><name>Call_${i}</name><label>Call ${i}</label><locationX>0</locationX><locationY>0</locationY>` +
        `<flowName>${esc(c)}</flowName></subflows>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata">' +
    `<apiVersion>62.0</apiVersion><label>${esc(label)}</label><processType>AutoLaunchedFlow</processType>` +
    '<start><locationX>0</locationX><locationY>0</locationY><connector><targetReference>Done</targetReference>' +
    '</connector></start><assignments><name>Done</name><label>Done</label><locationX>0</locationX>' +
    `<locationY>100</locationY></assignments>${calls}<status>Active</status></Flow>`
  );
}

/** A Tooling `Flow` record's text, as the org answers `getVersions`. */
export const flowRecord = (name: string, label: string) =>
  JSON.stringify({
    Id: `301${name}`,
    FullName: name,
    Metadata: {
      label,
      processType: 'AutoLaunchedFlow',
      status: 'Active',
      start: { locationX: 0, locationY: 0, connector: { targetReference: 'Done' } },
      assignments: [{ name: 'Done', label: 'Done', locationX: 0, locationY: 100 }],
    },
  });

export const abortError = () => new DOMException('The set was cancelled.', 'AbortError');

export interface FakeSetClient extends SetClient {
  /** Every `open`'s files and options. */
  opens: { files: readonly SetInputFile[]; options: SetOpenOptions }[];
  disposed: boolean;
  /** While set, `open` waits for it (or for its signal to abort). */
  hold?: Promise<void>;
}

/** An in-memory client: the real parser and indexer in this thread; `zips` says what a zip (by name) holds. */
export function fakeSetClient(zips: Record<string, { path: string; text: string }[]> = {}): FakeSetClient {
  let flows = new Map<string, { name: string; file: string; text: string }>();
  const client: FakeSetClient = {
    opens: [],
    disposed: false,
    async open(files, options = {}) {
      client.opens.push({ files, options });
      const texts: { path: string; text: string }[] = [];
      for (const f of files) {
        if ('text' in f) texts.push(f);
        else if (f.path.endsWith('.zip')) texts.push(...(zips[f.path] ?? []));
        else texts.push({ path: f.path, text: await f.blob.text() });
      }
      options.onProgress?.({ phase: 'parse', done: 0, total: texts.length });
      const hold = client.hold;
      if (hold)
        await new Promise<void>((resolve, reject) => {
          void hold.then(resolve);
          options.signal?.addEventListener('abort', () => reject(abortError()));
        });
      if (options.signal?.aborted) throw abortError();
      const entries = [];
      const skipped = [...(options.skipped ?? [])];
      for (const t of texts) {
        if (!isFlowFileName(t.path)) {
          skipped.push({ file: t.path, reason: 'not a flow file' });
          continue;
        }
        const parsed = parseFlow(t.text, { fileName: t.path });
        if (!parsed.ok) skipped.push({ file: t.path, reason: parsed.error.message });
        else entries.push({ file: t.path, doc: parsed.doc, text: t.text, name: flowName(t.path, parsed.doc.name) });
      }
      options.onProgress?.({ phase: 'parse', done: texts.length, total: texts.length });
      const index = indexSet(entries, skipped);
      flows = new Map(entries.map((e) => [e.name, { name: e.name, file: e.file, text: e.text }]));
      return { ...index, triggers: [] };
    },
    async search(query): Promise<SearchResult> {
      const groups = [...flows.values()]
        .filter((f) => query !== '' && f.text.includes(query))
        .map((f) => ({ flow: f.name, label: f.name, hits: [], total: 1 }));
      return { query, groups, total: groups.length, flows: groups.length, truncated: false };
    },
    async flow(name) {
      return flows.get(name);
    },
    dispose() {
      client.disposed = true;
    },
  };
  return client;
}

/** Metadata XML keeps the API name in the file's name; other files name it themselves. */
const flowName = (path: string, parsed: string) =>
  /\.(flow-meta\.xml|flow)$/i.test(path) ? flowNameOfFile(path) : parsed;

export const TREE_URL = 'https://github.com/acme/crm/tree/main/force-app/main/default/flows';
export const tree = (url = TREE_URL): RepoTree => ({
  host: 'github',
  origin: 'https://github.com',
  project: 'acme/crm',
  ref: 'main',
  path: 'force-app/main/default/flows',
  url,
});

export interface FakeRepo {
  fetchRepo: FetchRepoSet;
  /** The token of each call (undefined without one). */
  calls: { url: string; token: string | undefined }[];
  /** Answers as a private repository does without a token (404), or with the rate limit used up. */
  mode: 'public' | 'private' | 'rate-limited';
  files: { path: string; text: string }[];
  hold?: Promise<void>;
}

export function fakeRepo(files: { path: string; text: string }[]): FakeRepo {
  const repo: FakeRepo = {
    calls: [],
    mode: 'public',
    files,
    fetchRepo: async (url, options = {}) => {
      repo.calls.push({ url, token: options.token });
      options.onProgress?.('listing', 0, 0);
      if (repo.hold) await repo.hold;
      if (options.signal?.aborted) throw abortError();
      if (repo.mode === 'rate-limited')
        throw new SourceError('forbidden', 'GitHub’s rate limit is used up.', 'Try again in 12 minutes.', [], 403);
      if (repo.mode === 'private' && !options.token)
        throw new SourceError('not-found', 'GitHub answered 404 for acme/crm.', '', [], 404);
      for (let i = 1; i <= repo.files.length; i++) options.onProgress?.('fetching', i, repo.files.length);
      return { tree: tree(url), files: repo.files, skipped: [{ file: 'README.md', reason: 'not a flow file' }] };
    },
  };
  return repo;
}

/** Store deps with the fake set service; `clients` lists every client the store made. */
export function setDeps(repo: FakeRepo, make: () => FakeSetClient = () => fakeSetClient()) {
  const clients: FakeSetClient[] = [];
  const deps: StoreDeps = {
    sets: async () => ({
      createClient: () => {
        const c = make();
        clients.push(c);
        return c;
      },
      fetchRepo: repo.fetchRepo,
    }),
  };
  return { deps, clients };
}

/** An org of `count` flows (two per page); every 10th has no active version, one version fails to read. */
export function fakeOrg(count: number) {
  const flows: FlowSummary[] = Array.from({ length: count }, (_, i) => ({
    id: `300${i}`,
    developerName: `Org_Flow_${i}`,
    label: `Org Flow ${i}`,
    ...(i % 10 === 9 ? {} : { activeVersionId: `301${i}` }),
    latestVersionId: `301${i}`,
  }));
  const batches: number[] = [];
  const client: OrgClient = {
    instanceUrl: 'https://acme.my.salesforce.com',
    apiVersion: '63.0',
    listFlows: async (_filter, next) => {
      const at = next ? Number(next) : 0;
      const page = flows.slice(at, at + 2);
      return { flows: page, totalSize: flows.length, ...(at + 2 < flows.length ? { next: String(at + 2) } : {}) };
    },
    listVersions: async () => [],
    getVersion: async () => '',
    getVersions: async (ids): Promise<VersionRead[]> => {
      batches.push(ids.length);
      return ids.map((id) => {
        const i = Number(id.slice(3));
        return i === 4 ? { id, error: 'INVALID_ID' } : { id, text: flowRecord(`Org_Flow_${i}`, `Org Flow ${i}`) };
      });
    },
    queryInterviews: async () => ({ interviews: [], total: 0, capped: false }),
    listInvocableFlows: async () => [],
    getInvocableFlow: async (name) => ({ name, inputs: [], outputs: [] }),
    disconnect: () => undefined,
  };
  return { client, batches, flows };
}
