import type { FileText } from '../sources/file';
import type { Connect, FetchUrl, ShareService } from './types';

/**
 * The real sources and link codec the store uses unless a test injects its own, each loaded with `import()` on
 * first use: the file reader, the Tooling API client, the URL fetcher, token storage and the link codec stay
 * out of the first screen.
 */
export const readFileText = (file: File): Promise<FileText> =>
  import('../sources/file').then((m) => m.readFileText(file));

export const fetchFlowUrl: FetchUrl = (url, options) =>
  import('../sources/url').then((m) => m.fetchFlowUrl(url, options));

export const connectToOrg: Connect = (options) => import('../sources/tooling').then((m) => m.connect(options));

export const loadShare: ShareService = () => import('../share/index');

/** Remembering an org session for the tab (`sessionStorage` only, and only when asked), and the API default. */
export const loadOrgSession = () =>
  Promise.all([import('../sources/redact'), import('../sources/toolingInput')]).then(([redact, salesforce]) => ({
    ...redact,
    DEFAULT_API_VERSION: salesforce.DEFAULT_API_VERSION,
  }));
export type OrgSession = Awaited<ReturnType<typeof loadOrgSession>>;

/** The tab's `sessionStorage`, or nothing where there is none or it is blocked (a sandboxed frame). */
export const tabStorage = (): Storage | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
};
