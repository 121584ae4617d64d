// @vitest-environment happy-dom
import * as real from 'd3-drag';
import { describe, expect, it } from 'vitest';
import * as stub from '../../src/vendor/d3-drag-none';

/**
 * The browser build's d3-drag (vite.config.ts aliases it): what d3-zoom takes from it behaves as d3-drag's own.
 * The canvas panned and pressed with it in a real browser: test/e2e/diff.test.ts and sets.test.ts.
 */

/** Whether the browser's default for an event of this kind, dispatched now, is prevented. */
function prevented(type: 'dragstart' | 'selectstart' | 'click') {
  const event = new Event(type, { bubbles: true, cancelable: true });
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
}

type Pair = { dragDisable: (v: Window) => void; dragEnable: (v: Window, noclick?: boolean) => void };
/** A pan with the mouse as d3-zoom does it: pressed (`dragDisable`), released (`dragEnable`, moved or not). */
async function gesture(impl: Pair, moved: boolean) {
  // (Text selection is stopped by selectstart, or where there is none by -moz-user-select: compared too.)
  const seen: Record<string, boolean | string | undefined> = {};
  const style = document.documentElement.style as CSSStyleDeclaration & { MozUserSelect?: string };
  impl.dragDisable(window);
  seen.dragDuring = prevented('dragstart');
  seen.selectDuring = prevented('selectstart');
  seen.userSelectDuring = style.MozUserSelect;
  seen.clickDuring = prevented('click');
  impl.dragEnable(window, moved);
  seen.dragAfter = prevented('dragstart');
  seen.selectAfter = prevented('selectstart');
  seen.userSelectAfter = style.MozUserSelect;
  seen.clickRightAfter = prevented('click');
  await new Promise((ok) => setTimeout(ok, 5));
  seen.clickLater = prevented('click');
  return seen;
}

describe('the d3-drag stand-in', () => {
  it('does what d3-drag does for d3-zoom: no native drag or selection while panning, the end click swallowed', async () => {
    for (const moved of [false, true]) {
      const mine = await gesture(stub, moved);
      expect(mine).toEqual(await gesture(real, moved));
      expect(mine).toMatchObject({ dragDuring: true, dragAfter: false, selectAfter: false, clickLater: false });
      expect(mine.clickRightAfter).toBe(moved);
    }
  });

  it('says so loudly if a drag behaviour is ever asked for', () => {
    expect(() => stub.drag()).toThrow(/not bundled/);
  });
});
