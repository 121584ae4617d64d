import { describe, expect, it } from 'vitest';
import { isHttpUrl, toRawUrl } from '../../src/share/rawUrl';

describe('toRawUrl', () => {
  it.each([
    [
      'https://github.com/acme/crm/blob/main/force-app/main/default/flows/A.flow-meta.xml',
      'https://raw.githubusercontent.com/acme/crm/main/force-app/main/default/flows/A.flow-meta.xml',
    ],
    [
      'https://github.com/acme/crm/blob/3f2a9c1/flows/A.flow-meta.xml#L10-L20',
      'https://raw.githubusercontent.com/acme/crm/3f2a9c1/flows/A.flow-meta.xml',
    ],
    [
      'https://github.com/acme/crm/blob/main/flows/A.flow-meta.xml?plain=1',
      'https://raw.githubusercontent.com/acme/crm/main/flows/A.flow-meta.xml',
    ],
    [
      'https://github.com/acme/crm/raw/feature/x/flows/A.flow',
      'https://raw.githubusercontent.com/acme/crm/feature/x/flows/A.flow',
    ],
    [
      'https://github.com/acme/crm/blob/main/flows/My%20Flow.flow-meta.xml',
      'https://raw.githubusercontent.com/acme/crm/main/flows/My%20Flow.flow-meta.xml',
    ],
    [
      'https://gitlab.com/grp/sub/crm/-/blob/main/flows/A.flow-meta.xml?ref_type=heads',
      'https://gitlab.com/grp/sub/crm/-/raw/main/flows/A.flow-meta.xml',
    ],
    [
      'https://bitbucket.org/acme/crm/src/main/flows/A.flow-meta.xml',
      'https://bitbucket.org/acme/crm/raw/main/flows/A.flow-meta.xml',
    ],
  ])('%s', (from, to) => {
    expect(toRawUrl(from)).toBe(to);
  });

  it('leaves raw, unknown and non-URL input alone', () => {
    for (const u of [
      'https://raw.githubusercontent.com/acme/crm/main/A.flow-meta.xml?token=abc',
      'https://github.com/acme/crm',
      'https://example.com/blob/x/y/z',
      'not a url',
      'file:///tmp/A.flow-meta.xml',
    ]) {
      expect(toRawUrl(u)).toBe(u);
    }
  });

  it('isHttpUrl accepts only http(s)', () => {
    expect(isHttpUrl('https://x.test/a')).toBe(true);
    expect(isHttpUrl('http://x.test/a')).toBe(true);
    for (const u of ['javascript:alert(1)', 'data:text/xml,<Flow/>', 'file:///etc/passwd', 'x.test/a', ''])
      expect(isHttpUrl(u)).toBe(false);
  });
});
