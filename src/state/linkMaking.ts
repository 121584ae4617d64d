import type { BuiltLink, FlowRef } from '../share/index';
import { defaultChoice } from './layoutChoice';
import type { AppState, ShareService } from './types';

/**
 * Making the link to what is on screen (the Share menu): links.ts loads this, with the link code, when a link
 * is first asked for; opening a link does without it (linkActions.ts).
 */

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
