import { ensureReader, loadReader } from '../model/parse/onDemand';
import type { FlowRef } from '../share/index';
import { LINKED } from './links';
import type { FetchUrl, FlowInput, GetState, ShareService } from './types';

/**
 * Opening what a link carries: links.ts loads this on first use (a page opened without a link does without
 * it). Making the link to what is on screen is linkMaking.ts's, loaded when something is shared.
 */

export async function openLinked(get: GetState, share: ShareService, fetchUrl: FetchUrl, hash: string) {
  const fail = (message: string, hint: string, name = 'this link') => {
    get().reportError({ message, hint, source: { kind: 'link', name } });
    return false;
  };
  const { decodeLink, readSetLink } = await share();
  if (/^\/?set(?:\?|$)/.test(hash.slice(hash.indexOf('#') + 1))) {
    // A set link: the repository is read (no token: a private one asks for it, and the link's flow follows).
    const link = readSetLink(hash);
    if (!link.ok) return fail(link.message, link.hint);
    const { src, flow, via, select } = link.state;
    const open = flow ? { flow, via, ...(select ? { select } : {}) } : {};
    return sayNotices(get, await get().openSet({ kind: 'repo', url: src, open }), link.notices);
  }
  // A change-set link: its code loads with it (changeLinks.ts).
  if (/^\/?changes(?:\?|$)/.test(hash.slice(hash.indexOf('#') + 1)))
    return (await import('./changeLinks')).openChangesLink(get, hash, fail, (opened, notices) =>
      sayNotices(get, opened, notices),
    );
  const decoded = await decodeLink(hash);
  if (!decoded.ok) return fail(decoded.message, decoded.hint);
  const { state } = decoded;
  const refs = state.route === 'diff' ? [state.a, state.b] : [state.a];
  const inputs: FlowInput[] = [];
  for (const ref of refs) {
    if (!ref) continue;
    const input = await resolve(ref, fetchUrl);
    if ('message' in input) return fail(input.message, input.hint, ref.kind === 'url' ? ref.url : 'this link');
    inputs.push(input);
  }
  const [a, b] = inputs;
  if (!a) return false;
  // The link's layout, if any, is the first one asked for (saved on a flow without positions: Auto-Layout).
  if (state.route === 'diff' && b) {
    // The link's noise filters (none when it has none: the reader sees what its sender saw).
    await get().setNoise(new Set(state.ignore));
    if (!(await get().compare(a, b, state.layout))) return false;
    if (state.mode) get().setDiffMode(state.mode);
  } else {
    await ensureReader(a.text);
    if (!get().load(a.text, a.source, undefined, state.layout)) return false;
  }
  if (state.sel) get().select(state.sel);
  return sayNotices(get, true, decoded.notices);
}

/**
 * What a link that opened could not honour (an unknown `ignore=`, `mode=` or `layout=`: share/hash.ts,
 * share/ignore.ts) in the page's banner as a notice, not an error: the rest of the link is on screen.
 */
export function sayNotices(get: GetState, opened: boolean, notices: readonly string[]): boolean {
  if (opened && notices.length > 0)
    get().reportError({
      stage: 'notice',
      message: notices.join(' '),
      hint:
        'The rest of the link opened as it says. A link made by a newer Flowscope, or edited by hand, can name ' +
        'what this one does not know.',
      source: { kind: 'link', name: 'this link' },
    });
  return opened;
}

/** A link's flow as a text to open: inline as it is, a URL fetched (its failure said with the URL). */
async function resolve(ref: FlowRef, fetchUrl: FetchUrl): Promise<FlowInput | { message: string; hint: string }> {
  if (ref.kind === 'inline')
    return {
      text: ref.text,
      source: { kind: 'link', name: ref.name ? `${ref.name}${LINKED}` : 'the flow in the link' },
    };
  // Likely the reader it needs, fetched beside the file (the file's content decides: `ensureReader`).
  void loadReader(/\.json(?:[?#]|$)/i.test(ref.url) ? 'json' : 'xml');
  try {
    const file = await fetchUrl(ref.url, {});
    return { text: file.text, source: { kind: 'url', name: file.name } };
  } catch (e) {
    const err = e as { message?: string; hint?: string };
    return {
      message: `Could not fetch ${ref.url}: ${err.message ?? String(e)}`,
      hint: err.hint ?? 'Check that the file is public and the address is right.',
    };
  }
}
