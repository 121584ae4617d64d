import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../../src/model/diff/index';
import { isEmptyDiff } from '../../../src/model/diff/summary';
import { buildGraph } from '../../../src/model/graph';
import { MAX_NESTING } from '../../../src/model/parse/depth';
import { parseFlow } from '../../../src/model/parse/index';
import type { ParseError } from '../../../src/model/types';
import { compress } from '../../../src/share/codec';
import { buildLink, decodeLink } from '../../../src/share/link';
import { parseRef, SITE } from '../../share/helpers';

/** A screen whose fields nest `levels` deep: the deepest real metadata (sections, columns, fields). */
const xml = (levels: number) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
  '<label>Deep</label><processType>Flow</processType>\n<screens><name>Deep_Screen</name><label>D</label>\n' +
  '<fields><name>F</name>'.repeat(levels) +
  '</fields>'.repeat(levels) +
  '</screens></Flow>';
const json = (levels: number) =>
  '{"FullName":"Deep","Metadata":{"label":"Deep","processType":"Flow","screens":[{"name":"Deep_Screen",' +
  '"fields":' +
  '[{"name":"F","fields":'.repeat(levels) +
  '[]' +
  '}]'.repeat(levels) +
  '}]}}';

function error(text: string): ParseError {
  const t = performance.now();
  const r = parseFlow(text);
  expect(performance.now() - t).toBeLessThan(1000);
  if (r.ok) throw new Error('expected a parse error');
  expect(r.error.message).not.toMatch(/could not read this input/);
  expect(r.error.message).toMatch(/nested more than 200 levels deep/);
  expect(r.error.hint).toMatch(/nest a few dozen levels/);
  return r.error;
}

describe('input nested deeper than any flow', () => {
  it('XML 20,000 levels deep is refused quickly, naming the element, the flow element and the line', () => {
    const e = error(xml(20_000));
    expect(e.message).toMatch(/element "name" \(in "Deep_Screen"\) at line 5, column \d+ is nested more than 200/);
    expect(e.line).toBe(5);
  });

  it('Tooling JSON 20,000 levels deep is refused quickly, naming the flow element', () => {
    expect(error(json(20_000)).message).toMatch(/element "Deep_Screen" is nested more than 200 levels deep/);
  });

  it('lists in lists, and an `sf` envelope in envelopes, are refused too (the path when nothing is named)', () => {
    const lists = `{"label":"x","processType":"Flow","odd":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(error(lists).message).toMatch(/the value at odd\[0\]\[0\]\[0\]\[0\]…/);
    const envelopes = `${'{"status":0,"result":'.repeat(20_000)}{}${'}'.repeat(20_000)}`;
    const r = parseFlow(envelopes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).not.toMatch(/could not read this input/);
  });

  it('a link whose payload nests 20,000 deep is refused with a clear message', async () => {
    const deep = `${'[{"fields":'.repeat(20_000)}[]${'}]'.repeat(20_000)}`;
    const payload = `{"a":{"n":"Deep","m":{"label":"x","screens":${deep}}}}`;
    const back = await decodeLink(`${SITE}#/view?v=1&z=${await compress(payload)}`);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.message).toMatch(/"a" is nested more than 200 levels deep/);
  });

  it('the limit itself is a flow: it draws, diffs empty and travels in a link (in its JSON form)', async () => {
    // <Flow> 1, <screens> 2, the fields 3…199, their <name> 200.
    const text = xml(MAX_NESTING - 3);
    const r = parseFlow(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(buildGraph(r.doc).nodes.map((n) => n.id)).toEqual(['Deep_Screen']);
    expect(isEmptyDiff(diffFlows(r.doc, r.doc))).toBe(true);
    expect(parseFlow(xml(MAX_NESTING - 2)).ok).toBe(false);
    const link = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text } }, SITE);
    if (!link.ok) throw new Error(link.message);
    const back = await decodeLink(link.url);
    if (!back.ok) throw new Error(back.message);
    expect(parseRef(back.state.a)).toEqual(r.doc);
    const asJson = parseFlow(json(MAX_NESTING - 3));
    expect(asJson.ok).toBe(true);
  });
});
