import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createLocalSetClient, createSetClient, localSetWorker, type SetWorkerLike } from '../../src/sets/client';
import type { SetRequest, SetResponse } from '../../src/sets/worker/messages';
import { serveSets } from '../../src/sets/worker/serve';
import { SetOpenError, type SetProgress } from '../../src/sets/types';
import { generatedSet } from '../support/generateSet';
import { element, flowXml, variable } from '../model/setFixtures';

const files = [
  {
    path: 'flows/Caller.flow-meta.xml',
    text: flowXml({
      label: 'Caller',
      object: 'Opportunity',
      body: element('subflows', 'Call_Notify', 'Call', '<flowName>Notify</flowName>'),
    }),
  },
  { path: 'flows/Notify.flow-meta.xml', text: flowXml({ label: 'Notify', body: variable('recordId', true, false) }) },
  { path: 'flows/README.md', text: '# not a flow' },
  { path: 'flows/Broken.flow-meta.xml', text: '<Flow><label>oops' },
];

describe('the set client in this thread', () => {
  it('reads a set: flows, calls resolved, skips with reasons, triggers; then searches and hands a flow back', async () => {
    const client = createLocalSetClient();
    const progress: SetProgress[] = [];
    const skipped = [{ file: 'repo/package.xml', reason: 'not a flow file' }];
    const summary = await client.open(files, { onProgress: (p) => progress.push(p), skipped });
    expect(summary.flows.map((f) => f.name)).toEqual(['Caller', 'Notify']);
    expect(summary.calls).toEqual([{ caller: 'Caller', element: 'Call_Notify', callee: 'Notify', resolved: true }]);
    expect(summary.skipped).toContainEqual({ file: 'flows/README.md', reason: 'not a flow file' });
    expect(summary.skipped[0]).toEqual(skipped[0]);
    expect(summary.skipped.find((s) => s.file === 'flows/Broken.flow-meta.xml')?.reason).toBeTruthy();
    expect(summary.triggers).toEqual([
      { object: 'Opportunity', flows: [expect.objectContaining({ name: 'Caller', phase: 'RecordAfterSave' })] },
    ]);
    expect(progress.at(-1)).toEqual({ phase: 'index', done: 1, total: 1 });
    const r = await client.search('notify');
    expect(r.groups.map((g) => g.flow)).toEqual(['Notify', 'Caller']);
    expect(await client.flow('Notify')).toEqual({ name: 'Notify', file: files[1]?.path, text: files[1]?.text });
    expect(await client.flow('Nope')).toBeUndefined();
    client.dispose();
  });

  it('reads Blobs and zips, and refuses a zip that is not one with a message and a hint', async () => {
    const client = createLocalSetClient();
    const zip = zipSync({ 'pkg/flows/Zipped.flow-meta.xml': strToU8(flowXml({ label: 'Zipped' })) });
    const summary = await client.open([
      { path: 'set.zip', blob: new Blob([zip]) },
      { path: 'Loose.flow-meta.xml', blob: new Blob([flowXml({ label: 'Loose' })]) },
      { path: 'notes.txt', blob: new Blob(['x']) },
    ]);
    expect(summary.flows.map((f) => [f.name, f.file])).toEqual([
      ['Zipped', 'set.zip/pkg/flows/Zipped.flow-meta.xml'],
      ['Loose', 'Loose.flow-meta.xml'],
    ]);
    const refused = await client.open([{ path: 'bad.zip', blob: new Blob(['not a zip']) }]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SetOpenError);
    expect((refused as SetOpenError).message).toMatch(/bad\.zip is not a readable zip/);
    expect((refused as SetOpenError).hint).toMatch(/Is it a zip\?/);
    // A zip over the caps says what the caps are.
    const many = zipSync(Object.fromEntries(Array.from({ length: 20_001 }, (_, i) => [`f${i}.txt`, strToU8('')])));
    const tooMany = await client.open([{ path: 'many.zip', blob: new Blob([many]) }]).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ name: 'SetOpenError', message: 'many.zip has more than 20,000 entries' });
    expect((tooMany as SetOpenError).hint).toMatch(/up to 50 MB \(200 MB unpacked, 20,000 entries\)/);
    // The set before stays open.
    expect((await client.search('Loose')).total).toBeGreaterThan(0);
    client.dispose();
  });

  it('a cancel rejects at once with an AbortError; a newer search supersedes an older one', async () => {
    const client = createLocalSetClient();
    const big = generatedSet(300, 3).map((f) => ({ path: f.path, text: f.text }));
    const controller = new AbortController();
    const seen: SetProgress[] = [];
    const opening = client.open(big, { signal: controller.signal, onProgress: (p) => seen.push(p) });
    setTimeout(() => controller.abort(), 30);
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.some((p) => p.phase === 'index' && p.done === 1)).toBe(false);
    await client.open(files);
    const older = client.search('Caller');
    const newer = client.search('Notify');
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect((await newer).query).toBe('Notify');
    client.dispose();
  });
});

/** A fake worker: records what it is sent; the test answers. */
function fakeWorker() {
  const sent: SetRequest[] = [];
  const workers: SetWorkerLike[] = [];
  const factory = () => {
    const w: SetWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (m) => sent.push(m),
      terminate: () => {
        workers.splice(workers.indexOf(w), 1);
      },
    };
    workers.push(w);
    return w;
  };
  const answer = (m: SetResponse) => workers.at(-1)?.onmessage?.({ data: m } as MessageEvent<SetResponse>);
  return { sent, workers, factory, answer };
}

const summary = { flows: [], calls: [], skipped: [], triggers: [] };
const result = (query: string) => ({ query, groups: [], total: 0, flows: 0, truncated: false });

describe('the set client over a worker', () => {
  it('round trips by id and drops answers nobody waits for', async () => {
    const w = fakeWorker();
    const client = createSetClient({ workerFactory: w.factory });
    const opening = client.open(files);
    const open = w.sent[0] as Extract<SetRequest, { type: 'open' }>;
    expect(open).toMatchObject({ type: 'open', files });
    w.answer({ type: 'searched', id: 999, result: result('stale') });
    w.answer({ type: 'opened', id: open.id, summary });
    await expect(opening).resolves.toEqual(summary);
    const first = client.search('a');
    const second = client.search('ab');
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const [, s1, s2] = w.sent as Extract<SetRequest, { type: 'search' }>[];
    w.answer({ type: 'searched', id: s1?.id ?? 0, result: result('a') });
    w.answer({ type: 'searched', id: s2?.id ?? 0, result: result('ab') });
    await expect(second).resolves.toEqual(result('ab'));
  });

  it('a cancel tells the worker and rejects with an AbortError; a refused zip is a SetOpenError', async () => {
    const w = fakeWorker();
    const client = createSetClient({ workerFactory: w.factory });
    const controller = new AbortController();
    const opening = client.open(files, { signal: controller.signal });
    controller.abort();
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.sent.map((m) => m.type)).toEqual(['open', 'cancel']);
    const again = client.open(files);
    const id = (w.sent.at(-1) as SetRequest).id;
    w.answer({ type: 'error', id, kind: 'open', message: 'x.zip is 60 MB', hint: 'unzip it' });
    await expect(again).rejects.toEqual(new SetOpenError('x.zip is 60 MB', 'unzip it'));
  });

  it('times out a silent worker, restarts it, and reads the last set again before the next request', async () => {
    const w = fakeWorker();
    const client = createSetClient({ workerFactory: w.factory, timeoutMs: 40 });
    const opening = client.open(files);
    // Progress keeps it alive past the timeout.
    const openId = (w.sent[0] as SetRequest).id;
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 25));
      w.answer({ type: 'progress', id: openId, progress: { phase: 'parse', done: i, total: 3 } });
    }
    w.answer({ type: 'opened', id: openId, summary });
    await opening;
    const stuck = client.search('x');
    await expect(stuck).rejects.toMatchObject({ name: 'SetTimeoutError' });
    expect(w.workers).toHaveLength(0);
    const next = client.flow('Notify');
    expect(w.workers).toHaveLength(1);
    expect(w.sent.slice(-2).map((m) => m.type)).toEqual(['open', 'flow']);
    w.answer({ type: 'flow', id: (w.sent.at(-1) as SetRequest).id, flow: undefined });
    await expect(next).resolves.toBeUndefined();
  });

  it('a crashed worker rejects what waits, and the next request starts a new one', async () => {
    const w = fakeWorker();
    const client = createSetClient({ workerFactory: w.factory });
    const pending = client.search('x');
    w.workers[0]?.onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(pending).rejects.toMatchObject({ name: 'SetWorkerError', message: expect.stringMatching(/boom/) });
    const next = client.search('y');
    w.answer({ type: 'searched', id: (w.sent.at(-1) as SetRequest).id, result: result('y') });
    await expect(next).resolves.toEqual(result('y'));
  });

  it('sends a big set in parts of a few MB, so no one message blocks the page', async () => {
    const w = fakeWorker();
    const client = createSetClient({ workerFactory: w.factory });
    const pad = `<!--${'x'.repeat(2_500_000)}-->`;
    const big = ['A', 'B', 'C'].map((n) => ({ path: `${n}.flow-meta.xml`, text: flowXml({ label: n, body: pad }) }));
    const opening = client.open(big, { skipped: [{ file: 'x', reason: 'not a flow file' }] });
    await new Promise((r) => setTimeout(r, 20));
    const sent = w.sent as Extract<SetRequest, { type: 'open' }>[];
    expect(sent.map((m) => [m.files.length, m.more === true, m.skipped !== undefined])).toEqual([
      [1, true, true],
      [1, true, false],
      [1, false, false],
    ]);
    w.answer({ type: 'opened', id: sent[0]?.id ?? 0, summary });
    await opening;
    // The worker gathers the parts into one set.
    const local = createLocalSetClient();
    const read = await local.open(big, { skipped: [{ file: 'x', reason: 'not a flow file' }] });
    expect(read.flows.map((f) => f.name)).toEqual(['A', 'B', 'C']);
    expect(read.skipped).toEqual([{ file: 'x', reason: 'not a flow file' }]);
    local.dispose();
  });

  it('sends Files 50 a part, saying the total first; the worker reads the first part before the last arrives', async () => {
    const w = fakeWorker();
    const client = createSetClient({ workerFactory: w.factory });
    const blobs = Array.from({ length: 120 }, (_, i) => ({
      path: `F${i}.flow-meta.xml`,
      blob: new Blob([flowXml({ label: `F${i}` })]),
    }));
    const opening = client.open(blobs);
    await new Promise((r) => setTimeout(r, 30));
    const sent = w.sent as Extract<SetRequest, { type: 'open' }>[];
    expect(sent.map((m) => [m.files.length, m.more === true, m.total])).toEqual([
      [50, true, 120],
      [50, true, undefined],
      [20, false, undefined],
    ]);
    w.answer({ type: 'opened', id: sent[0]?.id ?? 0, summary });
    await opening;

    // The worker's side: progress about the first part comes before the last part is sent.
    const answers: SetResponse[] = [];
    const handle = serveSets((m) => answers.push(m));
    handle({ type: 'open', id: 1, files: blobs.slice(0, 50), more: true, total: 120 });
    await expect.poll(() => answers.some((a) => a.type === 'progress' && a.progress.done > 0)).toBe(true);
    expect(answers.find((a) => a.type === 'progress')).toMatchObject({ progress: { total: 120 } });
    handle({ type: 'open', id: 1, files: blobs.slice(50, 100), more: true });
    handle({ type: 'open', id: 1, files: blobs.slice(100) });
    await expect.poll(() => answers.find((a) => a.type === 'opened'), { timeout: 10_000 }).toBeDefined();
    const opened = answers.find((a) => a.type === 'opened') as Extract<SetResponse, { type: 'opened' }>;
    expect(opened.summary.flows).toHaveLength(120);

    // Cancelled while parts are still coming: the read stops, and a late part starts nothing.
    handle({ type: 'open', id: 2, files: blobs.slice(0, 50), more: true, total: 120 });
    handle({ type: 'cancel', id: 2 });
    await expect.poll(() => answers.some((a) => a.type === 'error' && a.id === 2 && a.kind === 'aborted')).toBe(true);
    handle({ type: 'open', id: 2, files: blobs.slice(50, 100) });
    await new Promise((r) => setTimeout(r, 50));
    expect(answers.filter((a) => a.id === 2).map((a) => a.type)).not.toContain('opened');
  });

  it('the local worker speaks the same messages', async () => {
    const client = createSetClient({ workerFactory: localSetWorker });
    expect((await client.open(files)).flows).toHaveLength(2);
    client.dispose();
  });
});
