import type { StoreApi } from 'zustand/vanilla';
import type { FlowGraph } from '../model/graph';
import type { FlowDoc, FlowOrigin, ParseError, RecordChoice } from '../model/types';
import type { FlowDiff } from '../model/diff/types';
import type { BuiltLink, DecodedLink, DecodedSetLink, FlowRef, LinkState, SetLinkState } from '../share/index';
import type { FlowPage, FlowSummary, FlowVersion, OrgClient } from '../sources/toolingTypes';
import type { FileText } from '../sources/file';
import type { ChangeItem } from '../model/diff/changes';
import type { FoldedGraph } from '../model/diff/fold';
import type { DiffService, LayoutService, LayoutState } from './store';
import type { LayoutChoice, Positions } from './layoutChoice';
import type { SearchResult } from '../model/setTypes';
import type { FetchRepoOptions } from '../sources/setSources';
import type { FlowSetState, OrgSetFiles, SetOpenInput, SetService } from './setTypes';
import type { ChangeActionsState, ChangeService } from './changeTypes';
import type { ChecksActionsState, ChecksService } from './checkTypes';
import type { NoiseActionsState, NoiseFiltering } from './noiseTypes';
import type { PathActionsState } from './pathTypes';
import type { RuntimeActionsState } from './runtimeTypes';

// The org's records as the views draw them; views take these from state/, never from sources/.
export type { FlowPage, FlowSummary, FlowVersion, OrgClient } from '../sources/toolingTypes';
// The flow set's state and inputs (issue 13), kept in their own file.
export type * from './setTypes';
// The change set's state and inputs (issue 14).
export type * from './changeTypes';
// Review checks, paths and noise filters (issue 15); interviews and Flow REST payloads (issue 16).
export type * from './checkTypes';
export type * from './noiseTypes';
export type * from './pathTypes';
export type * from './runtimeTypes';
export type * from './cardNotes';

/** The selected element, its connectors and their other ends: drawn highlighted, the rest dimmed. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Where a text came from, for messages ("which file, what is wrong, what to do"). */
interface InputSource {
  kind: 'paste' | 'file' | 'sample' | 'url' | 'org' | 'link';
  /** File name, sample name or URL; "pasted text" for paste. */
  name: string;
}

export interface LoadedFlow {
  source: InputSource;
  text: string;
  doc: FlowDoc;
  origin: FlowOrigin;
  graph: FlowGraph;
  notices: string[];
  records?: RecordChoice[];
  recordIndex: number;
  /** A free-form flow's saved positions (graph node id → top-left); absent for Auto-Layout flows. */
  positions?: Positions;
}

export interface LoadError extends ParseError {
  source: InputSource;
  /** Which side of a comparison could not be opened. */
  side?: 'before' | 'after';
  /**
   * The step that failed after the text parsed: building the graph or the diff (an internal error, a bug),
   * laying it out, or drawing it; `page` for an error nothing else caught. Absent for a text that does not
   * parse (or cannot be read or fetched). `notice` is no failure: a link opened, but named something unknown
   * (state/linkActions.ts sayNotices); the banner says so as a notice.
   */
  stage?: 'graph' | 'diff' | 'layout' | 'draw' | 'page' | 'notice';
  /** What the banner names when it is not the one input (`source`): "the comparison of v1 with v2". */
  subject?: string;
}

/** A text and where it came from: one side of a comparison. */
export interface FlowInput {
  text: string;
  source: InputSource;
  recordIndex?: number;
}

/** Two versions compared: both parsed flows, their diff (with the union graph laid out once) and the change list. */
export interface Comparison {
  before: LoadedFlow;
  after: LoadedFlow;
  diff: FlowDiff;
  changes: ChangeItem[];
  filtering?: NoiseFiltering;
  /** One set of saved positions keyed by union node id, when the after version is free-form. */
  positions?: Positions;
}

/** Changes only: the folded graph of a comparison (`model/diff/fold.ts`) and its own layout. */
export interface ChangesView {
  /** The comparison's diff it was made for (a new comparison makes a new one). */
  diff: FlowDiff;
  /** Elements drawn instead of their fold (folds the reader expanded). */
  revealed: ReadonlySet<string>;
  folded: FoldedGraph;
  layout: LayoutState;
}

/** Every diff mode but Changes only draws the same positions. */
export type DiffMode = 'overlay' | 'before' | 'after' | 'side' | 'changes';

/** What the org dialog's form asks for; the token goes to `connect` and nowhere else. */
export interface OrgCredentials {
  instanceUrl: string;
  token: string;
  apiVersion: string;
}

/** Connects to an org (checks the inputs, then the token with one small request) and resolves to a client. */
export type Connect = (options: OrgCredentials) => Promise<OrgClient>;
/** Fetches a flow file by URL; the token, if any, goes only in that request's header. */
export type FetchUrl = (url: string, options: { token?: string }) => Promise<{ text: string; name: string }>;
/** Reads a user's file as text, refusing huge files before reading them. */
type ReadFile = (file: File) => Promise<FileText>;
/** The link codec (share/), loaded on first use: its compression code stays out of the first screen. */
export type ShareService = () => Promise<{
  decodeLink: (hash: string) => Promise<DecodedLink>;
  buildLink: (state: LinkState, site: string) => Promise<BuiltLink>;
  inlineRef: (doc: FlowDoc) => FlowRef;
  /** A flow set link (`#/set?…`) read, and made. */
  readSetLink: (hash: string) => DecodedSetLink;
  setLinkUrl: (state: SetLinkState, site: string) => BuiltLink;
}>;

/** What the store's use-cases are given: the real ones by default (loaded on first use), fakes in tests. */
export interface StoreDeps {
  /** Lays out what is on screen; without it nothing is laid out (tests that do not draw). */
  layout?: LayoutService;
  diff?: DiffService;
  share?: ShareService;
  fetchUrl?: FetchUrl;
  readFile?: ReadFile;
  connect?: Connect;
  sets?: SetService;
  /** The change-set code (issue 14), loaded with the first change set. */
  changes?: ChangeService;
  checks?: ChecksService;
  /** Where "Remember for this tab" keeps the org session; defaults to `sessionStorage` (when there is one). */
  storage?: Storage;
}

/**
 * The org connection. Its client (and the token in it) lives in the store's closure, never in state;
 * `idle` until `prepareOrg` has loaded the org code and read any session remembered for this tab.
 */
type OrgState =
  | { status: 'idle' }
  /** The form's starting values: a session remembered for this tab, else the instance URL used last. */
  | { status: 'disconnected'; instanceUrl: string; apiVersion: string; remember: boolean }
  | { status: 'connected'; instanceUrl: string; apiVersion: string };

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];

export interface AppState
  extends ChangeActionsState,
    ChecksActionsState,
    NoiseActionsState,
    PathActionsState,
    RuntimeActionsState {
  flow?: LoadedFlow;
  /** The flow set, when one is open (the flow on screen may be one of its flows). */
  set?: FlowSetState;
  /** When set, the page shows the comparison instead of the single flow (which stays for "Close"). */
  comparison?: Comparison;
  diffMode: DiffMode;
  /** Changes only's graph and layout, once asked for (`showChanges`). */
  changesView?: ChangesView;
  /** Position in `comparison.changes` of the change last stepped to (n / p). */
  changeIndex?: number;
  /** Whether the selection came from stepping through changes (n / p, the change list), not a click or search. */
  selectedByStep?: boolean;
  /** The last load's error; what was loaded before stays on screen beside it. */
  error?: LoadError;
  selection?: string;
  highlight: Highlight;
  layout: LayoutState;
  /** How what is on screen is drawn: saved positions (the default when there are some), Auto-Layout or ELK. */
  layoutChoice: LayoutChoice;
  org: OrgState;
  /**
   * Opens a text (pasted, a sample, read or fetched by the actions below): parses it and builds the graph; on
   * bad input keeps the current flow and records the error. Returns whether it loaded. `layout` (a link's
   * choice) replaces the default (saved positions when the flow has some, else Auto-Layout).
   */
  load: (text: string, source: InputSource, recordIndex?: number, layout?: LayoutChoice) => boolean;
  /** Re-opens another version of a multi-record input. */
  chooseRecord: (index: number) => void;
  dismissError: () => void;
  /** Shows an error in the page's banner; what is on screen stays. */
  reportError: (error: LoadError) => void;
  /**
   * Brings back what was on screen before the current flow or comparison, its layout as it was (the "Close"
   * of the page's safety net when drawing fails); with nothing before it, clears the screen.
   */
  restorePrevious: () => void;
  select: (id: string | undefined) => void;
  /**
   * Parses both sides and diffs them; on bad input keeps what is on screen, records which side failed and
   * resolves false. Resolves true once the comparison is on screen (the differ loads on first use). `layout`
   * as for `load` (the default follows the after version).
   */
  compare: (before: FlowInput, after: FlowInput, layout?: LayoutChoice) => Promise<boolean>;
  /** Compares the open flow (before) with another version (after). */
  compareWith: (after: FlowInput) => Promise<boolean>;
  /** Shows the comparison the other way round (the same diff, reversed); resolves whether it did. */
  swapSides: () => Promise<boolean>;
  closeComparison: () => void;
  setDiffMode: (mode: DiffMode) => void;
  /** Folds and lays out Changes only for the comparison on screen once its layout is done (once per comparison). */
  showChanges: () => Promise<void>;
  /** Changes only: draws a fold's elements in place of the fold (laid out again). */
  expandFold: (foldId: string) => Promise<void>;
  /**
   * Draws what is on screen another way (the Layout picker): lays it out again, keeping the selection.
   * `saved` on a flow without saved positions is ignored.
   */
  setLayoutChoice: (choice: LayoutChoice) => void;
  /** Moves to the next (+1) or previous (-1) change, selecting its element; wraps around. */
  stepChange: (delta: 1 | -1) => void;
  goToChange: (index: number) => void;

  /** Reads a user's file and opens it; a file that cannot be read becomes the page's error. Resolves whether it did. */
  loadFile: (file: File) => Promise<boolean>;
  /**
   * Fetches a flow file by URL (with the token, if any, for that request only) and opens it. Rejects with the
   * source's error (redacted, with a hint) when it cannot be fetched, leaving the page as it was; a text that
   * does not parse becomes the page's error. Resolves whether it opened.
   */
  loadUrl: (url: string, token?: string) => Promise<boolean>;

  /**
   * Opens what a link (`#/view?…`, `#/diff?…`) carries: decodes it, fetches URL versions, then loads the flow
   * or compares the two and applies the link's mode and selection. A bad link, or a version that cannot be
   * fetched, becomes the page's error. Resolves whether something opened.
   */
  openLink: (hash: string) => Promise<boolean>;
  /** What "Copy link" shares of what is on screen: URL refs for flows opened from a URL, the flow itself otherwise. */
  linkForScreen: (site: string) => Promise<BuiltLink>;

  /** Loads the org code and reads any session remembered for this tab into `org`; once is enough. */
  prepareOrg: () => Promise<void>;
  /** The token of the session remembered for this tab, to fill the form with; undefined when there is none. */
  rememberedOrgToken: () => string | undefined;
  /**
   * Connects; with `remember`, keeps the session in the tab's storage, else forgets any kept there. Rejects
   * with the source's error (redacted, with a hint) and stays disconnected when it cannot connect.
   */
  connectOrg: (credentials: OrgCredentials, remember: boolean) => Promise<void>;
  /** Drops the client (and its token) and forgets the session kept for this tab. */
  disconnectOrg: () => void;
  /** A page of the org's flows whose label or API name contains `filter`; `next` reads the page after one. */
  listOrgFlows: (filter: string, next?: string, signal?: AbortSignal) => Promise<FlowPage>;
  listOrgVersions: (flowId: string) => Promise<FlowVersion[]>;
  /** Fetches one version and opens it (named "My_Flow v3"). Rejects with the source's error if it cannot be fetched. */
  openOrgVersion: (flow: FlowSummary, version: FlowVersion) => Promise<void>;
  /**
   * Fetches two versions and starts comparing them (the comparison opens as `compare` resolves). Resolves once
   * both are fetched; rejects with the source's error if either cannot be.
   */
  compareOrgVersions: (flow: FlowSummary, before: FlowVersion, after: FlowVersion) => Promise<void>;
  /**
   * The connected org's flows as a set's files (for `openSet` of an org): every flow's active (or latest)
   * version as `<DeveloperName>.json`, its Tooling record's text; flows without one are skipped with the
   * reason. Rejects with the source's error (`disconnected` when no org is connected).
   */
  orgSetFiles: (
    which: 'active' | 'latest',
    onProgress?: FetchRepoOptions['onProgress'],
    signal?: AbortSignal,
  ) => Promise<OrgSetFiles>;

  /**
   * Opens a flow set (replacing one open before) and shows its list. Resolves whether it opened; a set that
   * cannot be read is `set.status` `error` with the message (what was on screen stays).
   */
  openSet: (input: SetOpenInput) => Promise<boolean>;
  /** Stops a set that is loading (the page is as it was before). */
  cancelSet: () => void;
  /** Closes the set (the flow on screen stays, as a single flow). */
  closeSet: () => void;
  /** Shows the set's list instead of the flow. */
  showSetList: () => void;
  /**
   * Searches the open set; undefined when no set is ready or a newer search superseded this one (rejects
   * only when the set's worker fails).
   */
  searchSet: (query: string) => Promise<SearchResult | undefined>;
  /**
   * Opens one of the set's flows (selecting `select`, an element's graph node id). `from: 'list'` (default)
   * starts the breadcrumb at it; `drill` adds it after the flow on screen (a Subflow element's called flow).
   * Resolves false when the set has no such flow (the banner says so).
   */
  openSetFlow: (name: string, options?: { select?: string; from?: 'list' | 'drill' }) => Promise<boolean>;
  /** Goes back to the breadcrumb's `index`-th flow (the ones after it are dropped). */
  setBreadcrumb: (index: number) => Promise<boolean>;
}
