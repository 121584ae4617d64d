/**
 * Flow set links (issue 13): `#/set?v=1&src=TREE[&flow=NAME][&via=A,B][&select=ID]`. TREE is a repository
 * tree URL (GitHub `…/tree/REF/PATH`, GitLab `…/-/tree/REF/PATH`); the page reads the tree and its flow files.
 * A set opened from files on this computer, or from an org, has no address: no link carries it.
 *
 *   readSetLink(hashOrUrl): DecodedSetLink     never throws; a link that is not a set link is an error
 *   setLinkUrl(state, site): BuiltLink         the link; refuses a src that is not http(s)
 */
import { formatHash, readHash } from './hash';
import { isHttpUrl } from './rawUrl';
import type { SetLinkState, ShareError } from './types';

export type DecodedSetLink = { ok: true; state: SetLinkState; notices: string[] } | ShareError;

const NOT_HTTP = (url: string): ShareError => ({
  ok: false,
  message: `The link's set points at "${url.slice(0, 80)}", which is not an http(s) URL.`,
  hint: 'A set link names a repository folder: #/set?src=https://github.com/OWNER/REPO/tree/REF/PATH.',
});

export function readSetLink(hashOrUrl: string): DecodedSetLink {
  const h = readHash(hashOrUrl);
  if (!h.ok) return h;
  if (h.route !== 'set')
    return { ok: false, message: 'This is not a flow set link (#/set?…).', hint: 'Copy the whole link again.' };
  const src = h.src?.trim();
  if (!src)
    return {
      ok: false,
      message: 'The set link has no repository in it (no src= URL).',
      hint: 'A set link looks like #/set?src=https://github.com/OWNER/REPO/tree/REF/PATH.',
    };
  if (!isHttpUrl(src)) return NOT_HTTP(src);
  const state: SetLinkState = { src, via: h.via ?? [] };
  if (h.flow) state.flow = h.flow;
  if (h.select) state.select = h.select;
  // A breadcrumb leads to a flow: without one it is ignored.
  if (!state.flow) state.via = [];
  return { ok: true, state, notices: h.notices };
}

export function setLinkUrl(
  state: SetLinkState,
  site: string,
): { ok: true; url: string; length: number; warning?: string } | ShareError {
  if (!isHttpUrl(state.src)) return NOT_HTTP(state.src);
  const flow = state.flow
    ? { flow: state.flow, via: state.via, ...(state.select ? { select: state.select } : {}) }
    : {};
  const url = `${site.split('#')[0] ?? ''}${formatHash({ route: 'set', src: state.src, ...flow })}`;
  return { ok: true, url, length: url.length };
}
