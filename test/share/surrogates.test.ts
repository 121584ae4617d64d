import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { layoutGraph } from '../../src/layout/index';
import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { wellFormed } from '../../src/model/parse/wellFormed';
import { readXml } from '../../src/model/parse/xml';
import type { FlowDoc } from '../../src/model/types';
import { renderSvg } from '../../src/render/svg';
import { withView } from '../../src/share/hash';
import { buildLink, decodeLink } from '../../src/share/link';
import { parseRef, SITE } from './helpers';

/** Tooling JSON whose flow and element names hold lone surrogates (valid JSON: `"\ud800"`), in JSON escapes. */
const tooling = (label = 'A') =>
  '{"FullName":"Flow_\\ud800","Metadata":{"label":"L \\udc00","processType":"AutoLaunchedFlow","status":"Draft",' +
  '"start":{"locationX":0,"locationY":0,"connector":{"targetReference":"Step_\\udbff_x"}},' +
  `"assignments":[{"name":"Step_\\udbff_x","label":"${label} \\ud83d","locationX":0,"locationY":0,` +
  '"assignmentItems":[{"assignToReference":"x","operator":"Assign","value":{"stringValue":"\\udfff"}}]}]}}';
const SEL = 'Step_\udbff_x';
const SEL_SAFE = 'Step_\ufffd_x';

function parse(text: string): FlowDoc {
  const r = parseFlow(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

describe('names with a lone surrogate', () => {
  it('parse as they are', () => {
    const doc = parse(tooling());
    expect(doc.name).toBe('Flow_\ud800');
    expect(doc.elements[0]?.name).toBe(SEL);
  });

  it('travel in a link with the selection: both carry U+FFFD, so sel= still names the element', async () => {
    for (const route of ['view', 'diff'] as const) {
      const a = { kind: 'inline' as const, text: tooling() };
      const b = { kind: 'inline' as const, text: tooling('B') };
      const state = route === 'view' ? { v: 1 as const, route, a, sel: SEL } : { v: 1 as const, route, a, b, sel: SEL };
      const link = await buildLink(state, SITE);
      if (!link.ok) throw new Error(link.message);
      const back = await decodeLink(link.url);
      if (!back.ok) throw new Error(back.message);
      expect(back.state.sel).toBe(SEL_SAFE);
      const docs = back.state.route === 'diff' ? [back.state.a, back.state.b] : [back.state.a];
      for (const ref of docs) {
        const doc = parseRef(ref);
        expect(doc.name).toBe('Flow_\ufffd');
        expect(doc.elements.map((e) => e.name)).toEqual([SEL_SAFE]);
        expect(doc.label).toBe('L \ufffd');
      }
      expect(withView(link.url, { sel: 'Other_\ud800' })).toMatch(/sel=Other_%EF%BF%BD/);
    }
  });

  it('draw a well-formed SVG, with U+FFFD where each was', async () => {
    const graph = buildGraph(parse(tooling()));
    const svg = renderSvg(graph, await layoutGraph(graph, { cache: false }), { title: 'Flow_\ud800', selected: SEL });
    expect(svg).toBe(wellFormed(svg));
    expect(Buffer.from(svg, 'utf8').toString('utf8')).toBe(svg);
    expect(XMLValidator.validate(svg)).toBe(true);
    const read = readXml(svg);
    expect(read.ok && read.root).toBe('svg');
    expect(svg).toContain('Flow_\ufffd');
    expect(svg).toContain(SEL_SAFE);
  });
});

describe('wellFormed', () => {
  it('replaces each lone half with U+FFFD and keeps pairs', () => {
    expect(wellFormed('a\ud800b\udc00c\ud83d\ude00\udbff')).toBe('a\ufffdb\ufffdc\ud83d\ude00\ufffd');
    expect(wellFormed('plain')).toBe('plain');
  });
});
