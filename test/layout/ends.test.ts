/** Auto-Layout's Ends (issue 12 §2): one after every path that ends, in the picture only. */
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/svg';
import {
  buildGraph,
  diffFlows,
  layoutGraph,
  openPaths,
  parseFlow,
  unionOpenPaths,
  type FlowDoc,
} from '../../src/index';
import { checkPicture } from '../support/picture';

const flow = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata">` +
  `<apiVersion>68.0</apiVersion><label>Ends</label><processType>AutoLaunchedFlow</processType>${body}</Flow>`;
const el = (type: string, name: string, inner: string) =>
  `<${type}><name>${name}</name><label>${name.replace(/_/g, ' ')}</label>${inner}</${type}>`;
const to = (field: string, target: string) => `<${field}><targetReference>${target}</targetReference></${field}>`;
const doc = (xml: string): FlowDoc => {
  const r = parseFlow(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

const OPEN = flow(
  `<start><locationX>0</locationX><locationY>0</locationY>${to('connector', 'Check')}` +
    `<scheduledPaths><name>Later</name><label>Later</label><offsetNumber>1</offsetNumber></scheduledPaths></start>` +
    el(
      'decisions',
      'Check',
      `<rules><name>Big</name><label>Big</label>${to('connector', 'Each')}</rules>` +
        `<rules><name>Small</name><label>Small one</label></rules><defaultConnectorLabel>Otherwise</defaultConnectorLabel>`,
    ) +
    el('loops', 'Each', `${to('nextValueConnector', 'Touch')}<collectionReference>x</collectionReference>`) +
    el('assignments', 'Touch', to('connector', 'Each')),
);

describe('Ends', () => {
  it('end every kind of open path: an outcome, the default, After Last, a scheduled path', async () => {
    const d = doc(OPEN);
    const graph = buildGraph(d);
    const layout = await layoutGraph({ ...graph, openPaths: openPaths(d) }, { cache: false });
    expect(layout.engine).toBe('structured');
    const ends = (layout.ends ?? []).map((e) => [e.source, e.kind, e.label]);
    expect(ends).toEqual(
      expect.arrayContaining([
        ['Check', 'outcome', 'Small one'],
        ['Check', 'default', 'Otherwise'],
        ['Each', 'loopEnd', 'After Last'],
        ['$start', 'scheduledPath', 'Later'],
      ]),
    );
    expect(ends).toHaveLength(4);
    for (const end of layout.ends ?? []) {
      const box = layout.nodes[end.id];
      const source = layout.nodes[end.source];
      // Under the path it ends, reached by a connector of the path's kind.
      expect(box && source && box.y > source.y).toBe(true);
      expect(layout.edges[end.edge]?.points.at(-1)?.y).toBe(box?.y);
    }
    const svg = renderSvg(graph, layout);
    expect(svg.match(/data-end="true"/g)).toHaveLength(4);
    expect(svg).toContain('data-target="$end:Check#outcome#Small"');
    expect(checkPicture(svg).throughCard).toEqual([]);
  });

  it('leave the graph, the diff and its change list alone', async () => {
    const d = doc(OPEN);
    const before = JSON.stringify(buildGraph(d));
    openPaths(d);
    expect(JSON.stringify(buildGraph(d))).toBe(before);
    expect(before).not.toContain('$end');
    const diff = diffFlows(d, d);
    expect(JSON.stringify(diff)).not.toContain('$end');
    expect(diff.connectors).toEqual([]);
  });

  it('are drawn by Auto-Layout only: ELK draws none', async () => {
    const d = doc(OPEN);
    const graph = buildGraph(d);
    const layout = await layoutGraph({ ...graph, openPaths: openPaths(d) }, { engine: 'elk', cache: false });
    expect(layout.ends).toBeUndefined();
    expect(Object.keys(layout.nodes).some((id) => id.startsWith('$end'))).toBe(false);
  });

  it('end an element with no connector on, but not an `ends` element, which is a node already', async () => {
    const d = doc(
      flow(
        `<start><locationX>0</locationX><locationY>0</locationY>${to('connector', 'A')}</start>` +
          el('assignments', 'A', to('connector', 'Finish')) +
          el('ends', 'Finish', '') +
          el('assignments', 'Alone', ''),
      ),
    );
    const graph = buildGraph(d);
    expect(graph.nodes.find((n) => n.id === 'Finish')?.type).toBe('ends');
    expect(openPaths(d).map((p) => p.source)).toEqual(['Alone']);
  });

  it('in a comparison, end a path that ends in either version, unless a connector continues it', () => {
    const a = doc(OPEN);
    const b = doc(
      OPEN.replace(
        '<rules><name>Small</name><label>Small one</label></rules>',
        `<rules><name>Small</name><label>Small one</label>${to('connector', 'Touch')}</rules>`,
      ),
    );
    const graph = diffFlows(a, b).graph;
    const paths = unionOpenPaths(a, b, graph).map((p) => `${p.source}:${p.kind}:${p.key ?? ''}`);
    expect(paths).not.toContain('Check:outcome:Small');
    expect(paths).toContain('Check:default:');
  });
});
