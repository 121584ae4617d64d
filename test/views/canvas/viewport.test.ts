import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayoutGeometry } from '../../../src/layout/types';
import { fitViewport, initialViewport } from '../../../src/views/canvas/viewport';

const picture = (width: number, height: number, start: { x: number; y: number }): LayoutGeometry => ({
  width,
  height,
  nodes: Object.assign(Object.create(null), { $start: { x: start.x, y: start.y, width: 220, height: 64 } }),
  edges: Object.create(null),
});

describe('where a canvas opens', () => {
  it('a fitted flow keeps clear of the Layout picker over the top-left corner', () => {
    const v = fitViewport(picture(400, 300, { x: 90, y: 0 }), 1000, 700);
    expect(v.y).toBeGreaterThanOrEqual(48);
  });

  it('a wide picture whose Start is at its right edge opens on its right part, not half empty', () => {
    // ELK can draw Start top right of a 4,000 px wide flow.
    const layout = picture(4000, 3000, { x: 3780, y: 0 });
    const v = initialViewport(layout, 1000, 700);
    const right = v.x + layout.width * v.zoom;
    expect(right).toBeLessThanOrEqual(1000 - 23);
    expect(right).toBeGreaterThan(1000 - 25);
    // Start is in view.
    const sx = v.x + 3780 * v.zoom;
    expect(sx).toBeGreaterThanOrEqual(0);
    expect(sx + 220 * v.zoom).toBeLessThanOrEqual(1000);
  });

  it('never leaves one side empty while the picture is cut off on the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 20_000 }),
        fc.integer({ min: 300, max: 20_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 400, max: 2000 }),
        fc.integer({ min: 300, max: 1200 }),
        fc.boolean(),
        (w, h, at, width, height, mini) => {
          const layout = picture(w, h, { x: at * Math.max(0, w - 220), y: 0 });
          const v = initialViewport(layout, width, height, mini);
          const view = width - (mini ? 230 : 0);
          const left = v.x;
          const right = v.x + w * v.zoom;
          const whole = left >= -0.5 && right <= width + 0.5 && v.y >= -0.5 && v.y + h * v.zoom <= height + 0.5;
          if (whole) return;
          const cutLeft = left < -0.5;
          const cutRight = right > view + 0.5;
          if (cutLeft) expect(right).toBeGreaterThanOrEqual(view - 24.5);
          if (cutRight) expect(left).toBeLessThanOrEqual(24.5);
          expect(v.zoom).toBeGreaterThan(0);
        },
      ),
    );
  });
});
