/**
 * Change-set links (issue 14): `#/changes?v=1&src=PR_URL[&flow=NAME][&select=ID][&mode=M][&ignore=K,…]`
 * opens a pull or merge request's change set, `#/changes?v=1&base=TREE_URL&head=TREE_URL[…]` two trees';
 * `flow` the flow whose comparison is on screen, `select` its selected element (`sel=` is read too),
 * `mode` the comparison's mode, `ignore` the noise filters every comparison of the set uses.
 * A change set of folders on this computer has no address. Never a token.
 *
 *   readChangesLink(hashOrUrl): DecodedChangesLink   never throws
 *   changesLinkUrl(state, site): BuiltLink           refuses a URL that is not http(s)
 */
import { formatHash, readHash } from '../hash';
import { isHttpUrl } from '../rawUrl';
import { readIgnores, writeIgnores } from '../ignore';
import type { ChangesLinkState, ShareError } from '../types';

export type DecodedChangesLink = { ok: true; state: ChangesLinkState; notices: string[] } | ShareError;

const HINT =
  'A change-set link looks like #/changes?src=https://github.com/OWNER/REPO/pull/N, or ' +
  '#/changes?base=TREE_URL&head=TREE_URL.';
const notHttp = (url: string): ShareError => ({
  ok: false,
  message: `The link points at "${url.slice(0, 80)}", which is not an http(s) URL.`,
  hint: HINT,
});

export function readChangesLink(hashOrUrl: string): DecodedChangesLink {
  const h = readHash(hashOrUrl);
  if (!h.ok) return h;
  if (h.route !== 'changes')
    return { ok: false, message: 'This is not a change-set link (#/changes?…).', hint: 'Copy the whole link again.' };
  const src = h.src?.trim();
  const base = h.base?.trim();
  const head = h.head?.trim();
  const state: ChangesLinkState = {};
  if (src) state.src = src;
  else if (base && head) {
    state.base = base;
    state.head = head;
  } else
    return {
      ok: false,
      message: 'The change-set link names no pull request (src=) or refs (base= and head=).',
      hint: HINT,
    };
  for (const url of [src, base, head]) if (url && !isHttpUrl(url)) return notHttp(url);
  if (h.flow) state.flow = h.flow;
  if (h.select && state.flow) state.select = h.select;
  if (h.mode && state.flow) state.mode = h.mode;
  const notices = [...h.notices];
  const ignore = readIgnores(h.ignore, notices);
  if (ignore) state.ignore = ignore;
  return { ok: true, state, notices };
}

export function changesLinkUrl(
  state: ChangesLinkState,
  site: string,
): { ok: true; url: string; length: number } | ShareError {
  for (const url of [state.src, state.base, state.head]) if (url !== undefined && !isHttpUrl(url)) return notHttp(url);
  if (state.src === undefined && (state.base === undefined || state.head === undefined))
    return { ok: false, message: 'A change-set link needs a pull request or two refs.', hint: HINT };
  const where = state.src !== undefined ? { src: state.src } : { base: state.base, head: state.head };
  const flow = state.flow
    ? {
        flow: state.flow,
        ...(state.select ? { select: state.select } : {}),
        ...(state.mode ? { mode: state.mode } : {}),
      }
    : {};
  const kinds = writeIgnores(state.ignore);
  const ignore = kinds ? { ignore: kinds } : {};
  const url = `${site.split('#')[0] ?? ''}${formatHash({ route: 'changes', ...where, ...flow, ...ignore })}`;
  return { ok: true, url, length: url.length };
}
