import type { FlowRef } from '../share/types';
import type { AppStore, FlowInput } from '../state/store';

/** Is this hash a Flowscope link (`#/view?…`, `#/diff?…`)? Cheap and synchronous: decides whether to open the default sample. */
export const isLinkHash = (hash: string) => /^#\/(view|diff)(\?|$)/.test(hash);

/** Embed mode (`?embed=1`): canvas only, fitted, read-only, for an <iframe> in docs. */
export const isEmbed = (search: string) => new URLSearchParams(search).get('embed') === '1';

/**
 * Opens what a link carries: decodes it (share/, loaded lazily), fetches URL versions (sources/), then
 * loads the flow or compares the two and applies the link's mode and selection. A bad link, or a version
 * that cannot be fetched, becomes the page's error message. Resolves whether something opened.
 */
export async function openLink(store: AppStore, hash: string): Promise<boolean> {
  const fail = (message: string, hint: string, name = 'this link') => {
    store.setState({ error: { message, hint, source: { kind: 'link', name } } });
    return false;
  };
  const { decodeLink } = await import('../share/index');
  const decoded = await decodeLink(hash);
  if (!decoded.ok) return fail(decoded.message, decoded.hint);
  const { state } = decoded;
  const refs = state.route === 'diff' ? [state.a, state.b] : [state.a];
  const inputs: FlowInput[] = [];
  for (const ref of refs) {
    if (!ref) continue;
    const input = await resolve(ref);
    if ('message' in input) return fail(input.message, input.hint, ref.kind === 'url' ? ref.url : 'this link');
    inputs.push(input);
  }
  const [a, b] = inputs;
  if (!a) return false;
  if (state.route === 'diff' && b) {
    if (!(await store.getState().compare(a, b))) return false;
    if (state.mode) store.getState().setDiffMode(state.mode);
  } else if (!store.getState().load(a.text, a.source)) return false;
  if (state.sel) store.getState().select(state.sel);
  return true;
}

async function resolve(ref: FlowRef): Promise<FlowInput | { message: string; hint: string }> {
  if (ref.kind === 'inline')
    return {
      text: ref.text,
      source: { kind: 'link', name: ref.name ? `${ref.name} (from the link)` : 'the flow in the link' },
    };
  const { fetchFlowUrl } = await import('../sources/url');
  try {
    const file = await fetchFlowUrl(ref.url);
    return { text: file.text, source: { kind: 'url', name: file.name } };
  } catch (e) {
    const err = e as { message?: string; hint?: string };
    return {
      message: `Could not fetch ${ref.url}: ${err.message ?? String(e)}`,
      hint: err.hint ?? 'Check that the file is public and the address is right.',
    };
  }
}

/** What "Copy link" shares of what is on screen: URL refs for flows opened from a URL, the flow itself otherwise. */
export async function linkForScreen(store: AppStore, site: string) {
  const { buildLink, inlineRef } = await import('../share/index');
  const s = store.getState();
  const ref = (f: { source: { kind: string; name: string }; doc: Parameters<typeof inlineRef>[0] }): FlowRef =>
    f.source.kind === 'url' ? { kind: 'url', url: f.source.name } : inlineRef(f.doc);
  if (s.comparison) {
    return buildLink(
      {
        v: 1,
        route: 'diff',
        a: ref(s.comparison.before),
        b: ref(s.comparison.after),
        mode: s.diffMode,
        ...(s.selection ? { sel: s.selection } : {}),
      },
      site,
    );
  }
  if (!s.flow) return { ok: false as const, message: 'Open a flow first.', hint: 'Load a flow, then copy its link.' };
  return buildLink({ v: 1, route: 'view', a: ref(s.flow), ...(s.selection ? { sel: s.selection } : {}) }, site);
}
