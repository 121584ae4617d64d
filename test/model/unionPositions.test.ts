import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/layout/index';
import { diffFlows } from '../../src/model/diff/index';
import { unionPositions } from '../../src/model/diff/positions';
import { buildDoc } from '../../src/model/parse/index';
import type { FlowDoc, Obj } from '../../src/model/types';
import { checkLayout } from '../layout/invariants';
import { orderFaults } from '../layout/saved/support';

const at = (x: number, y: number) => ({ locationX: String(x), locationY: String(y) });
const to = (target: string): Obj => ({ targetReference: target });
const flow = (md: Obj): FlowDoc => buildDoc({ label: 'F', processType: 'Flow', ...md }, 'F');
const screen = (name: string, x: number, y: number, next?: string): Obj => ({
  name,
  label: name,
  ...at(x, y),
  ...(next ? { connector: to(next) } : {}),
});

// Before: Start → A → B → C down one column; after: A moved right, B removed, D added where B was.
const before = flow({
  start: { ...at(50, 0), connector: to('A') },
  screens: [screen('A', 50, 120, 'B'), screen('B', 50, 250, 'C'), screen('C', 50, 400), screen('__proto__', 400, 400)],
});
const after = flow({
  start: { ...at(50, 0), connector: to('A') },
  screens: [screen('A', 300, 120, 'D'), screen('C', 50, 400), screen('__proto__', 500, 400)],
  // Another type, so the differ cannot take it for B renamed.
  assignments: [screen('D', 50, 250, 'C')],
});

describe('one set of saved positions for a comparison of two free-form versions', () => {
  const diff = diffFlows(before, after);
  const positions = unionPositions(diff.graph, before, after);

  it('kept and added elements stand where the after version put them, removed ones where they were', () => {
    const status = new Map(diff.graph.nodes.map((n) => [n.id, n.status]));
    expect(status.get('B')).toBe('removed');
    expect(status.get('D')).toBe('added');
    expect(positions?.A).toEqual({ x: 300, y: 120 });
    expect(positions?.C).toEqual({ x: 50, y: 400 });
    expect(positions?.D).toEqual({ x: 50, y: 250 });
    expect(positions?.B).toEqual({ x: 50, y: 250 });
    expect(positions && Object.hasOwn(positions, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(positions, '__proto__')?.value).toEqual({ x: 500, y: 400 });
  });

  it('the saved layout pulls the removed element and the one added in its place apart, in saved order', async () => {
    const r = await layoutGraph({ ...diff.graph, positions }, { engine: 'saved', cache: false });
    expect(r.engine).toBe('saved');
    expect(checkLayout(diff.graph, r)).toEqual([]);
    expect(
      orderFaults(
        positions ?? {},
        r,
        diff.graph.nodes.map((n) => n.id),
      ),
    ).toEqual([]);
    const b = r.nodes.B;
    const d = r.nodes.D;
    expect(b && d && (b.x >= d.x + d.width || d.x >= b.x + b.width || b.y >= d.y + d.height)).toBeTruthy();
  });

  it('none when the after version is Auto-Layout (the comparison is drawn as Auto-Layout)', () => {
    const auto = flow({
      ...after.properties,
      processMetadataValues: [{ name: 'CanvasMode', value: { stringValue: 'AUTO_LAYOUT_CANVAS' } }],
      start: { ...at(50, 0), connector: to('A') },
      screens: [screen('A', 300, 120, 'C'), screen('C', 50, 400)],
    });
    expect(unionPositions(diffFlows(before, auto).graph, before, auto)).toBeUndefined();
  });
});
