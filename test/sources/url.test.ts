import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SourceError } from '../../src/sources/redact';
import { fetchFlowUrl, planUrl } from '../../src/sources/url';
import { readCorpus } from '../helpers/corpus';
import { gitHubToMock, startMockTooling, type MockTooling } from '../helpers/mockTooling';

const GITLAB_TOKEN = 'glpat-TestToken1234567890';
let mock: MockTooling;
const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
beforeAll(async () => {
  mock = await startMockTooling({ token: GITLAB_TOKEN });
});
afterAll(async () => {
  expect(mock.requests.filter((r) => r.url.includes(GITLAB_TOKEN))).toEqual([]);
  for (const spy of consoleSpies) expect(JSON.stringify(spy.mock.calls)).not.toContain(GITLAB_TOKEN);
  await mock.close();
});
async function failure(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}
const adoption = () =>
  readCorpus('pairs/SalesforceLabs__AnimalShelterStarter__Adoption_Start_Adoption_Process', 'a.flow-meta.xml');
const BLOB =
  'https://github.com/acme/flows/blob/main/force-app/main/default/flows/Adoption_Start_Adoption_Process.flow-meta.xml';
const PRIVATE_BLOB = 'https://github.com/acme/secret/blob/main/flows/Adoption_Start_Adoption_Process.flow-meta.xml';

describe('planning a URL', () => {
  it('a GitHub blob page without a token is its raw.githubusercontent.com file', () => {
    expect(planUrl(`${BLOB}?plain=1#L3`)).toEqual({
      url: 'https://raw.githubusercontent.com/acme/flows/main/force-app/main/default/flows/Adoption_Start_Adoption_Process.flow-meta.xml',
      headers: {},
      name: BLOB,
      host: 'github',
    });
  });

  it('with a token, GitHub files go through the contents API (raw media type, Bearer header)', () => {
    const token = 'github_pat_11ABCDEFG0123456789';
    const plan = planUrl(
      'https://raw.githubusercontent.com/acme/secret/feature%2Fx/flows/A.flow-meta.xml?token=GHSAT0AAA',
      token,
    );
    expect(plan.url).toBe('https://api.github.com/repos/acme/secret/contents/flows/A.flow-meta.xml?ref=feature%2Fx');
    expect(plan.headers).toEqual({ Authorization: `Bearer ${token}`, Accept: 'application/vnd.github.raw' });
    // The name shown and kept drops the query (GitHub's raw links carry their own ?token=).
    expect(plan.name).toBe('https://raw.githubusercontent.com/acme/secret/feature%2Fx/flows/A.flow-meta.xml');
    expect(plan.url).not.toContain(token);
  });

  it('GitLab blob pages (nested groups, self-hosted) become the repository files API', () => {
    const plan = planUrl(
      'https://gitlab.example.com/grp/sub/proj/-/blob/main/force-app/flows/My Flow.flow-meta.xml',
      GITLAB_TOKEN,
    );
    expect(plan.url).toBe(
      'https://gitlab.example.com/api/v4/projects/grp%2Fsub%2Fproj/repository/files/force-app%2Fflows%2FMy%20Flow.flow-meta.xml/raw?ref=main',
    );
    expect(plan.headers).toEqual({ 'PRIVATE-TOKEN': GITLAB_TOKEN });
    expect(planUrl('https://gitlab.com/a/b/-/raw/dev/x.flow', 'oauth-token-abcdefgh').headers).toEqual({
      Authorization: 'Bearer oauth-token-abcdefgh',
    });
  });

  it('other URLs are fetched as typed; a token goes only over https (or to this machine)', () => {
    expect(planUrl('https://example.com/x.json', 'abcdefghijk')).toMatchObject({
      url: 'https://example.com/x.json',
      headers: { Authorization: 'Bearer abcdefghijk' },
      host: 'plain',
    });
    expect(planUrl('http://example.com/x.json')).toMatchObject({ headers: {} });
    expect(() => planUrl('http://example.com/x.json', 'abcdefghijk')).toThrow(/only over https/);
    expect(() => planUrl('ftp://example.com/x')).toThrow(/http\(s\) URLs only/);
    expect(() => planUrl('https://user:pw@example.com/x')).toThrow(/user name or password/);
    expect(() => planUrl('not a url')).toThrow(/not a URL/);
  });

  it('a bad token is refused without being echoed', () => {
    try {
      planUrl('https://example.com/x', 'secret with spaces');
      expect.unreachable();
    } catch (e) {
      expect(`${(e as Error).message} ${(e as SourceError).hint}`).not.toContain('secret with spaces');
    }
  });
});

describe('fetching a URL (against the mock git host)', () => {
  it('a public GitHub file, through raw.githubusercontent.com', async () => {
    const file = await fetchFlowUrl(BLOB, { fetch: gitHubToMock(mock) });
    expect(file.text).toBe(adoption());
    expect(file.name).toBe(BLOB);
  });

  it('a private GitHub file: not found without a token (with a hint to add one), found with it', async () => {
    const e = await failure(fetchFlowUrl(PRIVATE_BLOB, { fetch: gitHubToMock(mock) }));
    expect(e.kind).toBe('not-found');
    expect(e.hint).toMatch(/if the repository is private.*GitHub token/);
    const file = await fetchFlowUrl(PRIVATE_BLOB, { fetch: gitHubToMock(mock), token: GITLAB_TOKEN });
    expect(file.text).toBe(adoption());
    const last = mock.requests.at(-1)!;
    expect(new URL(last.url).pathname).toBe(
      '/gh-api/repos/acme/secret/contents/flows/Adoption_Start_Adoption_Process.flow-meta.xml',
    );
    expect(last.authorization).toBe(`Bearer ${GITLAB_TOKEN}`);
  });

  it('a private GitLab file with a PRIVATE-TOKEN header', async () => {
    const url = `${mock.url}/acme/secret/-/blob/main/flows/Adoption_Start_Adoption_Process.flow-meta.xml`;
    expect((await failure(fetchFlowUrl(url))).kind).toBe('not-found');
    expect((await fetchFlowUrl(url, { token: GITLAB_TOKEN })).text).toBe(adoption());
    expect(mock.requests.at(-1)!.privateToken).toBe(GITLAB_TOKEN);
  });

  it('a 401 with a token says the token was refused, without the token', async () => {
    const deny = async () => new Response('{"message":"Bad credentials"}', { status: 401 });
    const e = await failure(fetchFlowUrl(BLOB, { fetch: deny, token: GITLAB_TOKEN }));
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toMatch(/refused the token.*Bad credentials/);
    const plain = await failure(fetchFlowUrl(BLOB, { fetch: deny }));
    expect(plain.message).toMatch(/needs a token/);
  });

  it('caps the size: a declared length, and a chunked body counted while read', async () => {
    const e = await failure(fetchFlowUrl(`${mock.url}/big?bytes=300000`, { maxBytes: 100_000 }));
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/larger than 100000 bytes/);
    const declared = await failure(
      fetchFlowUrl(
        `${mock.url}/acme/flows/-/raw/main/force-app/main/default/flows/Adoption_Start_Adoption_Process.flow-meta.xml`,
        { maxBytes: 1000 },
      ),
    );
    expect(declared.kind).toBe('too-large');
    expect((await fetchFlowUrl(`${mock.url}/big?bytes=5000`, { maxBytes: 100_000 })).text.length).toBe(5000);
  });

  it('with a token, a redirect is not followed (the token would go elsewhere)', async () => {
    const e = await failure(fetchFlowUrl(`${mock.url}/redirect-away`, { token: GITLAB_TOKEN }));
    expect(e.kind).toBe('redirect');
    expect(e.message).toMatch(/redirected the request to example\.invalid/);
  });

  it('network failure or CORS: both explained; a fetch error quoting the token is not passed on', async () => {
    const failing = async (_: string, init?: RequestInit) => {
      if (init?.mode === 'no-cors') throw new TypeError('Failed to fetch');
      throw new TypeError(`Failed to fetch with Bearer ${GITLAB_TOKEN}`);
    };
    const e = await failure(
      fetchFlowUrl(BLOB, { fetch: failing, token: GITLAB_TOKEN, pageOrigin: 'http://localhost:5173' }),
    );
    expect(e.kind).toBe('cors-or-network');
    expect(`${e.message} ${e.hint} ${e.stack ?? ''}`).not.toContain(GITLAB_TOKEN);
    expect(e.message).toMatch(/network or the host is unreachable/);
    // A file host is not a Salesforce org: the advice is its raw link or a download, not an org's allowlist.
    expect(e.hint).toMatch(/raw link/);
    expect(`${e.message} ${e.hint}`).not.toMatch(/Salesforce|Setup → CORS/);
  });

  it('404 on a plain URL', async () => {
    const e = await failure(fetchFlowUrl(`${mock.url}/nothing-here.flow-meta.xml`));
    expect([e.kind, e.status]).toEqual(['not-found', 404]);
  });
});
