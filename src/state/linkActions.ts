import { ensureReader, loadReader } from '../model/parse/onDemand';
import type { BuiltLink, FlowRef } from '../share/index';
import { defaultChoice } from './layoutChoice';
import { LINKED } from './links';
import type { AppState, FetchUrl, FlowInput, GetState, ShareService } from './types';

/**
 * Opening what a link carries and making the link to what is on screen: links.ts loads this on first use
 * (a page opened without a link, that shares nothing, does without it).
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
    return get().openSet({ kind: 'repo', url: src, open: flow ? { flow, via, ...(select ? { select } : {}) } : {} });
  }
  // A change-set link: its code loads with it (changeLinks.ts).
  if (/^\/?changes(?:\?|$)/.test(hash.slice(hash.indexOf('#') + 1)))
    return (await import('./changeLinks')).openChangesLink(get, hash, fail);
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
  return true;
}

export async function linkForScreen(s: AppState, share: ShareService, site: string): Promise<BuiltLink> {
  // A change set's list, or one of its flows' comparison (its code loads then: changeLinks.ts).
  if (s.changeSet) {
    const built = await (await import('./changeLinks')).changeLinkForScreen(s, site);
    if (built) return built;
  }
  // With a set open, what is on screen may be the set's (its code loads then: setLinks.ts).
  if (s.set) return (await import('./setLinks')).setLinkForScreen(s, share, site, () => flowLink(s, share, site));
  return flowLink(s, share, site);
}

/** The link of the flow or comparison on screen. */
async function flowLink(s: AppState, share: ShareService, site: string): Promise<BuiltLink> {
  const { buildLink, inlineRef } = await share();
  const ref = (f: { source: { kind: string; name: string }; doc: Parameters<typeof inlineRef>[0] }): FlowRef =>
    f.source.kind === 'url' ? { kind: 'url', url: f.source.name } : inlineRef(f.doc);
  // The Layout choice goes into the link only when it is not what the flow opens with anyway.
  const shown = s.comparison ?? s.flow;
  const layout = shown && s.layoutChoice !== defaultChoice(shown.positions) ? { layout: s.layoutChoice } : {};
  const sel = s.selection ? { sel: s.selection } : {};
  if (s.comparison) {
    const { before, after } = s.comparison;
    const ignore = s.noise.size > 0 ? { ignore: [...s.noise] } : {};
    return buildLink(
      { v: 1, route: 'diff', a: ref(before), b: ref(after), mode: s.diffMode, ...layout, ...ignore, ...sel },
      site,
    );
  }
  if (!s.flow) return { ok: false as const, message: 'Open a flow first.', hint: 'Load a flow, then copy its link.' };
  return buildLink({ v: 1, route: 'view', a: ref(s.flow), ...layout, ...sel }, site);
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
