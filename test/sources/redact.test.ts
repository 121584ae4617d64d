import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../helpers/memoryStorage';
import {
  asSourceError,
  forgetToken,
  recallToken,
  redact,
  rememberToken,
  SESSION_KEY,
  SourceError,
} from '../../src/sources/redact';

const TOKEN = '00D5g000004ABCD!AQ0AQSecret.Value_with/slash+plus=';

describe('redact', () => {
  it('removes the token as typed, URL-encoded and JSON-escaped', () => {
    const text = `a ${TOKEN} b ${encodeURIComponent(TOKEN)} c ${JSON.stringify({ t: TOKEN })}`;
    const out = redact(text, [TOKEN]);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(encodeURIComponent(TOKEN));
    expect(out).not.toContain('AQ0AQSecret');
    expect(out).toContain('[token]');
  });

  it('removes Salesforce session ids it was not told about, and leaves short "secrets" alone', () => {
    expect(redact('sid 00DAB0000000001!AQcAQH0dMHZfz972Szmpkb58urFRkgeBGsxL here', [])).toBe('sid [token] here');
    expect(redact('a b c', ['a'])).toBe('a b c');
  });

  it('a SourceError redacts its message and hint when made; asSourceError redacts foreign errors', () => {
    const e = new SourceError('http', `bad ${TOKEN}`, `hint ${TOKEN}`, [TOKEN], 400);
    expect(`${e.message} ${e.hint} ${String(e)} ${e.stack ?? ''}`).not.toContain(TOKEN);
    expect(e.status).toBe(400);
    const f = asSourceError(new Error(`boom ${TOKEN}`), [TOKEN]);
    expect(f).toBeInstanceOf(SourceError);
    expect(`${f.message} ${f.stack ?? ''}`).not.toContain(TOKEN);
  });
});

describe('remember for this tab', () => {
  it('stores the session in the given Storage only, and recalls and forgets it', () => {
    const session = new MemoryStorage();
    rememberToken(session, { instanceUrl: 'https://x.my.salesforce.com', apiVersion: '63.0', token: TOKEN });
    expect(session.writes.map(([k]) => k)).toEqual([SESSION_KEY]);
    expect(recallToken(session)).toEqual({
      instanceUrl: 'https://x.my.salesforce.com',
      apiVersion: '63.0',
      token: TOKEN,
    });
    forgetToken(session);
    expect(recallToken(session)).toBeUndefined();
    expect(session.length).toBe(0);
  });

  it('ignores garbage and blocked storage', () => {
    const s = new MemoryStorage();
    s.setItem(SESSION_KEY, '{not json');
    expect(recallToken(s)).toBeUndefined();
    s.setItem(SESSION_KEY, '{"token": 5}');
    expect(recallToken(s)).toBeUndefined();
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    } as unknown as Storage;
    expect(() => rememberToken(blocked, { instanceUrl: 'a', apiVersion: 'b', token: TOKEN })).not.toThrow();
    expect(recallToken(blocked)).toBeUndefined();
    expect(() => forgetToken(blocked)).not.toThrow();
  });
});
