import { loadReader } from '../model/parse/onDemand';
import type { LinkLayout } from '../share/index';
import type { LayoutChoice } from './layoutChoice';
import { fetchFlowUrl, loadShare } from './defaults';
import { messageOf } from './screen';
import type { AppState, GetState, StoreDeps } from './types';

type LinkSlice = Pick<AppState, 'openLink' | 'linkForScreen'>;

/** What a flow opened from a link is called on screen: its name, and where it came from. */
export const LINKED = ' (from the link)';

/** A source's plain name, for a picture's title or a file name: no "(from the link)", "pasted text" for a paste. */
export function plainSourceName(source: { kind: string; name: string }): string {
  if (source.kind === 'paste') return 'pasted text';
  return source.kind === 'link' && source.name.endsWith(LINKED) ? source.name.slice(0, -LINKED.length) : source.name;
}

/** The actions' code, loaded when a link is first opened (linkActions.ts). */
const loadActions = () => import('./linkActions');

/** Share links: opening what one carries, and making one for what is on screen. */
export function linkSlice(get: GetState, deps: StoreDeps): LinkSlice {
  const share = deps.share ?? loadShare;
  const fetchUrl = deps.fetchUrl ?? fetchFlowUrl;
  return {
    openLink: async (hash) => {
      try {
        // All at once: the actions, the link code and (a link's flows are Tooling JSON) the JSON reader.
        if (/[?&]z=/.test(hash)) void loadReader('json');
        const [{ openLinked }] = await Promise.all([loadActions(), share()]);
        return await openLinked(get, share, fetchUrl, hash);
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
    // The making code and the link code at once (the first needs the second).
    linkForScreen: async (site) => {
      const [{ linkForScreen }] = await Promise.all([import('./linkMaking'), share()]);
      return linkForScreen(get(), share, site);
    },
  };
}

/** The link's layout names and the app's Layout choices are one list (share/ may not import layout/). */
const _sameChoices: [LinkLayout, LayoutChoice] extends [LayoutChoice, LinkLayout] ? true : never = true;
