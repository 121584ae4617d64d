/**
 * The set worker's message loop, apart from the worker's global scope so a test can drive it: requests are
 * answered in order (a search or a flow asked while a set is being read waits for it), except `cancel`,
 * which is heard at once and stops the read at its next slice.
 */
import { createSetEngine } from '../engine';
import { SetOpenError } from '../types';
import type { SetSkip } from '../../model/set';
import type { SetInputFile } from '../types';
import type { SetRequest, SetResponse } from './messages';

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** Handles each request; `post` sends answers back. Returns the handler for incoming requests. */
export function serveSets(post: (message: SetResponse) => void): (request: SetRequest) => void {
  const engine = createSetEngine();
  const cancelled = new Set<number>();
  /** Opens queued or reading: a cancel for any other id (one already answered) is dropped. */
  const opening = new Set<number>();
  /** Opens still coming in parts. */
  const parts = new Map<number, { files: SetInputFile[]; skipped?: readonly SetSkip[] }>();
  let queue: Promise<void> = Promise.resolve();
  const fail = (id: number, e: unknown) => {
    if (isAbort(e)) post({ type: 'error', id, kind: 'aborted', message: 'cancelled' });
    else if (e instanceof SetOpenError) post({ type: 'error', id, kind: 'open', message: e.message, hint: e.hint });
    else post({ type: 'error', id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  };
  const run = async (request: SetRequest) => {
    const { id } = request;
    try {
      if (request.type === 'open') {
        if (cancelled.has(id)) throw new DOMException('cancelled', 'AbortError');
        const summary = await engine.open(request.files, {
          onProgress: (progress) => post({ type: 'progress', id, progress }),
          cancelled: () => cancelled.has(id),
          ...(request.skipped ? { skipped: request.skipped } : {}),
        });
        post({ type: 'opened', id, summary });
        engine.warm(); // the list is shown meanwhile; a search asked now waits for this
      } else if (request.type === 'search')
        post({ type: 'searched', id, result: engine.search(request.query, request.limit) });
      else if (request.type === 'flow') post({ type: 'flow', id, flow: engine.flow(request.name) });
    } catch (e) {
      fail(id, e);
    } finally {
      cancelled.delete(id);
      opening.delete(id);
    }
  };
  return (request) => {
    if (request.type === 'cancel') {
      if (parts.delete(request.id)) fail(request.id, new DOMException('cancelled', 'AbortError'));
      else if (opening.has(request.id)) cancelled.add(request.id);
      return;
    }
    if (request.type === 'open') {
      let gathered = parts.get(request.id);
      if (!gathered) {
        gathered = { files: [], ...(request.skipped ? { skipped: request.skipped } : {}) };
        parts.set(request.id, gathered);
      }
      gathered.files.push(...request.files);
      if (request.more) return;
      parts.delete(request.id);
      opening.add(request.id);
      const whole: SetRequest = { type: 'open', id: request.id, files: gathered.files };
      if (gathered.skipped) whole.skipped = gathered.skipped;
      queue = queue.then(() => run(whole));
      return;
    }
    queue = queue.then(() => run(request));
  };
}
