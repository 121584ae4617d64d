import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/model/parse/index';
import { decodeLink } from '../../src/share/link';
import { shareableDoc } from '../../src/share/metadata';
import { CORPUS, corpusPairs, readCorpus } from '../helpers/corpus';
import { fx, run } from './helpers';

const SITE = 'https://acme.github.io/flowscope/';

describe('flowscope link', () => {
  it('prints a view link that decodes to the flow, its length on stderr', async () => {
    const r = await run('link', fx('Opportunity_Review.flow-meta.xml'), '--site', SITE, '--select', 'Check_Amount');
    expect(r.code).toBe(0);
    const url = r.out.trim();
    expect(url.startsWith(`${SITE}#/view?v=1&sel=Check_Amount&z=`)).toBe(true);
    expect(r.err).toBe(`${url.length.toLocaleString('en-US')} characters\n`);
    const decoded = await decodeLink(url);
    if (!decoded.ok || decoded.state.a.kind !== 'inline') throw new Error('bad link');
    const back = parseFlow(decoded.state.a.text);
    const original = parseFlow(readFileSync(fx('Opportunity_Review.flow-meta.xml'), 'utf8'), {
      fileName: 'Opportunity_Review.flow-meta.xml',
    });
    expect(back.ok && original.ok && back.doc).toEqual(original.ok && shareableDoc(original.doc));
  });

  it('prints a diff link with the mode', async () => {
    const pair = corpusPairs()[3] as string;
    const r = await run(
      'link',
      join(CORPUS, 'pairs', pair, 'a.flow-meta.xml'),
      join(CORPUS, 'pairs', pair, 'b.flow-meta.xml'),
      '--site',
      SITE,
      '--mode',
      'side',
    );
    expect(r.code).toBe(0);
    const decoded = await decodeLink(r.out.trim());
    expect(decoded.ok && decoded.state.route).toBe('diff');
    expect(decoded.ok && decoded.state.mode).toBe('side');
    expect(readCorpus(`pairs/${pair}`, 'a.flow-meta.xml').length).toBeGreaterThan(0);
  });

  it('warns on stderr above 65,536 characters', async () => {
    const r = await run(
      'link',
      join(
        CORPUS,
        'flows',
        'toddhalfpenny__salesforce-flow-visualiser__Merchant_Processing_Agreement_MAIN.flow-meta.xml',
      ),
      '--site',
      SITE,
    );
    expect(r.code).toBe(0);
    if (r.out.trim().length > 65_536) expect(r.err).toMatch(/warning: .*too long for a GitHub comment/);
    else expect(r.err).not.toMatch(/warning/);
  });

  it('needs a site, a known mode and readable flows', async () => {
    const saved = process.env.FLOWSCOPE_SITE;
    delete process.env.FLOWSCOPE_SITE;
    try {
      expect(await run('link', fx('Opportunity_Review.flow-meta.xml'))).toMatchObject({
        code: 2,
        err: expect.stringMatching(/site URL is required/),
      });
    } finally {
      if (saved !== undefined) process.env.FLOWSCOPE_SITE = saved;
    }
    expect(
      await run(
        'link',
        fx('Opportunity_Review.flow-meta.xml'),
        fx('Opportunity_Review.flow-meta.xml'),
        '--site',
        SITE,
        '--mode',
        'sideways',
      ),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/unknown mode "sideways"/) });
    expect(await run('link', fx('Opportunity_Review.tooling.json'), '--site', SITE)).toMatchObject({ code: 0 });
    expect(await run('link', fx('nope.xml'), '--site', SITE)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/cannot read/),
    });
  });
});
