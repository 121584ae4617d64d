import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  buildLink,
  decodeLink,
  diffFlows,
  inlineRef,
  isEmptyDiff,
  layoutGraph,
  parseFlow,
  renderSvg,
  reverseDiff,
  type FlowDoc,
} from '../../src/index';
import { checkLayout } from '../layout/invariants';

/**
 * The whole pipeline over hostile names and shapes (issue 11): parse → graph → layout → SVG → link →
 * diff. Every input ends in an error value or a finite, non-overlapping picture; nothing throws.
 */
const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'lone\ud800surrogate',
  'trail\udc00first',
  'rtl\u202eevil',
  'zero\u200bwidth',
  'Émile_Zoë',
  'a"b<c>&d',
  '$start',
  'Name~2',
];
const name = fc.oneof(fc.constantFrom(...HOSTILE), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/));

type Meta = Record<string, unknown>;
/** A Tooling JSON flow (lone surrogates survive JSON, not XML) from element names and connector picks. */
function toolingFlow(names: string[], links: [number, number][], decisionEvery: number): string {
  const assignments: Meta[] = [];
  const decisions: Meta[] = [];
  names.forEach((n, i) => {
    const outs = links.filter(([from]) => from === i).map(([, to]) => names[to] as string);
    if (decisionEvery > 0 && i % decisionEvery === 0 && outs.length > 0) {
      decisions.push({
        name: n,
        label: n,
        locationX: 0,
        locationY: 0,
        defaultConnector: { targetReference: outs[0] },
        rules: outs.slice(1).map((t, k) => ({
          name: `${n}_r${k}`,
          label: `${n} ${k}`,
          conditionLogic: 'and',
          conditions: [{ leftValueReference: 'x', operator: 'EqualTo', rightValue: { stringValue: String(k) } }],
          connector: { targetReference: t },
        })),
      });
    } else {
      const item: Meta = { name: n, label: n, locationX: 0, locationY: 0, assignmentItems: [] };
      if (outs[0] !== undefined) item.connector = { targetReference: outs[0] };
      assignments.push(item);
    }
  });
  const metadata: Meta = {
    apiVersion: 62,
    label: names[0] ?? 'Empty',
    processType: 'AutoLaunchedFlow',
    status: 'Draft',
    start: names[0] ? { locationX: 0, locationY: 0, connector: { targetReference: names[0] } } : undefined,
    assignments,
    decisions,
  };
  return JSON.stringify({ Id: '301000000000001', FullName: 'Hostile', Metadata: metadata });
}

const flows = fc.array(name, { minLength: 1, maxLength: 24 }).chain((names) =>
  fc.record({
    names: fc.constant(names),
    links: fc.array(fc.tuple(fc.nat({ max: names.length - 1 }), fc.nat({ max: names.length - 1 })), {
      maxLength: names.length * 2,
    }),
    decisionEvery: fc.integer({ min: 0, max: 4 }),
  }),
);

const finite = (svg: string) => !/NaN|Infinity/.test(svg);

async function picture(doc: FlowDoc) {
  const graph = buildGraph(doc);
  const layout = await layoutGraph(graph, { cache: false });
  expect(checkLayout(graph, layout)).toEqual([]);
  const svg = renderSvg(graph, layout, { title: doc.label });
  expect(finite(svg)).toBe(true);
  expect(XMLValidator.validate(svg)).toBe(true);
}

describe('hostile inputs through the whole pipeline', () => {
  it('end in an error value or a finite, non-overlapping picture, a link that reads back, and an empty self-diff', async () => {
    await fc.assert(
      fc.asyncProperty(flows, async ({ names, links, decisionEvery }) => {
        const parsed = parseFlow(toolingFlow(names, links, decisionEvery));
        if (!parsed.ok) {
          expect(parsed.error.message.length).toBeGreaterThan(0);
          return;
        }
        const doc = parsed.doc;
        await picture(doc);
        const graph = buildGraph(doc);
        const sel = graph.nodes.at(-1)?.id;
        const link = await buildLink({ v: 1, route: 'view', a: inlineRef(doc), sel }, 'https://x.test/');
        if (!link.ok) throw new Error(link.message);
        const back = await decodeLink(link.url);
        expect(back.ok).toBe(true);
        expect(isEmptyDiff(diffFlows(doc, structuredClone(doc)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('diffs of two hostile versions mirror and keep every element of both', () => {
    fc.assert(
      fc.property(flows, flows, (x, y) => {
        const a = parseFlow(toolingFlow(x.names, x.links, x.decisionEvery));
        const b = parseFlow(toolingFlow(y.names, y.links, y.decisionEvery));
        if (!a.ok || !b.ok) return;
        const d = diffFlows(a.doc, b.doc);
        const ids = (g: { nodes: { id: string }[] }) => g.nodes.map((n) => n.id).sort();
        expect(
          d.graph.nodes
            .map((n) => n.beforeId)
            .filter((v) => v !== undefined)
            .sort(),
        ).toEqual(ids(buildGraph(a.doc)));
        expect(
          d.graph.nodes
            .map((n) => n.afterId)
            .filter((v) => v !== undefined)
            .sort(),
        ).toEqual(ids(buildGraph(b.doc)));
        expect(reverseDiff(d).summary).toEqual(diffFlows(b.doc, a.doc).summary);
      }),
      { numRuns: 60 },
    );
  });
});
