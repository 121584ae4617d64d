import { ensureReader } from '../model/parse/onDemand';
import { fetchFlowUrl, readFileText } from './defaults';
import { messageOf } from './screen';
import type { AppState, GetState, StoreDeps } from './types';

export type LoadingSlice = Pick<AppState, 'loadFile' | 'loadUrl'>;

/** Opening a flow from the user's files or from a URL (loading.ts loads this with the first). */
export function loadingActions(get: GetState, deps: StoreDeps): LoadingSlice {
  const readFile = deps.readFile ?? readFileText;
  const fetchUrl = deps.fetchUrl ?? fetchFlowUrl;
  return {
    loadFile: async (file) => {
      // The reader answers with a value; should it reject all the same, that is the banner, not an uncaught error.
      const read = await readFile(file).catch((e: unknown) => ({
        ok: false as const,
        name: file.name,
        message: `Could not read ${file.name}: ${messageOf(e)}`,
        hint: 'Check that the file is still there and readable, then try again.',
      }));
      if (read.ok) {
        // The reader of its format (and for JSON the Flow REST payloads' code), so `load` answers at once.
        await Promise.all([ensureReader(read.text), get().preparePayload(read.text)]);
        return get().load(read.text, { kind: 'file', name: read.name });
      }
      get().reportError({ message: read.message, hint: read.hint, source: { kind: 'file', name: read.name } });
      return false;
    },
    loadUrl: async (url, token = '') => {
      const file = await fetchUrl(url, { token });
      await ensureReader(file.text);
      return get().load(file.text, { kind: 'url', name: file.name });
    },
  };
}
