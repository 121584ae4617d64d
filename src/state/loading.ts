import { fetchFlowUrl, readFileText } from './defaults';
import type { AppState, GetState, StoreDeps } from './types';

// The compare dialog reads its two files itself (each side is checked before comparing).
export { readFileText } from './defaults';

type LoadingSlice = Pick<AppState, 'loadFile' | 'loadUrl'>;

/** Opening a flow from the user's files or from a URL. */
export function loadingSlice(get: GetState, deps: StoreDeps): LoadingSlice {
  const readFile = deps.readFile ?? readFileText;
  const fetchUrl = deps.fetchUrl ?? fetchFlowUrl;
  return {
    loadFile: async (file) => {
      const read = await readFile(file);
      if (read.ok) return get().load(read.text, { kind: 'file', name: read.name });
      get().reportError({ message: read.message, hint: read.hint, source: { kind: 'file', name: read.name } });
      return false;
    },
    loadUrl: async (url, token = '') => {
      const file = await fetchUrl(url, { token });
      return get().load(file.text, { kind: 'url', name: file.name });
    },
  };
}
