import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { layoutGraph } from '../../src/layout/index';
import type { DiffGraph } from '../../src/model/diff/types';
import type { FlowGraph } from '../../src/model/graph';
import { generateFlow } from '../support/generate';
import { renderSvg } from '../../src/render/svg';
import { esc } from '../../src/render/text';
import { corpusFiles, flowFileName, readCorpus } from '../helpers/corpus';
import { fixture } from '../helpers/fixtures';
import { parseToGraph } from '../layout/helpers';

/** Characters XML 1.0 never allows, even escaped: one in the output makes the whole file unreadable. */
const NOT_XML = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
);

function wellFormed(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(NOT_XML.test(svg)).toBe(false);
  const doc = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: Record<string, string> };
  expect(doc.svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
  expect(doc.svg['@_viewBox']).toMatch(/^0 0 [\d.]+ [\d.]+$/);
}

/** Every node's full label is in its <title> (the card itself may wrap or cut it). */
function hasEveryLabel(svg: string, graph: FlowGraph) {
  for (const node of graph.nodes) expect(svg, node.id).toContain(`<title>${esc(node.label)} (`);
}

async function render(graph: FlowGraph, options = {}) {
  return renderSvg(graph, await layoutGraph(graph, { cache: false }), options);
}

describe('renderSvg', () => {
  it('draws the sample: cards, icons, labels, connectors with arrowheads, Fault and Go To', async () => {
    const graph = parseToGraph(fixture('Opportunity_Review.flow-meta.xml'), 'Opportunity_Review.flow-meta.xml');
    const svg = await render(graph, {
      startDetail: 'Opportunity · A record is created or updated — after save',
      selected: graph.nodes[1]?.id,
    });
    wellFormed(svg);
    hasEveryLabel(svg, graph);
    expect(svg).toContain('font-family="&#39;Salesforce Sans&#39;, system-ui');
    expect(svg).toContain('Opportunity · A record is');
    expect(svg.match(/<g class="node"/g)).toHaveLength(graph.nodes.length);
    expect(svg).toContain('marker-end="url(#fsx-arrow)"');
    expect(svg).toContain('stroke-dasharray="6 4" marker-end="url(#fsx-arrow-fault)"');
    expect(svg).toContain('#dd7a01'); // Decision orange
    expect(svg).not.toContain('class="legend"');
  });

  it('escapes hostile labels and drops characters XML cannot hold (property)', async () => {
    const base = parseToGraph(generateFlow(8, 4).xml);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 60 }), {
          minLength: base.nodes.length,
          maxLength: base.nodes.length,
        }),
        async (labels) => {
          const graph = {
            ...base,
            nodes: base.nodes.map((node, i) => ({ ...node, label: labels[i] as string })),
            edges: base.edges.map((e, i) => ({ ...e, label: labels[i % labels.length] })),
          };
          const svg = renderSvg(graph, await layoutGraph(graph), { title: labels[0], startDetail: labels[1] });
          wellFormed(svg);
        },
      ),
      { numRuns: 40 },
    );
    const hostile = {
      ...base,
      nodes: base.nodes.map((node, i) => (i === 1 ? { ...node, label: '<script>alert("x")</script> & ]]>' } : node)),
    };
    const svg = await render(hostile, { title: '<svg onload=alert(1)>' });
    wellFormed(svg);
    expect(svg).not.toMatch(/<script|<svg onload/);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;');
    hasEveryLabel(svg, hostile);
  });

  it(
    'draws a diff: status colours, a mark and a word per status, ' + 'ghosted removals, dimmed unchanged, a legend',
    async () => {
      const base = parseToGraph(fixture('Opportunity_Review.flow-meta.xml'), 'Opportunity_Review.flow-meta.xml');
      const statuses = ['unchanged', 'added', 'removed', 'changed', 'renamed'] as const;
      const graph: DiffGraph = {
        ...base,
        nodes: base.nodes.map((node, i) => ({
          ...node,
          status: statuses[i % statuses.length] as (typeof statuses)[number],
        })),
        edges: base.edges.map((e, i) => ({
          ...e,
          status: (['unchanged', 'added', 'removed'] as const)[i % 3] as 'unchanged',
        })),
      };
      const renamed = graph.nodes.find((x) => x.status === 'renamed') as { id: string };
      const svg = renderSvg(graph, await layoutGraph(graph), {
        renamedFrom: { [renamed.id]: 'Old_Name' },
        title: 'Opportunity Review: before → after',
      });
      wellFormed(svg);
      hasEveryLabel(svg, graph);
      expect(svg).toContain('class="legend"');
      for (const word of ['+ Added', '− Removed', '~ Changed', '↻ Renamed · was Old_Name']) {
        expect(svg).toContain(word);
      }
      expect(svg).toContain('opacity="0.55"'); // unchanged dimmed
      expect(svg).toMatch(/opacity="0.7"[\s\S]*stroke-dasharray="6 4"/); // removed: ghosted, dashed
      expect(svg).toContain('marker-end="url(#fsx-arrow-added)"');
      expect(svg).toContain('marker-end="url(#fsx-arrow-removed)"');
      expect(svg).toContain('text-decoration="line-through"');
    },
  );

  it('draws Go To connectors as stubs marked with their target, or as whole lines', async () => {
    const graph = parseToGraph(generateFlow(60, 11).xml);
    const goTo = graph.edges.find((e) => e.goTo);
    expect(goTo).toBeDefined();
    const layout = await layoutGraph(graph);
    const target = graph.nodes.find((x) => x.id === goTo?.target)?.label ?? '';
    expect(renderSvg(graph, layout)).toContain(esc(target.slice(0, 10)));
    expect(renderSvg(graph, layout)).toContain('stroke="#7526e3" stroke-width="1.5" stroke-dasharray="5 3"');
    expect(renderSvg(graph, layout, { goTo: 'line' }).length).not.toBe(renderSvg(graph, layout).length);
  });

  it('renders every corpus flow as well-formed SVG with every label', async () => {
    for (const file of corpusFiles('flows')) {
      const graph = parseToGraph(readCorpus('flows', file), flowFileName(file));
      const svg = await render(graph);
      wellFormed(svg);
      hasEveryLabel(svg, graph);
    }
  });
});
