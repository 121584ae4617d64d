/**
 * Interviews on the flow on screen and the other Flow REST payloads (issue 16): the runtime slice's actions,
 * loaded on first use (runtime.ts). The interviews are org data: they live in state only, never in a link,
 * storage or the URL.
 */
import type { FlowRestPayload, Interview } from '../model/runtime';
import type { RuntimeActionsState, RuntimeRefusal, RuntimeSource } from './runtimeTypes';
import type { AppState, GetState, SetState, StoreDeps } from './types';

/** At most this many interviews are placed (an org query stops there; a pasted text's first ones). */
export const INTERVIEW_CAP = 2000;

export type RuntimeActions = Pick<
  RuntimeActionsState,
  'overlayInterviews' | 'queryOrgInterviews' | 'cancelOrgInterviews'
> & {
  /** `openPayload` once its code is here: true when shown, a refusal in words, false when it is no payload. */
  openPayload: (text: string, source: RuntimeSource) => boolean | RuntimeRefusal;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Why a query of something else is refused: its object named, and what to query instead. */
function otherQuery(object: string | undefined, count: number): Pick<RuntimeRefusal, 'message' | 'hint'> {
  const what = object ? `${plural(count, `${object} record`)}` : plural(count, 'record');
  return {
    message:
      count === 0
        ? 'This query answered no records: there are no interviews or flows in it.'
        : `This is a query of ${what}, not of FlowInterview or Flow.`,
    hint:
      'For interviews, query FlowInterview (SELECT Id, Name, CurrentElement, InterviewLabel, InterviewStatus, ' +
      'PauseLabel, CreatedDate FROM FlowInterview); to open a flow, paste its metadata.',
  };
}

const NO_FLOW: Pick<RuntimeRefusal, 'message' | 'hint'> = {
  message: 'These are interviews of a flow (FlowInterview records), and no flow is open.',
  hint: 'Open the flow these interviews belong to first, then paste them again (or use Overlay interviews… in its Flow tab).',
};

const NOT_INTERVIEWS: Pick<RuntimeRefusal, 'message' | 'hint'> = {
  message: 'This is not a FlowInterview query result (nor one FlowInterview record).',
  hint: 'Paste the JSON of a FlowInterview query (the REST /query answer or `sf data query --json`).',
};

/**
 * The actions, once the payload detection and placement are here: loaded from this chunk, not with it, so the
 * first screen names none of their chunks.
 */
export async function runtimeActions(set: SetState, get: GetState, deps: StoreDeps): Promise<RuntimeActions> {
  void deps;
  const [
    { compareInvocable, describesFlow, detectFlowRestText: readPayload },
    { beforeNodesOf, overlayOf },
    { scannable, scanInterviews },
  ] = await Promise.all([import('../model/runtime'), import('./runtimeOverlay'), import('../model/runtimeScan')]);
  /** A big query of interviews, its first ones read a slice at a time (runtimeScan.ts); else parsed whole. */
  const readBig = async (text: string) =>
    (await scanInterviews(text, INTERVIEW_CAP, () => new Promise((go) => setTimeout(go, 0)))) ?? readPayload(text);
  let scans = 0;
  /** The flow on screen to place interviews on: the flow, or a comparison's after version (and removed nodes). */
  const screen = (s: AppState) =>
    s.comparison
      ? {
          doc: s.comparison.after.doc,
          graph: s.comparison.diff.graph,
          beforeOnly: beforeNodesOf(s.comparison.diff.graph.nodes),
        }
      : s.flow && { doc: s.flow.doc, graph: s.flow.graph, beforeOnly: undefined };
  /** Places interviews on what is on screen; false when nothing is. */
  const overlay = (interviews: Interview[], source: RuntimeSource, said: number | undefined, page: boolean) => {
    const shown = screen(get());
    if (!shown) return false;
    const { runtime, notes } = overlayOf(shown.doc, shown.graph, interviews, source, {
      cap: INTERVIEW_CAP,
      total: said,
      page,
      ...(shown.beforeOnly ? { beforeOnly: shown.beforeOnly } : {}),
    });
    set({ runtime, runtimeNotes: notes, error: undefined });
    return true;
  };
  let query: AbortController | undefined;
  const route = (payload: FlowRestPayload, source: RuntimeSource): true | RuntimeRefusal => {
    switch (payload.kind) {
      case 'interviews':
        if (!overlay(payload.interviews, source, payload.totalSize, payload.more)) return { ...NO_FLOW, source };
        return true;
      case 'flow-list':
        set({ restView: { kind: 'flow-list', source, flows: payload.flows }, error: undefined });
        return true;
      case 'invocable': {
        const open = screen(get());
        const one = payload.list ? undefined : payload.flows[0];
        const compared = open && one && describesFlow(open.doc, one) ? open.doc : undefined;
        set({
          restView: {
            kind: 'invocable',
            source,
            flows: payload.flows,
            list: payload.list,
            ...(compared && one
              ? { comparedWith: compared.name, mismatches: compareInvocable(compared, one).map((m) => m.words) }
              : {}),
          },
          error: undefined,
        });
        return true;
      }
      default:
        return { ...otherQuery(payload.object, payload.count), source };
    }
  };
  return {
    openPayload: (text, source) => {
      const mine = ++scans;
      if (scannable(text)) {
        if (!screen(get())) return { ...NO_FLOW, source };
        // Shown once read, unless something else was opened (or pasted) meanwhile.
        const { flow, comparison } = get();
        const same = () => mine === scans && get().flow === flow && get().comparison === comparison;
        void readBig(text).then((payload) => {
          if (!same()) return;
          const done = payload ? route(payload, source) : { ...NOT_INTERVIEWS, source };
          if (done !== true) set({ error: done });
        });
        return true;
      }
      const payload = readPayload(text);
      return payload ? route(payload, source) : false;
    },
    overlayInterviews: async (text, source) => {
      const mine = ++scans;
      const payload = scannable(text) ? await readBig(text) : readPayload(text);
      if (mine !== scans) return undefined;
      if (payload?.kind === 'interviews') {
        const done = route(payload, source);
        return done === true ? undefined : done;
      }
      if (payload?.kind === 'other-query') return { ...otherQuery(payload.object, payload.count), source };
      const what = payload?.kind === 'flow-list' ? 'a list of flows' : payload ? 'an invocable flow' : undefined;
      if (!what) return { ...NOT_INTERVIEWS, source };
      return {
        message: `This is ${what}, not FlowInterview records.`,
        hint: 'Paste it with Paste… to see it; here, paste the answer of a FlowInterview query.',
        source,
      };
    },
    queryOrgInterviews: async () => {
      query?.abort();
      const controller = new AbortController();
      query = controller;
      const shown = get().flow;
      set({ orgInterviews: { status: 'running', read: 0 } });
      const mine = () => query === controller && get().flow === shown;
      try {
        const read = await get().readOrgInterviews({
          cap: INTERVIEW_CAP,
          signal: controller.signal,
          onProgress: (n, total) => mine() && set({ orgInterviews: { status: 'running', read: n, total } }),
        });
        if (!mine()) return false;
        query = undefined;
        const name = get().org.status === 'connected' ? (get().flow?.source.name ?? 'the org') : 'the org';
        set({ orgInterviews: undefined });
        return overlay(read.interviews, { kind: 'org', name }, read.total, false);
      } catch (e) {
        if (!mine()) return false;
        query = undefined;
        const { message, hint } = e as { message?: unknown; hint?: unknown };
        set({
          orgInterviews: {
            status: 'error',
            message: typeof message === 'string' ? message : String(e),
            ...(typeof hint === 'string' ? { hint } : {}),
          },
        });
        return false;
      }
    },
    cancelOrgInterviews: () => {
      query?.abort();
      query = undefined;
      set({ orgInterviews: undefined });
    },
  };
}
