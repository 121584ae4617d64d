/**
 * The link's hash, read and written without touching the payload (sync, tiny: fine for the first screen).
 *
 *   readHash(hashOrUrl: string): HashRead
 *     "#/diff?v=1&mode=side&layout=elk&ignore=description,label&sel=X&z=…" (or a whole URL, or the hash
 *     without "#") → route and parameters (`ignore` as written: ignore.ts reads it).
 *     "#/set?v=1&src=TREE&flow=F&via=A,B&select=X" → route `set` (`sel=` reads as `select`; `via` as a list).
 *     "#/changes?v=1&src=PR&flow=F&select=X&mode=M" or "…&base=TREE&head=TREE…" → route `changes`.
 *   formatHash(h: HashParams & { route }): string          → "#/route?v=1&…" (payload last)
 *   withView(hashOrUrl, view: {mode?, layout?, sel?}): string | undefined
 *     The same link with another mode/layout/selection (for history.replaceState as the user clicks), the
 *     payload copied as is (a set link's selection is its `select`); undefined when the input is not a link.
 */
import { wellFormed } from '../model/parse/wellFormed';
import { DIFF_MODES, LINK_LAYOUTS, type DiffMode, type HashRoute, type LinkLayout, type ShareError } from './types';

/** Hashes above this are refused before anything is decoded (2 MB: 30× the longest GitHub comment). */
export const MAX_HASH_CHARS = 2 * 1024 * 1024;
export const LINK_VERSION = 1;

export interface HashParams {
  /** Link version; absent in hand-written URL links, which read as version 1. */
  v?: string;
  src?: string;
  a?: string;
  b?: string;
  /** The compressed payload holding the inline flows. */
  z?: string;
  mode?: DiffMode;
  layout?: LinkLayout;
  sel?: string;
  /** A comparison's noise filters (`ignore=description,label`), as written: ignore.ts reads the known ones. */
  ignore?: string[];
  /** A set link's flow on screen (an API name). */
  flow?: string;
  /** A set link's breadcrumb before `flow`: API names, written comma-separated (a comma in a name as %2C). */
  via?: string[];
  /** A set link's selected element (`sel=` reads as this on a set link). */
  select?: string;
  /** A change-set link's two tree URLs (issue 14). */
  base?: string;
  head?: string;
}
export type HashRead = ({ ok: true; route: HashRoute; notices: string[] } & HashParams) | ShareError;

const ORDER = [
  'v',
  'mode',
  'layout',
  'ignore',
  'sel',
  'src',
  'base',
  'head',
  'flow',
  'via',
  'select',
  'a',
  'b',
  'z',
] as const;
const SINGLE = new Set(['v', 'src', 'a', 'b', 'z', 'sel', 'flow', 'select', 'base', 'head']);

/** A %-encoded parameter value as text; undefined when its encoding is damaged. */
function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

export function readHash(hashOrUrl: string): HashRead {
  const at = hashOrUrl.indexOf('#');
  const hash = at >= 0 ? hashOrUrl.slice(at + 1) : hashOrUrl;
  if (hash.length > MAX_HASH_CHARS) {
    return {
      ok: false,
      message: `The link is ${(hash.length / 1024 / 1024).toFixed(1)} MB long; Flowscope reads links up to 2 MB.`,
      hint: 'Share the flow files by URL (#/view?src=…) instead of inside the link.',
    };
  }
  const m = /^\/?(view|diff|set|changes)(?:\?(.*))?$/s.exec(hash);
  if (!m) {
    return {
      ok: false,
      message: 'This is not a Flowscope link: the part after "#" should start with /view, /diff or /set.',
      hint: 'Copy the whole link, including everything after "#".',
    };
  }
  const route = m[1] as HashRoute;
  const out: { ok: true; route: HashRoute; notices: string[] } & HashParams = { ok: true, route, notices: [] };
  for (const part of (m[2] ?? '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    // Each name of `via` is %-encoded on its own: a comma inside one is %2C, the commas between them are not.
    const list = key === 'via' || key === 'ignore';
    const names = list ? raw.split(',').map(decoded) : [];
    const value = list ? '' : decoded(raw);
    if (value === undefined || names.includes(undefined)) {
      return {
        ok: false,
        message: `The link's "${key}" parameter is damaged (bad %-encoding).`,
        hint: 'Copy the whole link again; some apps change long links.',
      };
    }
    if (key === 'mode') {
      if ((DIFF_MODES as readonly string[]).includes(value)) out.mode = value as DiffMode;
      else out.notices.push(`Unknown view mode "${value.slice(0, 40)}" in the link; showing the default.`);
    } else if (key === 'layout') {
      if ((LINK_LAYOUTS as readonly string[]).includes(value)) out.layout = value as LinkLayout;
      else out.notices.push(`Unknown layout "${value.slice(0, 40)}" in the link; drawing the default.`);
    } else if (list) {
      out[key] = (names as string[]).filter((n) => n !== '');
    } else if (SINGLE.has(key)) {
      out[key as 'v' | 'src' | 'a' | 'b' | 'z' | 'sel' | 'flow' | 'select' | 'base' | 'head'] = value;
    }
    // Other parameters (embed=1, …) belong to the page, not to the link state: ignored here.
  }
  // A set link's selection is `select=`; `sel=`, as the other links write it, is read as that too.
  if ((route === 'set' || route === 'changes') && out.sel !== undefined) {
    out.select ??= out.sel;
    delete out.sel;
  }
  if (out.v !== undefined && out.v !== String(LINK_VERSION)) {
    return {
      ok: false,
      message:
        `This link was made by a newer Flowscope (link version ${out.v.slice(0, 20)}); ` +
        `this one reads version ${LINK_VERSION}.`,
      hint: 'Open the link on the site that made it, or update Flowscope.',
    };
  }
  return out;
}

const encode = (value: string) => encodeURIComponent(wellFormed(value));

export function formatHash(h: HashParams & { route: HashRoute }): string {
  const parts = [`v=${LINK_VERSION}`];
  for (const key of ORDER) {
    const value = h[key];
    if (key === 'v' || value === undefined) continue;
    // The payload is base64url already; everything else is %-encoded, a lone surrogate (an element named
    // "\ud800" in sel=) as U+FFFD, which the payload's names carry too (encodeURIComponent throws on one).
    if (typeof value !== 'string') {
      if (value.length > 0) parts.push(`${key}=${value.map(encode).join(',')}`);
    } else parts.push(`${key}=${key === 'z' ? value : encode(value)}`);
  }
  return `#/${h.route}?${parts.join('&')}`;
}

export function withView(
  hashOrUrl: string,
  view: { mode?: DiffMode; layout?: LinkLayout; sel?: string },
): string | undefined {
  const read = readHash(hashOrUrl);
  if (!read.ok) return undefined;
  const { ok: _ok, notices: _n, mode: _m, layout: _l, sel: _s, select: _t, ...rest } = read;
  const selected = read.route === 'set' || read.route === 'changes' ? 'select' : 'sel';
  const hash = formatHash({
    ...rest,
    ...(view.mode ? { mode: view.mode } : {}),
    ...(view.layout ? { layout: view.layout } : {}),
    ...(view.sel !== undefined ? { [selected]: view.sel } : {}),
  });
  const at = hashOrUrl.indexOf('#');
  return at > 0 ? hashOrUrl.slice(0, at) + hash : hash;
}
