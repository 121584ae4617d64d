/**
 * Stands in for `d3-color` in the browser build (vite.config.ts aliases it): 4 KiB gzip of the first screen.
 *
 * React Flow pulls d3-color in only through d3-interpolate and d3-transition, which test a tween's end value
 * with `color(value)` to choose a colour interpolator. React Flow tweens nothing but the viewport — a
 * `{x, y, k}` transform of numbers — so no colour is ever parsed: `color` says "not a colour" (d3 then treats
 * a string as a string), and the colour spaces, never reached, say so loudly if they ever are. Flowscope's
 * own colours are CSS; nothing of ours imports d3.
 */
const unreachable = (space: string) => (): never => {
  throw new Error(`d3-color is not bundled (vite.config.ts): no ${space} colour interpolation in Flowscope`);
};

export function color(): null {
  return null;
}
export const rgb = unreachable('rgb');
export const hsl = unreachable('hsl');
export const lab = unreachable('lab');
export const hcl = unreachable('hcl');
export const cubehelix = unreachable('cubehelix');
