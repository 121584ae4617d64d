import type { FileText } from '../sources/file';
import type { FetchUrl, ShareService } from './types';

/**
 * The real sources and link codec the store uses unless a test injects its own, each loaded with `import()` on
 * first use: the file reader, the URL fetcher and the link codec stay out of the first screen. (The org's, the
 * Tooling API client and token storage, are in orgActions.ts, which itself loads on first use.)
 */
export const readFileText = (file: File): Promise<FileText> =>
  import('../sources/file').then((m) => m.readFileText(file));

export const fetchFlowUrl: FetchUrl = (url, options) =>
  import('../sources/url').then((m) => m.fetchFlowUrl(url, options));

export const loadShare: ShareService = () => import('../share/index');
