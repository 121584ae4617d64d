import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../../src/model/parse/index';
import type { ParseResult } from '../../../src/model/types';

const flow = (body: string, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
  `<label>Mail</label><processType>AutoLaunchedFlow</processType>${body}</Flow>`;
const EMAIL = '<!DOCTYPE html><html><head><!ENTITY nbsp "&#160;"></head><body><p>Hello {!Name}</p></body></html>';

function refused(r: ParseResult): { message: string; line?: number } {
  if (r.ok) throw new Error('expected the DTD to be refused');
  expect(r.error.message).toMatch(/DOCTYPE or entities/);
  return r.error;
}

describe('a DOCTYPE or ENTITY', () => {
  it('quoted in a CDATA text template (an HTML e-mail) is text: the flow parses', () => {
    const r = parseFlow(
      flow(
        `<textTemplates><name>Email_Body</name><isViewedAsPlainText>false</isViewedAsPlainText>` +
          `<text><![CDATA[${EMAIL}]]></text></textTemplates>`,
      ),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.resources[0]?.data.text).toBe(EMAIL);
  });

  it('in a comment is a comment, before the root or inside it', () => {
    const r = parseFlow(flow('<!-- was: <!DOCTYPE html> <!ENTITY x "y"> -->', '<!-- <!DOCTYPE Flow> -->\n'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.label).toBe('Mail');
  });

  it('as markup in the prolog is refused, with its line', () => {
    expect(refused(parseFlow(flow('', '<!DOCTYPE Flow>\n'))).line).toBe(2);
    expect(refused(parseFlow(flow('', '<!doctype Flow [ <!ENTITY x "y"> ]>\n'))).line).toBe(2);
  });

  it('as markup inside the document is refused too (an entity declaration is never read)', () => {
    expect(refused(parseFlow(flow('\n<!ENTITY x "y"><description>&x;</description>'))).line).toBe(4);
    expect(refused(parseFlow(`${flow('')}\n<!DOCTYPE Flow>`)).line).toBe(4);
  });

  it('an entity bomb with a megabyte of declarations is refused quickly, without expanding anything', () => {
    const decls = Array.from({ length: 20_000 }, (_, i) => `<!ENTITY e${i + 1} "&e${i};&e${i};&e${i};">`).join('\n');
    const bomb = flow('<label>&e20000;</label>', `<!DOCTYPE Flow [\n<!ENTITY e0 "ha">\n${decls}\n]>\n`);
    const t = performance.now();
    expect(refused(parseFlow(bomb)).line).toBe(2);
    // About 10 ms here; expanding even a few levels would take seconds (3^20000 characters). The bound leaves a
    // busy CI machine room.
    expect(performance.now() - t).toBeLessThan(400);
  });
});
