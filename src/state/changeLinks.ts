import { changesLinkUrl, readChangesLink } from '../share/changes/link';
import type { BuiltLink } from '../share/index';
import type { AppState, GetState } from './types';

/**
 * Opens a `#/changes` link: read with no token (a private repository asks for one; the link's flow follows);
 * `said` shows its notices once it has opened.
 */
export function openChangesLink(
  get: GetState,
  hash: string,
  fail: (message: string, hint: string) => boolean,
  /** Called once it has opened (or not), with what the link named that is unknown (share/changes/link.ts). */
  said: (opened: boolean, notices: string[]) => boolean,
) {
  const link = readChangesLink(hash);
  if (!link.ok) return fail(link.message, link.hint);
  const { src, base, head, ignore, ...open } = link.state;
  // The link's noise filters for every comparison of the set (none when it has none).
  return get()
    .setNoise(new Set(ignore))
    .then(() =>
      src !== undefined
        ? get().openChanges({ kind: 'pull', url: src, open })
        : get().openChanges({ kind: 'refs', base: base ?? '', head: head ?? '', open }),
    )
    .then((opened) => said(opened, link.notices));
}

/**
 * The link of a change set's screen (issue 14): its list, or the comparison of one of its flows, as a
 * `#/changes` link; a change set of folders on this computer cannot be linked (its list says so, a flow's
 * comparison is shared as any comparison is). Undefined when what is on screen is not the change set's.
 */
export async function changeLinkForScreen(s: AppState, site: string): Promise<BuiltLink | undefined> {
  const c = s.changeSet;
  if (!c) return undefined;
  const flow = c.listing ? undefined : c.flow;
  const ownFlow =
    flow !== undefined && (s.comparison?.after.doc.name === flow || s.comparison?.before.doc.name === flow);
  if (!c.listing && !ownFlow) return undefined;
  if (c.source.kind === 'local') {
    if (ownFlow) return undefined;
    return {
      ok: false,
      message: 'This change set was opened from folders on this computer: a link cannot carry it.',
      hint: 'Open one of its flows to share that comparison, or compare two repository refs or a pull request.',
    };
  }
  const where = c.source.kind === 'pull' ? { src: c.source.url } : { base: c.source.base, head: c.source.head };
  const at = ownFlow
    ? {
        flow,
        ...(s.selection ? { select: s.selection } : {}),
        ...(s.diffMode !== 'overlay' ? { mode: s.diffMode } : {}),
      }
    : {};
  return changesLinkUrl({ ...where, ...at, ...(s.noise.size > 0 ? { ignore: [...s.noise] } : {}) }, site);
}
