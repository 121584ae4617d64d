import { textWidth } from '../../../src/render/text';
import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../../src/layout/index';
import { labelSize, MISSING_SIZE, NODE_SIZE, nodeSize, START_SIZE } from '../../../src/layout/structured/sizes';
import type { LayoutResult, Point } from '../../../src/layout/types';
import { centreX, graph } from '../helpers';
import { checkLayout, checkOutcomeOrder, checkSpine, onBoundary } from '../invariants';

const opts = { cache: false } as const;
const ok = (g: Parameters<typeof checkLayout>[0], r: LayoutResult) =>
  expect([...checkLayout(g, r), ...checkOutcomeOrder(g, r, true), ...checkSpine(g, r)]).toEqual([]);
const route = (r: LayoutResult, g: ReturnType<typeof graph>, source: string, target: string): Point[] => {
  const e = g.edges.find((x) => x.source === source && x.target === target);
  if (!e) throw new Error(`no edge ${source} → ${target}`);
  return r.edges[e.id]?.points ?? [];
};
const box = (r: LayoutResult, id: string) => {
  const b = r.nodes[id];
  if (!b) throw new Error(`${id} not placed`);
  return b;
};

describe('sizes', () => {
  it('are fixed per element kind', () => {
    expect(nodeSize('start')).toEqual(START_SIZE);
    expect(nodeSize('decisions')).toEqual(NODE_SIZE);
    expect(nodeSize('someUnknownArray')).toEqual(NODE_SIZE);
    expect(nodeSize('missing')).toEqual(MISSING_SIZE);
    expect(START_SIZE.width).toBeGreaterThan(NODE_SIZE.width);
  });

  it('reserves the widest one-line pill the views draw for a label (bold, with a mark), up to 260px', () => {
    // The views draw one line, bold for loops and added connectors, with "+ " in a comparison (render/text.ts).
    const drawn = (text: string) => Math.ceil(textWidth(`+ ${text}`, 12, true)) + 16;
    for (const text of ['Fault', 'Run Immediately', 'NONE SELECTED or CANCEL (Default)', 'Über 1 Mio €'])
      expect(labelSize(text).width).toBeGreaterThanOrEqual(Math.min(260, drawn(text)));
    expect(labelSize('Fault').height).toBe(20);
    expect(labelSize('x'.repeat(400))).toEqual({ width: 260, height: 20 });
  });
});

describe('the Flow Builder picture', () => {
  it('puts Start on top and a chain on one vertical spine', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['a', 'assignments'],
        ['b', 'screens'],
        ['c', 'recordUpdates'],
      ],
      [
        ['$start', 'a'],
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    expect(r.engine).toBe('structured');
    expect(box(r, '$start').y).toBe(0);
    for (const id of ['a', 'b', 'c']) expect(centreX(r, id)).toBe(centreX(r, '$start'));
    expect(box(r, 'a').y).toBeLessThan(box(r, 'b').y);
    expect(box(r, 'b').y).toBeLessThan(box(r, 'c').y);
  });

  it(
    "lays a decision's outcomes side by side in rule order, " + 'the default last, merging below on the spine',
    async () => {
      const g = graph(
        [
          ['$start', 'start'],
          ['d', 'decisions'],
          ['x', 'screens'],
          ['y', 'screens'],
          ['y2', 'screens'],
          ['z', 'assignments'],
          ['m', 'recordUpdates'],
        ],
        [
          ['$start', 'd'],
          ['d', 'z', 'default', 'Default Outcome'],
          ['d', 'x', 'outcome', 'First'],
          ['d', 'y', 'outcome', 'Second'],
          ['x', 'm'],
          ['y', 'y2'],
          ['y2', 'm'],
          ['z', 'm'],
        ],
      );
      const r = await layoutGraph(g, opts);
      ok(g, r);
      expect(centreX(r, 'x')).toBeLessThan(centreX(r, 'y'));
      expect(centreX(r, 'y')).toBeLessThan(centreX(r, 'z'));
      expect(centreX(r, 'm')).toBe(centreX(r, 'd'));
      expect(centreX(r, 'd')).toBe((centreX(r, 'x') + centreX(r, 'z')) / 2);
      expect(box(r, 'm').y).toBeGreaterThan(box(r, 'y2').y + box(r, 'y2').height);
      expect([box(r, 'x').y, box(r, 'z').y]).toEqual([box(r, 'y').y, box(r, 'y').y]);
      // Outcome labels sit on their branch, between the decision and the branch.
      const label = r.edges[g.edges.find((e) => e.label === 'First')?.id ?? '']?.label;
      expect(label?.text).toBe('First');
      expect(label && label.y > box(r, 'd').y + box(r, 'd').height && label.y + label.height < box(r, 'x').y).toBe(
        true,
      );
      expect(label && Math.abs(label.x + label.width / 2 - centreX(r, 'x')) < 0.5).toBe(true);
    },
  );

  it('keeps an empty outcome (straight to the merge) in its place', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['d', 'decisions'],
        ['x', 'screens'],
        ['m', 'screens'],
      ],
      [
        ['$start', 'd'],
        ['d', 'x', 'outcome', 'A'],
        ['d', 'm', 'outcome', 'B'],
        ['d', 'm', 'default', 'Default Outcome'],
        ['x', 'm'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    const b = route(r, g, 'd', 'm');
    expect(b.some((p) => p.x > centreX(r, 'x'))).toBe(true);
  });

  it('draws a Loop with its body below, the loop-back on the left and After Last on the right', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['loop', 'loops'],
        ['b1', 'assignments'],
        ['b2', 'recordUpdates'],
        ['after', 'screens'],
      ],
      [
        ['$start', 'loop'],
        ['loop', 'b1', 'loopNext', 'For Each'],
        ['loop', 'after', 'loopEnd', 'After Last'],
        ['b1', 'b2'],
        ['b2', 'loop'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    const loop = box(r, 'loop');
    expect(centreX(r, 'b1')).toBe(centreX(r, 'loop'));
    expect(centreX(r, 'after')).toBe(centreX(r, 'loop'));
    expect(box(r, 'after').y).toBeGreaterThan(box(r, 'b2').y + box(r, 'b2').height);
    const back = route(r, g, 'b2', 'loop');
    expect(back[back.length - 1]).toEqual({ x: loop.x, y: loop.y + loop.height / 2 });
    expect(Math.min(...back.map((p) => p.x))).toBeLessThan(box(r, 'b1').x);
    const afterLast = route(r, g, 'loop', 'after');
    expect(afterLast[0]).toEqual({ x: loop.x + loop.width, y: loop.y + loop.height / 2 });
    expect(Math.max(...afterLast.map((p) => p.x))).toBeGreaterThan(box(r, 'b1').x + box(r, 'b1').width);
  });

  it('sends fault paths to the right without moving the main path', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['get', 'recordLookups'],
        ['next', 'screens'],
        ['oops', 'screens'],
      ],
      [
        ['$start', 'get'],
        ['get', 'next'],
        ['get', 'oops', 'fault', 'Fault'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    expect(centreX(r, 'next')).toBe(centreX(r, 'get'));
    expect(box(r, 'oops').x).toBeGreaterThan(box(r, 'get').x + box(r, 'get').width);
    const fault = route(r, g, 'get', 'oops');
    expect(fault[0]?.x).toBe(box(r, 'get').x + box(r, 'get').width);
  });

  it('puts scheduled paths from Start side by side, Run Immediately first', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['now', 'screens'],
        ['p1', 'assignments'],
        ['p2', 'assignments'],
      ],
      [
        ['$start', 'now', 'next', 'Run Immediately'],
        ['$start', 'p1', 'scheduledPath', '1 Hour After'],
        ['$start', 'p2', 'scheduledPath', '2 Hours After'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    expect(centreX(r, 'now')).toBeLessThan(centreX(r, 'p1'));
    expect(centreX(r, 'p1')).toBeLessThan(centreX(r, 'p2'));
    expect(box(r, 'p1').y).toBe(box(r, 'now').y);
  });

  it('merges branches even when one of them ends early (an error screen), as Flow Builder does', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['d1', 'decisions'],
        ['x', 'screens'],
        ['d2', 'decisions'],
        ['y', 'assignments'],
        ['noRecords', 'screens'],
        ['m', 'recordCreates'],
        ['done', 'screens'],
      ],
      [
        ['$start', 'd1'],
        ['d1', 'x', 'outcome', 'Yes'],
        ['d1', 'm', 'default', 'Default Outcome'],
        ['x', 'd2'],
        ['d2', 'y', 'outcome', 'Found'],
        ['d2', 'noRecords', 'default', 'Default Outcome'],
        ['y', 'm'],
        ['m', 'done'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    expect(centreX(r, 'm')).toBe(centreX(r, 'd1'));
    expect(centreX(r, 'done')).toBe(centreX(r, 'd1'));
    expect(box(r, 'm').y).toBeGreaterThan(box(r, 'noRecords').y + box(r, 'noRecords').height);
    const intoMerge = g.edges.find((e) => e.source === 'd1' && e.target === 'm')?.id ?? '';
    expect(r.edges[intoMerge]?.jump).toBeUndefined();
    expect(r.edges[intoMerge]?.points.at(-1)).toEqual({ x: centreX(r, 'm'), y: box(r, 'm').y });
  });

  it('lays out without Go To connectors, then routes them right-side to right-side', async () => {
    const nodes: [string, string][] = [
      ['$start', 'start'],
      ['d', 'decisions'],
      ['x', 'screens'],
      ['y', 'screens'],
      ['m', 'assignments'],
      ['end', 'screens'],
    ];
    const plain: Parameters<typeof graph>[1] = [
      ['$start', 'd'],
      ['d', 'x', 'outcome', 'A'],
      ['d', 'y', 'default', 'Default Outcome'],
      ['x', 'm'],
      ['y', 'm'],
      ['m', 'end'],
    ];
    const withJump = graph(nodes, [...plain, ['end', 'd', 'next', undefined, true]]);
    const r = await layoutGraph(withJump, opts);
    const base = await layoutGraph(graph(nodes, plain), opts);
    ok(withJump, r);
    expect(r.nodes).toEqual(base.nodes);
    const jump = route(r, withJump, 'end', 'd');
    const d = box(r, 'd');
    expect(jump[jump.length - 1]).toEqual({ x: d.x + d.width, y: d.y + d.height / 2 });
    // Views may draw it as Flow Builder does: a stub from the source and a "Go to" marker.
    const jumpId = withJump.edges[withJump.edges.length - 1]?.id ?? '';
    expect(r.edges[jumpId]?.jump?.stub[0]).toEqual(jump[0]);
    expect(Object.values(r.edges).filter((e) => e.jump)).toHaveLength(1);
  });

  it('draws a cycle that is not a Loop as a jump, as Flow Builder converts it', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['s', 'screens'],
        ['d', 'decisions'],
        ['done', 'recordCreates'],
      ],
      [
        ['$start', 's'],
        ['s', 'd'],
        ['d', 's', 'outcome', 'Retry'],
        ['d', 'done', 'default', 'Default Outcome'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    expect(r.engine).toBe('structured');
    expect(box(r, 'done').y).toBeGreaterThan(box(r, 'd').y);
  });

  it('places unreachable elements and missing targets beside the flow', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['a', 'screens'],
        ['orphan', 'assignments'],
        ['orphan2', 'screens'],
        ['Nowhere', 'missing'],
      ],
      [
        ['$start', 'a'],
        ['a', 'Nowhere'],
        ['orphan', 'orphan2'],
      ],
    );
    const r = await layoutGraph(g, opts);
    ok(g, r);
    expect(box(r, 'Nowhere')).toMatchObject(MISSING_SIZE);
    expect(box(r, 'orphan').x).toBeGreaterThan(box(r, 'a').x + box(r, 'a').width);
  });

  it('lays out an empty graph', async () => {
    const r = await layoutGraph({ nodes: [], edges: [] }, opts);
    expect(r).toMatchObject({ width: 0, height: 0, nodes: {}, edges: {} });
  });

  it('a flow free-form at heart (most connectors jumps) is still Auto-Layout, with Go To stubs; ELK when asked', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const edges: Parameters<typeof graph>[1] = [['$start', 'a']];
    for (const s of ids) for (const t of ids) if (s !== t) edges.push([s, t, 'next']);
    const g = graph([['$start', 'start'], ...ids.map((id): [string, string] => [id, 'screens'])], edges);
    const r = await layoutGraph(g, opts);
    expect(r.engine).toBe('structured');
    expect(Object.values(r.edges).filter((e) => e.jump).length).toBeGreaterThan(g.edges.length / 2);
    expect(checkLayout(g, r)).toEqual([]);
    const elk = await layoutGraph(g, { ...opts, engine: 'elk' });
    expect(elk.engine).toBe('elk');
    expect(checkLayout(g, elk)).toEqual([]);
  });

  it('every route starts and ends on its elements (ELK too)', async () => {
    const g = graph(
      [
        ['$start', 'start'],
        ['d', 'decisions'],
        ['x', 'screens'],
        ['y', 'screens'],
        ['m', 'recordUpdates'],
      ],
      [
        ['$start', 'd'],
        ['d', 'x', 'outcome', 'Yes'],
        ['d', 'y', 'default', 'Default Outcome'],
        ['x', 'm'],
        ['y', 'm'],
        ['m', 'x', 'next', undefined, true],
      ],
    );
    const r = await layoutGraph(g, { ...opts, engine: 'elk' });
    expect(r.engine).toBe('elk');
    expect(checkLayout(g, r)).toEqual([]);
    expect(checkOutcomeOrder(g, r, true)).toEqual([]);
    for (const e of g.edges) {
      const pts = r.edges[e.id]?.points ?? [];
      expect(onBoundary(pts[0] as Point, box(r, e.source))).toBe(true);
      expect(onBoundary(pts[pts.length - 1] as Point, box(r, e.target))).toBe(true);
    }
  });
});
