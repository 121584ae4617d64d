import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/index';
import { SourceError } from '../../src/sources/redact';
import { connect } from '../../src/sources/tooling';
import type { OrgClient } from '../../src/sources/toolingTypes';
import { type MockTooling, startMockTooling } from '../helpers/mockTooling';

let mock: MockTooling;
let client: OrgClient;
let versionIds: string[];
beforeAll(async () => {
  mock = await startMockTooling({ allowOrigin: 'https://flowscope.example' });
  client = await connect({ instanceUrl: mock.url, token: mock.token });
  versionIds = mock.flows.flatMap((f) => f.versions.map((v) => v.id));
});
afterEach(() => {
  mock.mode = 'ok';
  mock.compositeBatch = true;
});
afterAll(async () => {
  expect(mock.requests.filter((r) => r.url.includes(mock.token) || (r.body ?? '').includes(mock.token))).toEqual([]);
  await mock.close();
});

const since = () => {
  const start = mock.requests.length;
  return () => mock.requests.slice(start);
};
const batches = (reqs: MockTooling['requests']) => reqs.filter((r) => r.url.endsWith('/tooling/composite/batch'));
/** 60 ids, the org's versions over and over. */
const sixty = () => Array.from({ length: 60 }, (_, i) => versionIds[i % versionIds.length]!);

describe('reading many versions at once (the composite batch)', () => {
  it('60 ids are 3 POSTs of at most 25 GETs, each record as JSON text, in the ids’ order', async () => {
    const seen = since();
    const ids = sixty();
    const reads = await client.getVersions(ids);
    const posts = batches(seen());
    expect(posts.map((p) => p.method)).toEqual(['POST', 'POST', 'POST']);
    const bodies = posts.map((p) => JSON.parse(p.body!) as { batchRequests: { method: string; url: string }[] });
    expect(bodies.map((b) => b.batchRequests.length)).toEqual([25, 25, 10]);
    expect(bodies[0]!.batchRequests[0]).toEqual({ method: 'GET', url: `v63.0/tooling/sobjects/Flow/${ids[0]}` });
    expect(JSON.parse(posts[0]!.body!).haltOnError).toBe(false);
    expect(posts.every((p) => p.authorization === `Bearer ${mock.token}`)).toBe(true);
    // No version was read one by one.
    expect(seen().filter((r) => r.url.includes('/sobjects/Flow/'))).toEqual([]);
    expect(reads.map((r) => r.id)).toEqual(ids);
    const one = await client.getVersion(ids[7]!);
    const seventh = reads[7]!;
    expect('text' in seventh && JSON.parse(seventh.text)).toEqual(JSON.parse(one));
    expect('text' in seventh && parseFlow(seventh.text).ok).toBe(true);
  });

  it('a version the org does not have, and an id that is not one, are error entries; the rest still read', async () => {
    const seen = since();
    const ids = [versionIds[0]!, '301000000000999AAA', '../../sobjects/User', versionIds[1]!];
    const reads = await client.getVersions(ids);
    expect(reads.map((r) => r.id)).toEqual(ids);
    expect('text' in reads[0]!).toBe(true);
    expect(reads[1]).toEqual({
      id: '301000000000999AAA',
      error: expect.stringMatching(/^Flow version 301000000000999AAA was not found in the org: .*deleted/),
    });
    expect(reads[2]).toEqual({ id: '../../sobjects/User', error: '“../../sobjects/User” is not a flow version id.' });
    expect('text' in reads[3]!).toBe(true);
    // The bad id was never sent.
    expect(
      batches(seen())
        .map((p) => p.body)
        .join(''),
    ).not.toContain('sobjects/User');
  });

  it('an org without the composite endpoint (404) is read one version at a time, same answer', async () => {
    const ids = sixty().slice(0, 30);
    const batched = await client.getVersions(ids);
    mock.compositeBatch = false;
    const seen = since();
    const single = await client.getVersions(ids);
    expect(batches(seen())).toHaveLength(1);
    expect(seen().filter((r) => r.url.includes('/tooling/sobjects/Flow/'))).toHaveLength(30);
    expect(single.map((r) => ('text' in r ? JSON.parse(r.text) : r))).toEqual(
      batched.map((r) => ('text' in r ? JSON.parse(r.text) : r)),
    );
  });

  it('a failing server marks that batch’s versions; a refused session rejects', async () => {
    mock.mode = 'server-error';
    const reads = await client.getVersions(versionIds.slice(0, 3));
    expect(reads.every((r) => 'error' in r && /503/.test(r.error))).toBe(true);
    mock.mode = 'forbidden';
    const e = await client.getVersions(versionIds.slice(0, 3)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).kind).toBe('forbidden');
  });

  it('an org that echoes the token back has it redacted from every entry', async () => {
    mock.mode = 'echo-token';
    const reads = await client.getVersions(versionIds.slice(0, 2));
    expect(reads.every((r) => 'error' in r && r.error.includes('[token]'))).toBe(true);
    expect(JSON.stringify(reads)).not.toContain(mock.token);
  });

  it('a cancelled signal rejects, before any request or between batches', async () => {
    const seen = since();
    const c = new AbortController();
    c.abort();
    const e = await client.getVersions(sixty(), c.signal).catch((x: unknown) => x);
    expect((e as SourceError).kind).toBe('aborted');
    expect(batches(seen())).toHaveLength(0);

    // Cancel as the first batch is answered: the second is never sent.
    const mid = new AbortController();
    const slow = await connect({
      instanceUrl: mock.url,
      token: mock.token,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (input.endsWith('/composite/batch')) mid.abort();
        return res;
      },
    });
    const before = since();
    const m = await slow.getVersions(sixty(), mid.signal).catch((x: unknown) => x);
    expect((m as SourceError).kind).toBe('aborted');
    expect(batches(before())).toHaveLength(1);
  });

  it('the mock lets a browser POST JSON with a token (CORS preflight)', async () => {
    const res = await fetch(`${mock.url}/services/data/v63.0/tooling/composite/batch`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://flowscope.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://flowscope.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
  });
});
