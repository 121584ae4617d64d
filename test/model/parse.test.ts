import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/model/parse/index';
import { buildGraph } from '../../src/model/graph';
import type { FlowDoc, ParseResult } from '../../src/model/types';
import { fixture } from '../helpers/fixtures';

function ok(r: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected a flow, got: ${r.error.message}`);
  return r;
}
function err(r: ParseResult) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}
const el = (doc: FlowDoc, name: string) => doc.elements.find((e) => e.name === name);

describe('Metadata API XML', () => {
  const r = ok(
    parseFlow(fixture('Opportunity_Review.flow-meta.xml'), {
      fileName: 'force-app/main/default/flows/Opportunity_Review.flow-meta.xml',
    }),
  );

  it('takes the API name from the file name and decodes entities and newlines in labels', () => {
    expect(r.doc.name).toBe('Opportunity_Review');
    expect(r.origin.nameFrom).toBe('fileName');
    expect(r.doc.label).toBe('Opportunity <Review>\nsecond line');
    expect(el(r.doc, 'Mark_Big_Deal')?.label).toBe('Mark "Big" Deal');
    expect(el(r.doc, 'Check_Amount')?.label).toBe('Check Amount & Stage');
  });

  it('keeps one-item repeatable fields as lists', () => {
    const decision = el(r.doc, 'Check_Amount');
    expect(Array.isArray(decision?.data.rules)).toBe(true);
    expect(Array.isArray(el(r.doc, 'Get_Line_Items')?.data.queriedFields)).toBe(true);
    expect(r.doc.resources).toEqual([expect.objectContaining({ name: 'Total', type: 'variables' })]);
  });

  it('collects an element array split into two runs, in document order', () => {
    expect(r.doc.elements.filter((e) => e.type === 'assignments').map((e) => e.name)).toEqual([
      'Mark_Big_Deal',
      'Flag_Line',
    ]);
  });

  it('normalises numbers so 62.0 and 62 agree', () => {
    expect(r.doc.properties.apiVersion).toBe('62');
    expect(buildGraph(r.doc).flow.apiVersion).toBe('62.0');
  });

  it('falls back to the label when there is no file name', () => {
    const noName = ok(parseFlow(fixture('Opportunity_Review.flow-meta.xml')));
    expect(noName.doc.name).toBe('Opportunity <Review>\nsecond line');
    expect(noName.origin.nameFrom).toBe('label');
  });

  it('detects the format from the content, not the file name', () => {
    expect(ok(parseFlow(fixture('Opportunity_Review.flow-meta.xml'), { fileName: 'flow.json' })).origin.format).toBe(
      'xml',
    );
    expect(
      ok(parseFlow(fixture('Opportunity_Review.tooling.json'), { fileName: 'x.flow-meta.xml' })).origin.format,
    ).toBe('tooling-record');
  });

  it('accepts the older .flow file name and a byte-order mark', () => {
    const r2 = ok(
      parseFlow(`\ufeff${fixture('Opportunity_Review.flow-meta.xml')}`, {
        fileName: 'unpackaged/flows/Opportunity_Review.flow',
      }),
    );
    expect(r2.doc.name).toBe('Opportunity_Review');
  });
});

describe('Tooling API JSON', () => {
  const xml = ok(
    parseFlow(fixture('Opportunity_Review.flow-meta.xml'), { fileName: 'Opportunity_Review.flow-meta.xml' }),
  );

  it('a Flow record gives the same FlowDoc and graph as the XML', () => {
    const json = ok(parseFlow(fixture('Opportunity_Review.tooling.json')));
    expect(json.origin).toMatchObject({
      format: 'tooling-record',
      nameFrom: 'fullName',
      recordId: '301000000000123AAA',
      versionNumber: '4',
    });
    expect(json.doc).toEqual(xml.doc);
    expect(buildGraph(json.doc)).toEqual(buildGraph(xml.doc));
  });

  it('a bare Metadata object and Flow Builder lower-case payload give the same flow', () => {
    const record = JSON.parse(fixture('Opportunity_Review.tooling.json')) as { Metadata: unknown };
    const bare = ok(parseFlow(JSON.stringify(record.Metadata), { fileName: 'Opportunity_Review.json' }));
    expect(bare.origin.format).toBe('metadata');
    expect(bare.doc).toEqual(xml.doc);
    const builder = ok(
      parseFlow(JSON.stringify({ fullName: 'Opportunity_Review', definitionId: '300', metadata: record.Metadata })),
    );
    expect(builder.origin.format).toBe('builder-metadata');
    expect(builder.doc).toEqual(xml.doc);
  });

  it('a query result with several versions opens the first and says so; the caller can choose', () => {
    const first = ok(parseFlow(fixture('Opportunity_Review.query.json')));
    expect(first.records?.map((c) => c.versionNumber)).toEqual(['4', '5']);
    expect(first.notices[0]).toMatch(/2 flow versions; showing Opportunity_Review, version 4, Active \(the first\)/);
    expect(first.doc.properties.status).toBe('Active');
    const second = ok(parseFlow(fixture('Opportunity_Review.query.json'), { recordIndex: 1 }));
    expect(second.doc.properties.status).toBe('Draft');
    expect(second.notices[0]).toMatch(/version 5, Draft \(chosen\)/);
  });

  it('unwraps the sf CLI --json envelope and a bare records array', () => {
    const q = JSON.parse(fixture('Opportunity_Review.query.json')) as { records: unknown[] };
    expect(ok(parseFlow(JSON.stringify({ status: 0, result: q }))).doc.name).toBe('Opportunity_Review');
    expect(ok(parseFlow(JSON.stringify(q.records))).records).toHaveLength(2);
  });
});

describe('bad input is a value with a message and a hint', () => {
  it.each([
    ['empty text', '   \n', /empty/],
    ['binary data', 'GIF89a\u0000\u0001\u0002', /binary/],
    ['a zip archive', 'PK\u0003\u0004rest', /zip/],
    ['plain text', 'hello world', /neither XML nor JSON/],
    [
      'an XML document that is not a flow',
      '<?xml version="1.0"?><CustomObject><label>x</label></CustomObject>',
      /<CustomObject>.*expected a <Flow>/,
    ],
    [
      'a JSON object that is not a flow',
      '{"a": 1, "b": 2, "c": 3}',
      /Found an object with keys a, b, c; expected a Flow record, a query result or Metadata/,
    ],
    ['an empty query result', '{"totalSize":0,"done":true,"records":[]}', /no records/],
    ['a JSON number', '[', /not valid at line 1, column 2/],
  ])('%s', (_name, text, message) => {
    const e = err(parseFlow(text));
    expect(e.message).toMatch(message);
    expect(e.hint.length).toBeGreaterThan(10);
  });

  it('invalid JSON reports the line and column', () => {
    const e = err(parseFlow('{\n  "Metadata": {\n    "label": "x",\n    "status" "Active"\n  }\n}'));
    expect(e).toMatchObject({ line: 4, column: 14 });
    expect(e.message).toMatch(/line 4, column 14: expected ':'/);
  });

  it('truncated JSON says it ends too early', () => {
    expect(err(parseFlow('{"Metadata": {"label": "x"')).message).toMatch(/expected ',' or '}'/);
  });

  it('invalid XML reports the line', () => {
    const e = err(parseFlow('<?xml version="1.0"?>\n<Flow>\n  <label>x</label>\n  <decisions>\n</Flow>'));
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/not well-formed at line 5/);
  });

  it('rejects a billion-laughs document quickly, without expanding it', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}\n]>\n<Flow><label>&lol9;</label></Flow>`;
    const t = performance.now();
    const e = err(parseFlow(bomb));
    expect(performance.now() - t).toBeLessThan(100);
    expect(e.message).toMatch(/DOCTYPE/);
    expect(e.line).toBe(2);
  });

  it('keeps thousands of ordinary entities (large real flows have them)', () => {
    const formula = '&quot;a&quot; &amp;&amp; &lt;b&gt; '.repeat(3000);
    const r = ok(
      parseFlow(
        `<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>x</label><formulas><name>F</name><expression>${formula}</expression></formulas></Flow>`,
      ),
    );
    expect(r.doc.resources[0]?.data.expression).toBe('"a" && <b> '.repeat(3000));
  });

  it('refuses inputs over 50 MB with a clear message', () => {
    const big = `<Flow>${' '.repeat(50 * 1024 * 1024)}</Flow>`;
    expect(err(parseFlow(big)).message).toMatch(/50\.0 MB; Flowscope reads flows up to 50 MB/);
  });
});

describe('unknown and legacy shapes', () => {
  it('an unknown future array whose items have a name and a location becomes nodes of that type', () => {
    const xml = `<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>F</label><startElementReference>A</startElementReference>
      <holograms><name>A</name><label>Hologram A</label><locationX>1</locationX><locationY>2</locationY><connector><targetReference>B</targetReference></connector></holograms>
      <ends><name>B</name><label>End</label><locationX>1</locationX><locationY>2</locationY></ends></Flow>`;
    const g = buildGraph(ok(parseFlow(xml)).doc);
    expect(g.nodes.map((n) => [n.id, n.type])).toEqual([
      ['$start', 'start'],
      ['B', 'ends'],
      ['A', 'holograms'],
    ]);
    expect(g.edges.map((e) => [e.source, e.target, e.kind])).toEqual([
      ['$start', 'A', 'next'],
      ['A', 'B', 'next'],
    ]);
  });

  it('the API <= 52 Tooling name `rollbacks` is a Roll Back Records node', () => {
    const json = JSON.stringify({
      label: 'F',
      processType: 'Flow',
      rollbacks: [{ name: 'RB', label: 'Undo', locationX: 0, locationY: 0, connector: null }],
    });
    expect(buildGraph(ok(parseFlow(json)).doc).nodes).toContainEqual({ id: 'RB', type: 'rollbacks', label: 'Undo' });
  });
});

describe('nil values', () => {
  it('an empty or xsi:nil tag is unset, like a JSON null', () => {
    const xml = parseFlow(
      '<Flow xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><label>F</label><description></description><variables><name>V</name><value xsi:nil="true"/></variables></Flow>',
    );
    const json = parseFlow(
      JSON.stringify({ label: 'F', description: null, processType: null, variables: [{ name: 'V', value: null }] }),
    );
    if (!xml.ok || !json.ok) throw new Error('expected flows');
    expect(xml.doc.properties.description).toBeUndefined();
    expect(xml.doc.resources[0]?.data).toEqual({ name: 'V' });
    expect(json.doc).toEqual(xml.doc);
  });
});

describe('the XML reader', () => {
  const wrap = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n<label>F</label>\n${body}\n</Flow>`;
  it.each([
    [
      'a mismatched closing tag',
      '<decisions><name>D</name></rules>',
      /line 4.*expected <\/decisions> \(opened at line 4\) but found <\/rules>/,
    ],
    ['an undefined entity', '<description>a &nbsp; b</description>', /undefined entity &nbsp;/],
    ['a bare ampersand', '<description>Salt & pepper</description>', /bare '&'/],
    ['a stray <', '<description>a < b</description>', /does not start a tag/],
  ])('reports %s with its line', (_n, body, message) => {
    const r = parseFlow(wrap(body));
    if (r.ok) throw new Error('expected an error');
    expect(r.error.message).toMatch(message);
    expect(r.error.line).toBe(4);
  });

  it('reports a file that ends too early', () => {
    const r = parseFlow(wrap('<decisions><name>D</name>').replace('</Flow>', ''));
    if (r.ok) throw new Error('expected an error');
    expect(r.error.message).toMatch(/<decisions> \(line 4\) is never closed: the file ends too early/);
  });

  it('reports text or a second element after the root', () => {
    for (const tail of ['trailing', '<Flow></Flow>']) {
      const r = parseFlow(`${wrap('')}\n${tail}`);
      expect(r.ok).toBe(false);
    }
  });

  it('keeps CDATA literal, skips comments and attributes (even with > inside quotes)', () => {
    const r = parseFlow(
      wrap(
        '<!-- a <comment> --><formulas a="x > y"><name>F</name><expression><![CDATA[IF(a < b && c, "&amp;", "")]]></expression></formulas>',
      ),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.resources[0]?.data).toEqual({ name: 'F', expression: 'IF(a < b && c, "&amp;", "")' });
  });

  it('decodes numeric references, including astral ones', () => {
    const r = parseFlow(wrap('<description>caf&#233; &#x1F600; &#39;q&#39;</description>'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.properties.description).toBe("café 😀 'q'");
  });
});

describe('a web page instead of a flow', () => {
  it('says it is a web page and how to get the raw file', () => {
    for (const page of [
      '<!DOCTYPE html><html><head><title>Login</title></head></html>',
      '<html lang="en"><body>404</body></html>',
      '<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><html/>',
    ]) {
      const r = parseFlow(page);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toBe('This is a web page (HTML), not a flow file.');
        expect(r.error.hint).toMatch(/raw file/);
      }
    }
  });
});
