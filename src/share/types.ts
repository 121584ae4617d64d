/** What a share link carries (see index.ts for the link grammar). Plain data; never a token. */

/** Where one flow version comes from: a URL the page fetches, or the flow itself inside the link. */
export type FlowRef =
  | { kind: 'url'; url: string }
  /** `text`: any input parseFlow reads; `name`: its API name / file name (parseFlow's `fileName`). */
  | { kind: 'inline'; text: string; name?: string };

export type DiffMode = 'overlay' | 'before' | 'after' | 'side' | 'changes';
export const DIFF_MODES: readonly DiffMode[] = ['overlay', 'before', 'after', 'side', 'changes'];

export type Route = 'view' | 'diff';
/** Every route a link's hash may have: a flow or a pair (`Route`, what `LinkState` carries), or a flow set. */
export type HashRoute = Route | 'set' | 'changes';

/**
 * How the flow is drawn (the app's Layout choice; layout/types.ts LayoutChoice, which share/ may not import):
 * the author's saved positions, Auto-Layout, or ELK layered. A link carries it only when it is not the
 * default (saved positions when the flow has them, else Auto-Layout).
 */
export type LinkLayout = 'saved' | 'auto' | 'elk';
export const LINK_LAYOUTS: readonly LinkLayout[] = ['saved', 'auto', 'elk'];

/**
 * The comparison's noise filters a link carries (`ignore=description,label`): model/diff/noise.ts NoiseKind,
 * repeated here so the first screen's hash reading does not load the filters. Written only when some are on.
 */
export type LinkIgnore = 'description' | 'label' | 'api-version' | 'canvas-mode' | 'namespace';
export const LINK_IGNORES: readonly LinkIgnore[] = ['description', 'label', 'api-version', 'canvas-mode', 'namespace'];

export interface LinkState {
  v: 1;
  route: Route;
  /** The flow (view) or the before version (diff). */
  a: FlowRef;
  /** The after version; required for `diff`, ignored for `view`. */
  b?: FlowRef;
  mode?: DiffMode;
  layout?: LinkLayout;
  /** Selected element: a node id of the graph (view) or of the diff's union graph. */
  sel?: string;
  /** For `diff`: the kinds of change the comparison hides (in LINK_IGNORES order; absent when none). */
  ignore?: LinkIgnore[];
}

/** A bad link, said so a person can act on it. */
export interface ShareError {
  ok: false;
  message: string;
  hint: string;
}

/**
 * What a flow set link carries (`#/set?v=1&src=TREE[&flow=NAME][&via=A,B][&select=ID]`): the repository tree
 * URL, the flow on screen, the flows opened before it (the breadcrumb, API names) and the selected element.
 * Never a token.
 */
export interface SetLinkState {
  src: string;
  flow?: string;
  via: string[];
  select?: string;
}

/**
 * What a change-set link carries (issue 14): `#/changes?v=1&src=PR_URL[&flow=NAME][&select=ID][&mode=M]` or
 * `#/changes?v=1&base=TREE_URL&head=TREE_URL[…]`. Never a token.
 */
export interface ChangesLinkState {
  src?: string;
  base?: string;
  head?: string;
  flow?: string;
  select?: string;
  mode?: DiffMode;
  /** The kinds of change every comparison of the set hides (absent when none). */
  ignore?: LinkIgnore[];
}
