import { lazyCode } from './lazyCode';
import type { LoadingSlice } from './loadingActions';
import type { GetState, StoreDeps } from './types';

// The compare dialog reads its two files itself (each side is checked before comparing).
export { readFileText } from './defaults';

/**
 * Opening a flow from the user's files or from a URL: the code (loadingActions.ts) loads with the first file or
 * URL opened, a page that opens neither (a sample, a link) does without it.
 */
export function loadingSlice(get: GetState, deps: StoreDeps): LoadingSlice {
  const { call } = lazyCode(() => import('./loadingActions').then((m) => m.loadingActions(get, deps)));
  return { loadFile: call('loadFile'), loadUrl: call('loadUrl') };
}
