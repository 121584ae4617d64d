import { describe, expect, it } from 'vitest';
import {
  createLayoutClient,
  layoutGraph,
  type LayoutEngine,
  type LayoutResult,
  type LayoutWorkerLike,
} from '../../src/layout/index';
import type { LayoutRequest, LayoutResponse } from '../../src/layout/worker/messages';
import type { FlowGraph } from '../../src/model/graph';
import { renderSvg } from '../../src/render/svg';
import { parseToGraph } from './helpers';
import { checkLayout } from './invariants';

/**
 * Elements named like Object.prototype's members: a layout that keeps boxes in a plain object gives
 * `__proto__` the prototype as its box (translate(NaN,NaN) in the SVG) and finds boxes for names it never
 * placed. Start → __proto__ → constructor → toString → the decision hasOwnProperty, whose outcome (a rule
 * named __proto__ too) goes to valueOf and back to constructor (a cycle: a jump in the structured picture),
 * and whose default outcome goes to isPrototypeOf.
 */
const element = (tag: string, name: string, inner: string) =>
  `<${tag}><name>${name}</name><label>${name} element</label>` +
  `<locationX>0</locationX><locationY>0</locationY>${inner}</${tag}>`;
const to = (target: string, tag = 'connector') => `<${tag}><targetReference>${target}</targetReference></${tag}>`;
const XML = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<Flow xmlns="http://soap.sforce.com/2006/04/metadata">',
  '<apiVersion>62.0</apiVersion>',
  element('assignments', '__proto__', to('constructor')),
  element('assignments', 'constructor', to('toString')),
  element(
    'decisions',
    'hasOwnProperty',
    `${to('isPrototypeOf', 'defaultConnector')}<defaultConnectorLabel>Otherwise</defaultConnectorLabel>` +
      `<rules><name>__proto__</name><conditionLogic>and</conditionLogic>${to('valueOf')}` +
      '<label>Prototype rule</label></rules>',
  ),
  element('screens', 'isPrototypeOf', ''),
  element('screens', 'toString', to('hasOwnProperty')),
  element('screens', 'valueOf', to('constructor')),
  '<label>Prototype names</label>',
  '<processType>Flow</processType>',
  `<start><locationX>0</locationX><locationY>0</locationY>${to('__proto__')}</start>`,
  '<status>Draft</status>',
  '</Flow>',
].join('\n');

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const finite = (...xs: number[]) => xs.every(Number.isFinite);

function expectSound(graph: FlowGraph, r: LayoutResult): void {
  expect(Object.getPrototypeOf(r.nodes)).toBeNull();
  expect(Object.getPrototypeOf(r.edges)).toBeNull();
  expect(Object.keys(r.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  for (const n of graph.nodes) {
    expect(Object.hasOwn(r.nodes, n.id), n.id).toBe(true);
    const b = r.nodes[n.id];
    expect(b && finite(b.x, b.y, b.width, b.height) && b.width > 0 && b.height > 0, n.id).toBe(true);
  }
  expect(Object.keys(r.edges).sort()).toEqual(graph.edges.map((e) => e.id).sort());
  for (const e of graph.edges) {
    const route = r.edges[e.id];
    expect(route?.points.length ?? 0, e.id).toBeGreaterThanOrEqual(2);
    const points = [...(route?.points ?? []), ...(route?.jump?.stub ?? [])];
    expect(
      points.every((p) => finite(p.x, p.y)),
      e.id,
    ).toBe(true);
    if (route?.label) expect(finite(route.label.x, route.label.y, route.label.width, route.label.height)).toBe(true);
  }
  // Names that are not elements find nothing, however Object.prototype calls them.
  for (const name of ['propertyIsEnumerable', 'toLocaleString', '__defineGetter__']) {
    expect(r.nodes[name], name).toBeUndefined();
    expect(r.edges[name], name).toBeUndefined();
  }
  expect(checkLayout(graph, r)).toEqual([]);
  const svg = renderSvg(graph, r);
  expect(svg).not.toContain('NaN');
  for (const name of NAMES) expect(svg).toContain(`data-id="${name}"`);
}

describe('elements named like Object.prototype members', () => {
  const graph = parseToGraph(XML, 'Prototype_Names.flow-meta.xml');

  it('parse into the connected flow the test means', () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['$start', ...NAMES].sort());
    expect(graph.nodes.some((n) => n.type === 'missing' || n.unreachable)).toBe(false);
    expect(graph.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(
      [
        '$start->__proto__',
        '__proto__->constructor',
        'constructor->toString',
        'toString->hasOwnProperty',
        'hasOwnProperty->valueOf',
        'hasOwnProperty->isPrototypeOf',
        'valueOf->constructor',
      ].sort(),
    );
  });

  for (const engine of ['structured', 'elk'] as LayoutEngine[]) {
    it(`get a finite box and finite routes from the ${engine} engine, and an SVG without NaN`, async () => {
      const r = await layoutGraph(graph, { engine, cache: false });
      expect(r.engine).toBe(engine);
      expectSound(graph, r);
    });
  }

  it('keep their boxes across the worker boundary (structured clone turns null-prototype records plain)', async () => {
    const worker: LayoutWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(request: LayoutRequest) {
        void layoutGraph(structuredClone(request.graph), { ...request.options, cache: false }).then((result) => {
          const message: LayoutResponse = { type: 'result', id: request.id, result };
          this.onmessage?.({ data: structuredClone(message) } as MessageEvent<LayoutResponse>);
        });
      },
      terminate: () => undefined,
    };
    const client = createLayoutClient({ workerFactory: () => worker });
    for (const engine of ['structured', 'elk'] as LayoutEngine[]) {
      const r = await client.layout(graph, { engine });
      expect(r.engine).toBe(engine);
      expectSound(graph, r);
    }
    client.dispose();
  });
});
