import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeElement } from '../../../src/describe/element';
import { describeFlow } from '../../../src/describe/flow';
import { describeResource } from '../../../src/describe/resources';
import { diffFlows } from '../../../src/model/diff/index';
import { isEmptyDiff } from '../../../src/model/diff/summary';
import { buildGraph } from '../../../src/model/graph';
import { MAX_NESTING } from '../../../src/model/parse/depth';
import { parseFlow } from '../../../src/model/parse/index';
import type { ParseResult } from '../../../src/model/types';
import { buildLink, decodeLink } from '../../../src/share/link';
import { SITE } from '../../share/helpers';

/** Legal but hostile names: Object.prototype keys, lone surrogates, bidi overrides, zero-width characters. */
const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'prototype',
  'A\ud800',
  '\udc00B',
  '\u202eevil_txt',
  'zero\u200bwidth',
  '\u200b',
  'a<b&c',
  'Plain_Name',
];
/** Field (tag) names an XML tag can have; JSON keys may be any name. */
const TAGS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'polluted'];

interface Spec {
  elements: { name: string; label: string; field: string; value: string; next: string | undefined }[];
  variable: string;
  property: string;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  elements: fc.array(
    fc.record({
      name: fc.constantFrom(...NAMES),
      label: fc.constantFrom(...NAMES),
      field: fc.constantFrom(...TAGS),
      value: fc.constantFrom(...NAMES),
      next: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    }),
    { maxLength: 6 },
  ),
  variable: fc.constantFrom(...NAMES),
  property: fc.constantFrom(...TAGS),
});

const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const j = JSON.stringify;

function toXml(s: Spec): string {
  const els = s.elements
    .map(
      (e) =>
        `<assignments><name>${x(e.name)}</name><label>${x(e.label)}</label><locationX>0</locationX>` +
        `<locationY>0</locationY><${e.field}>${x(e.value)}</${e.field}><assignmentItems>` +
        `<assignToReference>${x(s.variable)}</assignToReference><operator>Assign</operator>` +
        `<value><stringValue>${x(e.value)}</stringValue></value></assignmentItems>` +
        (e.next ? `<connector><targetReference>${x(e.next)}</targetReference></connector>` : '') +
        '</assignments>',
    )
    .join('');
  const first = s.elements[0]?.name;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata">' +
    `<apiVersion>62.0</apiVersion>${els}<label>${x(s.variable)}</label><processType>AutoLaunchedFlow</processType>` +
    `<${s.property}>${x(s.variable)}</${s.property}>` +
    (first ? `<start><connector><targetReference>${x(first)}</targetReference></connector></start>` : '') +
    `<status>Draft</status><variables><name>${x(s.variable)}</name><dataType>String</dataType>` +
    '<isInput>false</isInput><isOutput>false</isOutput></variables></Flow>'
  );
}

function toJson(s: Spec): string {
  const els = s.elements.map(
    (e) =>
      `{"name":${j(e.name)},"label":${j(e.label)},"locationX":0,"locationY":0,${j(e.value)}:${j(e.field)},` +
      `${j(e.field)}:{${j(e.value)}:${j(e.label)}},"assignmentItems":[{"assignToReference":${j(s.variable)},` +
      `"operator":"Assign","value":{"stringValue":${j(e.value)}}}]` +
      (e.next ? `,"connector":{"targetReference":${j(e.next)}}` : '') +
      '}',
  );
  const first = s.elements[0]?.name;
  return (
    `{"FullName":${j(s.variable)},"Metadata":{"apiVersion":62,"label":${j(s.variable)},` +
    `"processType":"AutoLaunchedFlow","status":"Draft",${j(s.property)}:{${j(s.variable)}:"p"},` +
    `"assignments":[${els.join(',')}],` +
    (first ? `"start":{"connector":{"targetReference":${j(first)}}},` : '') +
    `"variables":[{"name":${j(s.variable)},"dataType":"String","isInput":false,"isOutput":false}]}}`
  );
}

/** Parses without throwing; on success the flow draws, describes and diffs empty against itself. */
function check(text: string): ParseResult {
  let r: ParseResult | undefined;
  expect(() => {
    r = parseFlow(text);
  }).not.toThrow();
  if (!r) throw new Error('no result');
  expect(r.ok ? '' : r.error.message).not.toMatch(/could not read this input/);
  if (r.ok) {
    const doc = r.doc;
    const graph = buildGraph(doc);
    for (const el of doc.elements) describeElement(el, doc);
    for (const res of doc.resources) describeResource(res);
    describeFlow(doc, graph);
    expect(isEmptyDiff(diffFlows(doc, doc))).toBe(true);
    const again = parseFlow(text);
    expect(again.ok && isEmptyDiff(diffFlows(doc, again.doc))).toBe(true);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  return r;
}

describe('hostile names (property)', () => {
  it('XML and Tooling JSON parse to a FlowDoc or an error value, never a throw; a flow diffs empty with itself', () => {
    fc.assert(
      fc.property(spec, (s) => {
        // Every name here is legal (tags are XML names, JSON keys any string): each flow parses.
        expect(check(toXml(s)).ok).toBe(true);
        const json = check(toJson(s));
        if (!json.ok) throw new Error(json.error.message);
        // Fields named like Object.prototype keys are kept as the element's own data.
        s.elements.forEach((e, i) => {
          const data = json.doc.elements[i]?.data ?? {};
          expect(Object.hasOwn(data, e.field) && Object.hasOwn(data, e.value)).toBe(true);
        });
        expect(Object.hasOwn(json.doc.properties, s.property)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('such a flow travels in a link and reads back to a flow that diffs empty with itself', async () => {
    await fc.assert(
      fc.asyncProperty(spec, fc.constantFrom(...NAMES), async (s, sel) => {
        const link = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text: toJson(s) }, sel }, SITE);
        if (!link.ok) throw new Error(link.message);
        const back = await decodeLink(link.url);
        if (!back.ok || back.state.a.kind !== 'inline') throw new Error('the link reads back');
        check(back.state.a.text);
      }),
      { numRuns: 40 },
    );
  });
});

/** A screen whose fields nest `levels` deep, in XML or in Tooling JSON, with hostile names. */
const deepXml = (levels: number, name: string) =>
  '<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>D</label><processType>Flow</processType>' +
  `<screens><name>${x(name)}</name><label>D</label>${`<fields><name>${x(name)}</name>`.repeat(levels)}` +
  `${'</fields>'.repeat(levels)}</screens></Flow>`;
const deepJson = (levels: number, name: string) =>
  `{"Metadata":{"label":"D","processType":"Flow","screens":[{"name":${j(name)},"fields":` +
  `${`[{"name":${j(name)},"fields":`.repeat(levels)}[]${'}]'.repeat(levels)}}]}}`;

describe('deep nesting (property)', () => {
  it('up to 20,000 levels: a flow up to the limit, past it an error value saying so, quickly', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: MAX_NESTING - 10, max: MAX_NESTING + 10 })),
        fc.constantFrom(...NAMES),
        (levels, name) => {
          // <Flow> 1, <screens> 2, the fields 3…, the innermost <name> one more; JSON counts objects only.
          for (const [text, limit] of [
            [deepXml(levels, name), MAX_NESTING - 3],
            [deepJson(levels, name), MAX_NESTING - 2],
          ] as const) {
            const t = performance.now();
            const r = check(text);
            expect(performance.now() - t).toBeLessThan(1000);
            expect(r.ok).toBe(levels <= limit);
            if (!r.ok) expect(r.error.message).toMatch(/is nested more than 200 levels deep/);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
