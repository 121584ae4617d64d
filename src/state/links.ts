import { ensureReader, loadReader } from '../model/parse/onDemand';
import type { FlowRef, LinkLayout } from '../share/index';
import { defaultChoice, type LayoutChoice } from './layoutChoice';
import { fetchFlowUrl, loadShare } from './defaults';
import { messageOf } from './screen';
import type { AppState, FetchUrl, FlowInput, GetState, StoreDeps } from './types';

type LinkSlice = Pick<AppState, 'openLink' | 'linkForScreen'>;

/** What a flow opened from a link is called on screen: its name, and where it came from. */
const LINKED = ' (from the link)';

/** A source's plain name, for a picture's title or a file name: no "(from the link)", "pasted text" for a paste. */
export function plainSourceName(source: { kind: string; name: string }): string {
  if (source.kind === 'paste') return 'pasted text';
  return source.kind === 'link' && source.name.endsWith(LINKED) ? source.name.slice(0, -LINKED.length) : source.name;
}

/** Share links: opening what one carries, and making one for what is on screen. */
export function linkSlice(get: GetState, deps: StoreDeps): LinkSlice {
  const share = deps.share ?? loadShare;
  const fetchUrl = deps.fetchUrl ?? fetchFlowUrl;
  const openLinked = async (hash: string) => {
    const fail = (message: string, hint: string, name = 'this link') => {
      get().reportError({ message, hint, source: { kind: 'link', name } });
      return false;
    };
    // The flows a link carries are Tooling JSON: their reader loads beside the link code, not after it.
    if (/[?&]z=/.test(hash)) void loadReader('json');
    const { decodeLink } = await share();
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
      if (!(await get().compare(a, b, state.layout))) return false;
      if (state.mode) get().setDiffMode(state.mode);
    } else {
      await ensureReader(a.text);
      if (!get().load(a.text, a.source, undefined, state.layout)) return false;
    }
    if (state.sel) get().select(state.sel);
    return true;
  };
  return {
    openLink: async (hash) => {
      try {
        return await openLinked(hash);
      } catch (e) {
        // Nothing a link carries may end as an uncaught rejection: the banner says what failed.
        get().reportError({
          message: `Internal error: ${messageOf(e)}`,
          hint: 'What was open stays on screen. Reload the page to try again; if it keeps failing, please report it.',
          source: { kind: 'link', name: 'this link' },
        });
        return false;
      }
    },
    linkForScreen: async (site) => {
      const { buildLink, inlineRef } = await share();
      const s = get();
      const ref = (f: { source: { kind: string; name: string }; doc: Parameters<typeof inlineRef>[0] }): FlowRef =>
        f.source.kind === 'url' ? { kind: 'url', url: f.source.name } : inlineRef(f.doc);
      // The Layout choice goes into the link only when it is not what the flow opens with anyway.
      const shown = s.comparison ?? s.flow;
      const layout = shown && s.layoutChoice !== defaultChoice(shown.positions) ? { layout: s.layoutChoice } : {};
      if (s.comparison) {
        return buildLink(
          {
            v: 1,
            route: 'diff',
            a: ref(s.comparison.before),
            b: ref(s.comparison.after),
            mode: s.diffMode,
            ...layout,
            ...(s.selection ? { sel: s.selection } : {}),
          },
          site,
        );
      }
      if (!s.flow) return { ok: false, message: 'Open a flow first.', hint: 'Load a flow, then copy its link.' };
      return buildLink(
        { v: 1, route: 'view', a: ref(s.flow), ...layout, ...(s.selection ? { sel: s.selection } : {}) },
        site,
      );
    },
  };
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

/** The link's layout names and the app's Layout choices are one list (share/ may not import layout/). */
const _sameChoices: [LinkLayout, LayoutChoice] extends [LayoutChoice, LinkLayout] ? true : never = true;
