/** The set client's and worker's errors (issue 13), apart from the worker's code so the page's side stays small. */

/** What a cancelled (or superseded) request rejects with, as `fetch` does. */
export const abortError = (message = 'The set was not read: cancelled.') => new DOMException(message, 'AbortError');

export class SetWorkerError extends Error {
  override name = 'SetWorkerError';
}

export class SetTimeoutError extends Error {
  override name = 'SetTimeoutError';
}
