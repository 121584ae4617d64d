/**
 * The set worker's message loop, apart from the worker's global scope so a test can drive it: requests are
 * answered in order (a search or a flow asked while a set is being read waits for it), except `cancel`,
 * which is heard at once and stops the read at its next slice.
 */
import { createChangeEngine, type ChangeEngine } from '../changes';
import { createSetEngine } from '../engine';
import { SetOpenError } from '../types';
import type { SetInputFile } from '../types';
import type { SetRequest, SetResponse } from './messages';

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** Handles each request; `post` sends answers back. Returns the handler for incoming requests. */
export function serveSets(post: (message: SetResponse) => void): (request: SetRequest) => void {
  const engine = createSetEngine();
  const cancelled = new Set<number>();
  /** Opens queued or reading: a cancel for any other id (one already answered) is dropped. */
  const opening = new Set<number>();
  /** Opens still coming in parts: the files so far (the read has begun on them), and who waits for more. */
  const parts = new Map<number, { files: SetInputFile[]; done: boolean; last: boolean; wake?: () => void }>();
  /** Opens that ended (cancelled, failed) before all their parts came: the late parts are dropped. */
  const over = new Set<number>();
  let queue: Promise<void> = Promise.resolve();
  let changes: ChangeEngine | undefined;
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
        const coming = parts.get(id);
        const more = coming
          ? () =>
              coming.done
                ? Promise.resolve(false)
                : new Promise<boolean>((resolve) => {
                    coming.wake = () => resolve(true);
                  })
          : undefined;
        const summary = await engine.open(request.files, {
          onProgress: (progress) => post({ type: 'progress', id, progress }),
          cancelled: () => cancelled.has(id),
          ...(request.skipped ? { skipped: request.skipped } : {}),
          ...(more ? { more } : {}),
          ...(request.total !== undefined ? { total: request.total } : {}),
        });
        post({ type: 'opened', id, summary });
        engine.warm(); // the list is shown meanwhile; a search asked now waits for this
      } else if (request.type === 'search')
        post({ type: 'searched', id, result: engine.search(request.query, request.limit) });
      else if (request.type === 'flow') post({ type: 'flow', id, flow: engine.flow(request.name) });
      else if (request.type === 'compare') {
        if (cancelled.has(id)) throw new DOMException('cancelled', 'AbortError');
        changes ??= createChangeEngine();
        const result = await changes.compare(request.base, request.head, {
          onProgress: (progress) => post({ type: 'changeProgress', id, progress }),
          onRows: (rows, done, total) => post({ type: 'changeRows', id, rows, done, total }),
          cancelled: () => cancelled.has(id),
          ...(request.baseSkipped ? { baseSkipped: request.baseSkipped } : {}),
          ...(request.headSkipped ? { headSkipped: request.headSkipped } : {}),
          ...(request.renamed ? { renamed: request.renamed } : {}),
        });
        post({ type: 'compared', id, result });
      } else if (request.type === 'changeFlow')
        post({ type: 'changeFlow', id, flow: changes?.changeFlow(request.name) });
    } catch (e) {
      fail(id, e);
    } finally {
      cancelled.delete(id);
      opening.delete(id);
      if (parts.get(id)?.last === false) over.add(id);
      parts.delete(id);
    }
  };
  return (request) => {
    if (request.type === 'cancel') {
      if (!opening.has(request.id)) return;
      cancelled.add(request.id);
      const coming = parts.get(request.id);
      if (coming) {
        coming.done = true;
        coming.wake?.();
      }
      return;
    }
    if (request.type === 'open') {
      if (over.has(request.id)) {
        if (!request.more) over.delete(request.id);
        return;
      }
      const coming = parts.get(request.id);
      if (coming) {
        // A further part of an open that has begun: its files join the read, which may be waiting for them.
        coming.files.push(...request.files);
        coming.last = !request.more;
        coming.done ||= coming.last;
        coming.wake?.();
        coming.wake = undefined;
        return;
      }
      opening.add(request.id);
      const files = [...request.files];
      if (request.more) parts.set(request.id, { files, done: false, last: false });
      const whole: SetRequest = { type: 'open', id: request.id, files };
      if (request.skipped) whole.skipped = request.skipped;
      if (request.total !== undefined) whole.total = request.total;
      queue = queue.then(() => run(whole));
      return;
    }
    if (request.type === 'compare') opening.add(request.id);
    queue = queue.then(() => run(request));
  };
}
