/// <reference lib="webworker" />
/** The set worker (issue 13): reads, unzips, parses, indexes and searches a flow set off the page's thread. */
import type { SetRequest } from './messages';
import { serveSets } from './serve';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = serveSets((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<SetRequest>) => {
  if (event.data && typeof event.data === 'object') handle(event.data);
};
