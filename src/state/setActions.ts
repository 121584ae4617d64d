/**
 * A flow set's use-cases (issue 13): open one (a folder, a zip, a repository, the org), its list, search,
 * one of its flows and the breadcrumb of subflows drilled into. sets.ts loads this module when a set is
 * first opened, and with it the set worker's client and the repository reader (defaults.ts `loadSets`).
 */
import { ensureReader } from '../model/parse/onDemand';
import type { SetClient } from '../sets/types';
import type { RepoTree } from '../sources/setSources';
import { blobUrl, gather, isAbort, setError, sourceOf, workerProgress } from './setOpening';
import { selectSetFlowShown } from './setShown';
import type { AppState, FlowSetState, GetState, SetLinkTarget, SetService, SetState, StoreDeps } from './types';

/**
 * The real set code, loaded when a set is first opened: the set worker's client (the worker itself starts
 * with its first `open`) and the repository reader. Here rather than in defaults.ts, whose code is in the
 * first screen: this module loads only with the first set.
 */
export const loadSets: SetService = () =>
  Promise.all([import('../sets/client'), import('../sources/gitTree')]).then(([client, git]) => ({
    createClient: client.createSetClient,
    fetchRepo: git.fetchRepoSet,
  }));

export type SetActions = Pick<
  AppState,
  'openSet' | 'cancelSet' | 'closeSet' | 'showSetList' | 'searchSet' | 'openSetFlow' | 'setBreadcrumb'
>;

type Service = Awaited<ReturnType<NonNullable<StoreDeps['sets']>>>;

/** One `openSet` under way: cancelling it brings back `before` (the set on screen before it, or none). */
interface Run {
  controller: AbortController;
  before: FlowSetState | undefined;
  client?: SetClient;
}

export function setActions(set: SetState, get: GetState, deps: StoreDeps): SetActions {
  const load = deps.sets ?? loadSets;
  let service: Service | undefined;
  /**
   * The client holding the set in state (ready), and one free for the next open. Usually the same worker is
   * reused; only while a new set is read over a ready one are there two, so that cancelling it keeps the old.
   */
  let shown: SetClient | undefined;
  let spare: SetClient | undefined;
  /** The shown set's repository tree, for each flow's blob URL. */
  let tree: RepoTree | undefined;
  let running: Run | undefined;
  /** A `#/set` link's flow whose repository asked for a token: a retry of the same URL goes on to it. */
  let waiting: { url: string; open: SetLinkTarget } | undefined;
  /** The selection in each breadcrumb flow when the next one was drilled into (restored going back). */
  let drilled: (string | undefined)[] = [];
  let flowTicket = 0;
  let searchTicket = 0;

  const free = (...clients: (SetClient | undefined)[]) => {
    const unique = [...new Set(clients.filter((c): c is SetClient => c !== undefined))];
    const [keep, ...rest] = unique;
    for (const c of rest) c.dispose();
    return keep;
  };
  const ready = () => {
    const s = get().set;
    return shown && s?.status === 'ready' ? s : undefined;
  };

  /** Loads one of the shown set's flows with `path` as the breadcrumb; a newer call, or a closed set, wins. */
  const showFlow = async (name: string, path: string[], select: string | undefined) => {
    const ticket = ++flowTicket;
    const client = shown;
    const s = ready();
    if (!client || !s) return false;
    const current = () => ticket === flowTicket && client === shown;
    const file = await client.flow(name);
    if (!current()) return false;
    if (!file) {
      get().reportError({
        message: `${name} is not in this set.`,
        hint: "The set's list shows every flow it has; a subflow may call a flow from another project.",
        source: s.source.kind === 'repo' ? { kind: 'url', name: s.source.url } : { kind: 'file', name: s.source.name },
      });
      return false;
    }
    await ensureReader(file.text);
    if (!current()) return false;
    const source = tree
      ? { kind: 'url' as const, name: blobUrl(tree, file.file) }
      : { kind: 'file' as const, name: file.file };
    if (!get().load(file.text, source)) return false;
    if (select !== undefined) get().select(select);
    const now = ready();
    if (now) set({ set: { ...now, path, listing: false } });
    return true;
  };

  const openTarget = (target: SetLinkTarget | undefined) => {
    const s = ready();
    if (!target?.flow || !s?.summary) return Promise.resolve(true);
    const names = new Set(s.summary.flows.map((f) => f.name));
    drilled = [];
    const via = (target.via ?? []).filter((n) => names.has(n));
    return showFlow(target.flow, [...via, target.flow], target.select).then(() => true);
  };

  return {
    openSet: async (input) => {
      // A link into the repository's set already on screen opens its flow (or its list) without reading it again.
      const open = ready();
      if (input.kind === 'repo' && input.open && !running && open?.source.kind === 'repo') {
        if (open.source.url === input.url.trim()) {
          if (!input.open.flow) get().showSetList();
          return openTarget(input.open);
        }
      }
      const before = running ? running.before : get().set;
      if (running) {
        running.controller.abort();
        if (running.client !== shown) spare = free(spare, running.client);
      }
      const run: Run = { controller: new AbortController(), before };
      running = run;
      const url = input.kind === 'repo' ? input.url.trim() : undefined;
      const target =
        input.kind === 'repo' ? (input.open ?? (waiting?.url === url ? waiting?.open : undefined)) : undefined;
      waiting = undefined;
      const current = () => running === run;
      let source = sourceOf(input, get);
      const loading = (progress: NonNullable<FlowSetState['progress']>) => {
        if (current()) set({ set: { source, status: 'loading', progress, path: [], listing: true } });
      };
      loading({ phase: 'Opening the set…', done: 0, total: 0 });
      try {
        service ??= await load();
        if (!current()) return false;
        const files = await gather(input, get, service.fetchRepo, loading, run.controller.signal);
        if (!current()) return false;
        source = files.source;
        run.client = spare ?? service.createClient();
        spare = undefined;
        const summary = await run.client.open(files.files, {
          ...files.options,
          signal: run.controller.signal,
          onProgress: (p) => loading(workerProgress(p)),
        });
        // The summary's arrival (a structured clone of ~1 MB for 2,000 flows) and drawing the list are two
        // tasks, not one long one.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!current()) return false;
        running = undefined;
        if (shown !== run.client) shown?.dispose();
        shown = run.client;
        tree = files.tree;
        drilled = [];
        flowTicket++;
        searchTicket++;
        set({ set: { source, status: 'ready', summary, path: [], listing: true } });
        return await openTarget(target);
      } catch (e) {
        // Cancelled or overtaken by a newer open: that one has said what is on screen.
        if (!current()) return false;
        running = undefined;
        const error = setError(isAbort(e, run.controller.signal) ? new Error('The set was not read.') : e, input);
        // The set before is gone from the screen: one of the workers stays for the next open.
        spare = free(run.client, shown, spare);
        shown = undefined;
        tree = undefined;
        if (error.needsToken && target && url) waiting = { url, open: target };
        set({ set: { source, status: 'error', error, path: [], listing: true } });
        return false;
      }
    },
    cancelSet: () => {
      const run = running;
      if (!run) return;
      running = undefined;
      run.controller.abort();
      // A worker busy reading is stopped; the set before (its worker untouched) comes back.
      if (run.client && run.client !== shown) run.client.dispose();
      set({ set: run.before });
    },
    closeSet: () => {
      running?.controller.abort();
      for (const c of new Set([shown, spare, running?.client])) c?.dispose();
      running = shown = spare = tree = waiting = undefined;
      drilled = [];
      flowTicket++;
      searchTicket++;
      set({ set: undefined });
    },
    showSetList: () => {
      const s = ready();
      if (!s) return;
      flowTicket++;
      set({ set: { ...s, path: [], listing: true } });
    },
    searchSet: async (query) => {
      const client = shown;
      if (!client || !ready()) return undefined;
      const ticket = ++searchTicket;
      const current = () => ticket === searchTicket && client === shown;
      try {
        const result = await client.search(query);
        return current() ? result : undefined;
      } catch (e) {
        if (!current()) return undefined;
        throw e;
      }
    },
    openSetFlow: async (name, options = {}) => {
      const s = ready();
      if (!s) return false;
      // A drill goes on from the set's flow on screen; from a flow opened over it (a sample, a file) it starts anew.
      if (options.from === 'drill' && !s.listing && s.path.length > 0 && selectSetFlowShown(get()) !== undefined) {
        drilled = drilled.slice(0, s.path.length - 1);
        drilled[s.path.length - 1] = get().selection;
        return showFlow(name, [...s.path, name], options.select);
      }
      drilled = [];
      return showFlow(name, [name], options.select);
    },
    setBreadcrumb: async (index) => {
      const s = ready();
      const name = s?.path[index];
      if (!s || name === undefined) return false;
      const select = drilled[index];
      drilled = drilled.slice(0, index);
      return showFlow(name, s.path.slice(0, index + 1), select);
    },
  };
}
