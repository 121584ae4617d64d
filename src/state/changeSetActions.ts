/**
 * A change set's use-cases (issue 14): read two sets (a pull request, two trees, two folders or zips), list what
 * changed as it is known, open one flow's comparison, and step on across flows. changeSets.ts loads this module
 * with the first change set, and with it the worker's client and the readers.
 */
import type { FlowCounts } from '../model/changeSet';
import { flowNameOfFile } from '../model/set';
import type { ChangeClient, ChangeRow, SetInputFile } from '../sets/types';
import { gather, isAbort, setError, workerProgress } from './setOpening';
import type {
  AppState,
  ChangeLinkTarget,
  ChangeOpenInput,
  ChangeService,
  ChangeSetState,
  ChangeSourceInfo,
  Comparison,
  GetState,
  SetState,
  StoreDeps,
} from './types';

export const loadChanges: ChangeService = () =>
  Promise.all([import('../sets/changeClient'), import('../sources/gitTree'), import('../sources/gitPull')]).then(
    ([client, git, pull]) => ({
      createClient: client.createChangeClient,
      fetchRepo: git.fetchRepoSet,
      fetchPull: pull.fetchPullSets,
    }),
  );

export type ChangeSetActions = Pick<
  AppState,
  'openChanges' | 'cancelChanges' | 'closeChanges' | 'showChangeList' | 'openChangedFlow' | 'stepChange'
>;

type Service = Awaited<ReturnType<ChangeService>>;
type Progress = NonNullable<ChangeSetState['progress']>;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NONE: FlowCounts = { added: 0, removed: 0, changed: 0, unchanged: 0 };

/** An empty flow, the other side of an added (or removed) flow's comparison: every element reads as added. */
const emptyFlow = (name: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata">' +
  `<label>${name.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</label></Flow>`;

const short = (url: string) => url.replace(/^[a-z]+:\/\/[^/]+\/?/i, '').replace(/\/-?\/?tree\//, ' @ ');

function sourceOf(input: ChangeOpenInput): ChangeSourceInfo {
  if (input.kind === 'pull') return { kind: 'pull', name: short(input.url.trim()), url: input.url.trim() };
  if (input.kind === 'refs')
    return {
      kind: 'refs',
      name: `${short(input.base.trim())} → ${short(input.head.trim())}`,
      base: input.base.trim(),
      head: input.head.trim(),
    };
  const name = (s: typeof input.base) => (s.kind === 'folder' ? s.name : s.file.name);
  return { kind: 'local', name: `${name(input.base)} → ${name(input.head)}` };
}

/** The rows as they come: each name once, unchanged ones counted and left out. */
function merge(rows: ChangeRow[], batch: readonly ChangeRow[]): ChangeRow[] {
  const at = new Map(rows.map((r, i) => [r.name, i]));
  const out = [...rows];
  for (const r of batch) {
    const i = at.get(r.name);
    if (i === undefined) {
      at.set(r.name, out.length);
      out.push(r);
    } else out[i] = r;
  }
  return out;
}

/**
 * `plain` is the flow slice's stepChange: past the last change of a change set's flow, n opens the next flow's
 * comparison at its first change (p the previous one's at its last); any other comparison steps as `plain` does.
 */
export function changeSetActions(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  plain: AppState['stepChange'],
): ChangeSetActions {
  const load = deps.changes ?? loadChanges;
  let service: Service | undefined;
  let client: ChangeClient | undefined;
  let running: { controller: AbortController; before: ChangeSetState | undefined } | undefined;
  let waiting: { key: string; open: ChangeLinkTarget } | undefined;
  /** The diff of the comparison this change set opened (the comparison is rebuilt once laid out; its diff stays). */
  let shownDiff: Comparison['diff'] | undefined;
  let ticket = 0;
  const keyOf = (i: ChangeOpenInput) =>
    i.kind === 'pull' ? i.url.trim() : i.kind === 'refs' ? `${i.base} ${i.head}` : '';
  const ready = () => {
    const c = get().changeSet;
    return c?.status === 'ready' ? c : undefined;
  };
  const patch = (p: Partial<ChangeSetState>) => {
    const c = get().changeSet;
    if (c) set({ changeSet: { ...c, ...p } });
  };

  const read = async (input: ChangeOpenInput, signal: AbortSignal, progress: (p: Progress) => void) => {
    const s = service as Service;
    const token = 'token' in input && input.token ? { token: input.token } : {};
    const fetching = (phase: 'listing' | 'fetching', done: number, total: number) =>
      progress(
        phase === 'listing' ? { phase: 'Listing…', done: 0, total: 0 } : { phase: 'Fetching flow files', done, total },
      );
    if (input.kind === 'pull') {
      progress({ phase: 'Reading the pull request…', done: 0, total: 0 });
      const pull = await s.fetchPull(input.url.trim(), { ...token, signal, onProgress: fetching });
      const name = `${pull.pull.host === 'gitlab' ? 'MR !' : 'PR #'}${pull.pull.number}: ${pull.pull.title}`;
      return {
        source: { kind: 'pull' as const, name, url: pull.pull.url },
        base: pull.base.files as SetInputFile[],
        head: pull.head.files as SetInputFile[],
        baseSkipped: pull.base.skipped,
        headSkipped: pull.head.skipped,
        unchanged: pull.unchanged ?? 0,
        // A flow file git saw renamed: listed as removed + added, each with a note naming the other.
        renamed: pull.changed.flatMap((f) =>
          f.status === 'renamed' && f.previous
            ? [{ from: flowNameOfFile(f.previous), to: flowNameOfFile(f.path) }]
            : [],
        ),
      };
    }
    if (input.kind === 'refs') {
      const b = await s.fetchRepo(input.base.trim(), { ...token, signal, onProgress: fetching });
      const h = await s.fetchRepo(input.head.trim(), { ...token, signal, onProgress: fetching });
      const name = (t: typeof b.tree) => `${t.project} @ ${t.ref}`;
      return {
        source: {
          kind: 'refs' as const,
          name: `${name(b.tree)} → ${name(h.tree)}`,
          base: b.tree.url,
          head: h.tree.url,
        },
        base: b.files,
        head: h.files,
        baseSkipped: b.skipped,
        headSkipped: h.skipped,
        unchanged: 0,
      };
    }
    const none = () => undefined;
    const b = await gather(input.base, get, s.fetchRepo, none, signal);
    const h = await gather(input.head, get, s.fetchRepo, none, signal);
    return { source: sourceOf(input), base: b.files, head: h.files, baseSkipped: [], headSkipped: [], unchanged: 0 };
  };

  const actions: ChangeSetActions = {
    openChanges: async (input) => {
      const before = running ? running.before : get().changeSet;
      running?.controller.abort();
      const run = { controller: new AbortController(), before };
      running = run;
      const current = () => running === run;
      const target =
        input.kind !== 'local' ? (input.open ?? (waiting?.key === keyOf(input) ? waiting.open : undefined)) : undefined;
      waiting = undefined;
      let source = sourceOf(input);
      set({ changeSet: { source, status: 'loading', rows: [], counts: NONE, skipped: [], listing: true } });
      const progress = (p: Progress) => current() && patch({ progress: p });
      progress({ phase: 'Opening the change set…', done: 0, total: 0 });
      try {
        service ??= await load();
        if (!current()) return false;
        const sides = await read(input, run.controller.signal, progress);
        if (!current()) return false;
        source = sides.source;
        patch({ source });
        client ??= service.createClient();
        const result = await client.compare(sides.base, sides.head, {
          signal: run.controller.signal,
          baseSkipped: sides.baseSkipped,
          headSkipped: sides.headSkipped,
          ...('renamed' in sides && sides.renamed?.length ? { renamed: sides.renamed } : {}),
          onProgress: (p) => progress({ ...workerProgress(p), phase: `${workerProgress(p).phase} (${p.side})` }),
          onRows: (rows, done, total) => {
            if (!current()) return;
            const c = get().changeSet;
            const all = merge(c?.rows ?? [], rows).filter((r) => r.status !== 'unchanged');
            patch({ rows: all, progress: { phase: 'Comparing flows', done, total } });
          },
        });
        if (!current()) return false;
        running = undefined;
        ticket++;
        const counts = { ...result.counts, unchanged: result.counts.unchanged + sides.unchanged };
        const rows = result.rows.filter((r) => r.status !== 'unchanged');
        set({ changeSet: { source, status: 'ready', rows, counts, skipped: result.skipped, listing: true } });
        if (target?.flow) return await actions.openChangedFlow(target.flow, target);
        return true;
      } catch (e) {
        if (!current()) return false;
        running = undefined;
        const asRepo = {
          kind: 'repo' as const,
          url: keyOf(input),
          ...('token' in input && input.token ? { token: input.token } : {}),
        };
        const aborted = isAbort(e, run.controller.signal);
        const error = setError(aborted ? new Error('The change set was not read.') : e, asRepo);
        if (error.needsToken && target) waiting = { key: keyOf(input), open: target };
        set({ changeSet: { source, status: 'error', error, rows: [], counts: NONE, skipped: [], listing: true } });
        return false;
      }
    },
    cancelChanges: () => {
      const run = running;
      if (!run) return;
      running = undefined;
      run.controller.abort();
      set({ changeSet: run.before });
    },
    closeChanges: () => {
      running?.controller.abort();
      running = undefined;
      client?.dispose();
      client = undefined;
      shownDiff = undefined;
      waiting = undefined;
      ticket++;
      set({ changeSet: undefined });
    },
    showChangeList: () => {
      if (!ready()) return;
      ticket++;
      patch({ listing: true });
    },
    openChangedFlow: async (name, options = {}) => {
      const c = ready();
      const row = c?.rows.find((r) => r.name === name);
      if (!c || !row || !client) return false;
      const mine = ++ticket;
      const texts = await client.changeFlow(name);
      if (mine !== ticket || !texts) return false;
      const side = (t: typeof texts.before, missing: string) =>
        t
          ? { text: t.text, source: { kind: 'file' as const, name: t.file } }
          : { text: emptyFlow(name), source: { kind: 'file' as const, name: `${name} (${missing})` } };
      const ok = await get().compare(side(texts.before, 'not in the base'), side(texts.after, 'not in the head'));
      if (!ok || mine !== ticket) return false;
      shownDiff = get().comparison?.diff;
      if (options.mode) get().setDiffMode(options.mode);
      // The change list is sorted by position once laid out: the first change is the first after that.
      if (options.at) for (let i = 0; i < 1000 && get().layout.status === 'running'; i++) await later(20);
      if (mine !== ticket) return false;
      const n = get().comparison?.changes.length ?? 0;
      if (options.select !== undefined) get().select(options.select);
      else if (options.at === 'first' && n > 0) get().goToChange(0);
      else if (options.at === 'last' && n > 0) get().goToChange(n - 1);
      patch({ flow: name, listing: false });
      return true;
    },
    stepChange: (delta) => {
      const s = get();
      const cs = ready();
      const c = s.comparison;
      const at = cs && !cs.listing ? cs.rows.findIndex((r) => r.name === cs.flow) : -1;
      const next = c && c.diff === shownDiff && at >= 0 ? cs?.rows[at + delta]?.name : undefined;
      const n = c?.changes.length ?? 0;
      const i = s.changeIndex;
      if (next !== undefined && (n === 0 || (delta === 1 ? i === n - 1 : i === undefined || i === 0)))
        void actions.openChangedFlow(next, { at: delta === 1 ? 'first' : 'last' });
      else plain(delta);
    },
  };
  return actions;
}
