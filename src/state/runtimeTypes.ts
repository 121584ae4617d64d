/** The store's runtime shapes (issue 16): interviews on the flow on screen, and the other Flow REST payloads. */
import type { FlowListItem, Interview, InvocableFlow } from '../model/runtime';
import type { CardNotes } from './cardNotes';

/** Where interviews (or another payload) came from, for the panel's words: "pasted text", "Orders.json", "the org". */
export interface RuntimeSource {
  kind: 'paste' | 'file' | 'org' | 'url' | 'link' | 'sample';
  name: string;
}

/** Interviews standing at one element of the flow on screen (or, under "elsewhere", at a name it lacks). */
export interface InterviewGroup {
  /** The element's API name as `CurrentElement` gives it; '' for an interview that names none. */
  element: string;
  /** The node id on screen (the element is drawn); absent for the "elsewhere" groups. */
  nodeId?: string;
  /** The element's label on screen, when it is drawn. */
  label?: string;
  /**
   * In a comparison, a group at an element only the before version has, drawn on its union node: `removed`
   * (the after version dropped it) or `renamed` (the after version calls it something else; `label` is its card).
   */
  before?: 'removed' | 'renamed';
  /** Status, count and the mark it is told by, the most frequent first ("Paused" 12 "‖", "Error" 2 "✖"). */
  counts: [status: string, count: number, mark: string][];
  interviews: Interview[];
}

/** Interviews overlaid on what is on screen: never in a link, storage or the URL (they are org data). */
export interface RuntimeOverlay {
  source: RuntimeSource;
  /**
   * Groups at elements of the flow on screen, in the flow's element order; in a comparison, then those at
   * elements only the before version has (`before`), drawn on their union nodes.
   */
  groups: InterviewGroup[];
  /** Groups whose `CurrentElement` this version does not have (another version's, or none): never dropped. */
  elsewhere: InterviewGroup[];
  /** Interviews placed (after the cap). */
  shown: number;
  /** How many the source said there are (a query's `totalSize`), at least `shown`. */
  total: number;
  /** Why fewer than `total` are shown: "Showing the first 2,000 of 50,000 interviews". */
  capNote?: string;
}

/** A flow list or an invocable flow's interface, pasted or dropped, shown in its own view. */
export type RestView =
  | { kind: 'flow-list'; source: RuntimeSource; flows: FlowListItem[] }
  | {
      kind: 'invocable';
      source: RuntimeSource;
      flows: InvocableFlow[];
      /** The `/actions/custom/flow` list rather than one flow's description. */
      list: boolean;
      /** Mismatches with the flow on screen's declared interface, when it is the flow described. */
      mismatches?: string[];
      /** The open flow it was compared with (its API name). */
      comparedWith?: string;
    };

/** The org query's progress and end, for the Interviews dialog. */
export type OrgInterviewsState =
  | { status: 'running'; read: number; total?: number }
  | { status: 'error'; message: string; hint?: string };

export interface RuntimeActionsState {
  /** Interviews' notes on the cards of the flow on screen (by node id); empty without interviews. */
  runtimeNotes: CardNotes;
  /** Interviews on what is on screen; cleared when something else is shown. */
  runtime?: RuntimeOverlay;
  /** A flow list or an invocable flow's interface on view (its dialog); closed by `closeRestView`. */
  restView?: RestView;
  /** The org query for the flow on screen, while it runs or when it failed. */
  orgInterviews?: OrgInterviewsState;
  /**
   * Reads a pasted or uploaded text of interviews (a `/query` result, `sf data query --json`, one record)
   * and overlays them on what is on screen. Resolves undefined when it did, else why not (in words).
   */
  overlayInterviews: (text: string, source: RuntimeSource) => Promise<RuntimeRefusal | undefined>;
  /** Queries the org for the interviews of the flow on screen (opened from it), capped, and overlays them. */
  queryOrgInterviews: () => Promise<boolean>;
  /** Stops an org query that is running (what was overlaid before stays). */
  cancelOrgInterviews: () => void;
  clearRuntime: () => void;
  closeRestView: () => void;
  /**
   * `load`'s way out for a text that is no flow: a Flow REST payload is shown (true) instead, or refused in
   * words (a query of Account; interviews with no flow open); anything else is false. The payload code loads
   * on first use; until it is here this answers true and `retry` opens the text again once it is (the caller
   * checks nothing newer was opened since). `early`: before the text is parsed as a flow, and only when it
   * looks like FlowInterview records (false otherwise), so a query of 50,000 is parsed once.
   */
  openPayload: (text: string, source: RuntimeSource, retry: () => void, early: boolean) => boolean | RuntimeRefusal;
  /**
   * The connected org's interviews of the flow on screen (opened from it), at most `cap`, following the
   * query's pages. Rejects with the source's error; with `invalid-input` when the flow on screen is not a
   * version opened from the connected org.
   */
  readOrgInterviews: (options: {
    cap: number;
    signal?: AbortSignal;
    onProgress?: (read: number, total: number) => void;
  }) => Promise<OrgInterviewsRead>;
  /** Resolves once `openPayload` can answer for `text` at once (its code loaded, for JSON). Never rejects. */
  preparePayload: (text: string) => Promise<void>;
}

/** Why a text was not overlaid or shown, as the page's banner and the dialogs say it. */
export interface RuntimeRefusal {
  message: string;
  hint: string;
  source: RuntimeSource;
}

/** The org's side of the Interviews action (orgActions.ts): the client stays in its closure. */
export interface OrgInterviewsRead {
  interviews: Interview[];
  total: number;
  capped: boolean;
}
