import { errorDetail, short } from './http';
import { redact, SourceError } from './redact';
import { isRecordId } from './soql';
import type { VersionRead } from './toolingTypes';

/**
 * Many flow versions at once (a flow set from an org) through the Tooling composite batch API
 * (`POST …/tooling/composite/batch`, at most 25 subrequests each): one request per 25 versions instead of 25.
 * The answer keeps the ids' order; an id that is not a record id, or that the org could not read, is an error
 * entry, not a failure of the whole. An org without the composite endpoint (404) is read one version at a time.
 */

/** Salesforce's limit of subrequests in one composite batch. */
export const BATCH_SIZE = 25;

export interface BatchDeps {
  /** POSTs one batch body; resolves to the JSON answer (`{hasErrors, results: [{statusCode, result}]}`). */
  batch(body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** One version the ordinary way (the fallback). */
  one(id: string, signal?: AbortSignal): Promise<string>;
  apiVersion: string;
  /** Redacted from every error text (an org may echo what it was sent). */
  secrets: readonly string[];
}

/** Batch-level answers that say the session cannot go on: they reject rather than mark every version. */
const FATAL = new Set([
  'unauthorized',
  'forbidden',
  'disconnected',
  'aborted',
  'api-version',
  'redirect',
  'foreign-host',
]);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function readVersions(
  ids: readonly string[],
  deps: BatchDeps,
  signal?: AbortSignal,
): Promise<VersionRead[]> {
  const out: VersionRead[] = ids.map((id) =>
    isRecordId(id) ? { id, text: '' } : { id, error: `“${short(id, 40)}” is not a flow version id.` },
  );
  const valid = ids.flatMap((id, i) => (isRecordId(id) ? [i] : []));
  let composite = true;
  const oneByOne = async (indices: readonly number[]) => {
    for (const i of indices) {
      const id = ids[i] as string;
      try {
        out[i] = { id, text: await deps.one(id, signal) };
      } catch (e) {
        if (signal?.aborted || (e instanceof SourceError && FATAL.has(e.kind))) throw e;
        out[i] = { id, error: message(e) };
      }
    }
  };
  for (let start = 0; start < valid.length; start += BATCH_SIZE) {
    if (signal?.aborted) throw new SourceError('aborted', 'The request was cancelled.', '', []);
    const chunk = valid.slice(start, start + BATCH_SIZE);
    if (!composite) {
      await oneByOne(chunk);
      continue;
    }
    let answer: Record<string, unknown>;
    try {
      answer = await deps.batch(
        {
          batchRequests: chunk.map((i) => ({
            method: 'GET',
            url: `v${deps.apiVersion}/tooling/sobjects/Flow/${ids[i]}`,
          })),
          haltOnError: false,
        },
        signal,
      );
    } catch (e) {
      if (signal?.aborted || !(e instanceof SourceError)) throw e;
      if (e.status === 404) {
        // No composite endpoint here (an old API version, a proxy): one at a time from now on.
        composite = false;
        await oneByOne(chunk);
        continue;
      }
      if (FATAL.has(e.kind)) throw e;
      for (const i of chunk) out[i] = { id: ids[i] as string, error: e.message };
      continue;
    }
    const results = Array.isArray(answer.results) ? (answer.results as unknown[]) : [];
    chunk.forEach((i, j) => {
      const read = item(ids[i] as string, results[j]);
      out[i] = 'error' in read ? { id: read.id, error: redact(read.error, deps.secrets) } : read;
    });
  }
  return out;
}

/** One subrequest's result: the record as JSON text, or what went wrong in words. */
function item(id: string, r: unknown): VersionRead {
  const o = typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : {};
  const status = typeof o.statusCode === 'number' ? o.statusCode : 0;
  const result = o.result;
  if (status >= 200 && status < 300 && typeof result === 'object' && result !== null && !Array.isArray(result))
    return { id, text: JSON.stringify(result) };
  if (status === 0) return { id, error: `The org’s batch answer had no result for flow version ${id}.` };
  const { code, message } = errorDetail(JSON.stringify(result ?? null));
  const said = message ? `: ${message}${code ? ` (${code})` : ''}` : '';
  if (status === 404)
    return { id, error: `Flow version ${id} was not found in the org${said}; it may have been deleted.` };
  return { id, error: `The org answered ${status} for flow version ${id}${said}.` };
}
