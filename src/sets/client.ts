/** The set worker's client (issue 13). Placeholder until the worker lands: every call says so. */
import type { SetClient } from './types';

const notYet = () => Promise.reject(new Error('Flow sets are not built yet.'));

/** The browser's client: the set worker, started on the first `open`. */
export function createSetClient(): SetClient {
  return { open: notYet, search: notYet, flow: notYet, dispose: () => undefined };
}

/** The same client in this thread (Node: tests, the CLI). */
export function createLocalSetClient(): SetClient {
  return createSetClient();
}
