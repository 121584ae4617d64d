import type { BuiltLink } from '../share/index';
import type { AppState, ShareService } from './types';

/**
 * The link of a flow set's screen (issue 13): linkActions.ts loads this only when a link is made while a set is
 * open, so a page that opens or shares a single flow's link does without it.
 */

/** What a set's warning says: a link cannot carry a set read from this computer's files or from an org. */
const ON_SCREEN = 'a link cannot carry it. The link shares the flow on screen.';
export const LOCAL_SET_WARNING = {
  files: `This set was opened from files on this computer; ${ON_SCREEN}`,
  org: `This set was opened from an org; ${ON_SCREEN}`,
};
const LOCAL_SET_NO_LINK = {
  files: 'This set was opened from files on this computer: a link cannot carry it.',
  org: 'This set was opened from an org: a link cannot carry it.',
};

/**
 * The link of what is on screen while a set is open: a repository's set is its `#/set` link (the list, or a flow
 * with its breadcrumb); a set from files or an org shares the flow on screen with a warning, its list nothing.
 * A comparison, or a flow from elsewhere opened over the set's, is `flowLink`'s own link.
 */
export async function setLinkForScreen(
  s: AppState,
  share: ShareService,
  site: string,
  flowLink: () => Promise<BuiltLink>,
): Promise<BuiltLink> {
  const set = s.set;
  // The set's flow on screen: the breadcrumb's last (unless a flow from elsewhere was opened over it since).
  const flow = set && !set.listing ? set.path.at(-1) : undefined;
  const setFlow = flow !== undefined && s.flow?.doc.name === flow;
  if (!set || s.comparison || !(set.listing || setFlow)) return flowLink();
  if (set.source.kind === 'repo') {
    const at = flow ? { flow, via: set.path.slice(0, -1), ...(s.selection ? { select: s.selection } : {}) } : {};
    return (await share()).setLinkUrl({ src: set.source.url, via: [], ...at }, site);
  }
  const local = set.source.kind === 'org' ? 'org' : 'files';
  const warning = LOCAL_SET_WARNING[local];
  if (!setFlow)
    return { ok: false, message: LOCAL_SET_NO_LINK[local], hint: 'Open one of its flows to share that one flow.' };
  const built = await flowLink();
  return built.ok ? { ...built, warning: built.warning ? `${warning} ${built.warning}` : warning } : built;
}
